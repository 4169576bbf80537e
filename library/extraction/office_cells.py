"""A cell's value as text: as a reader would type it (12, 3.5, 2025-01-31, TRUE), and never as
a formula a spreadsheet would run; and which row each line of a sheet's page came from, kept
compactly ("0,1-400,402") so that a hit can name its row."""

from __future__ import annotations

import datetime
from typing import Any

#: Characters kept of one cell: a cell holds at most 32,767 in Excel, a CSV field anything.
MAX_CELL_CHARACTERS = 32_767
# Text a spreadsheet would take for a formula (CSV injection): kept, but never bare.
FORMULA_STARTS = ("=", "+", "-", "@")
_FORMULA_FIRST = "=+-@\t\r"


def neutralise(text: str) -> str:
    """Cell text safe to export to a spreadsheet: a leading apostrophe before =, +, -, @.

    A number ("-3.5") is left alone: it is no formula, and a reader wants it as it is.
    """
    if text.startswith(FORMULA_STARTS) or text.startswith(("\t", "\r")):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def cell_text(value: Any) -> str:
    """A cell's value as a reader would type it: 12, 3.5, 2025-01-31, TRUE, text.

    Called for every cell: the commonest kinds (empty, text, numbers) are told by their exact
    type first. Control characters and lone surrogates are removed from the whole page later.
    """
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        text = value if len(value) <= MAX_CELL_CHARACTERS else value[:MAX_CELL_CHARACTERS]
        text = " ".join(text.split())
        return neutralise(text) if text and text[0] in _FORMULA_FIRST else text
    if kind is float:
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if kind is int:
        return str(value)
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    if isinstance(value, (int, float)):
        return cell_text(int(value) if isinstance(value, int) else float(value))
    return cell_text(str(value))


def row_ranges(rows: list[int]) -> str:
    """[0, 1, 2, 3, 7] -> "0,1-3,7": which row each line of a page came from, compactly."""
    parts: list[str] = []
    start = previous = None
    for row in rows:
        if previous is not None and row == previous + 1:
            previous = row
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = row
    if start is not None:
        parts.append(str(start) if start == previous else f"{start}-{previous}")
    return ",".join(parts)


def row_of_line(ranges: str, line: int) -> int | None:
    """The row the page's ``line`` (0 first) came from, from row_ranges(); None if unknown."""
    seen = 0
    for part in filter(None, ranges.split(",")):
        first, _, last = part.partition("-")
        try:
            start, end = int(first), int(last or first)
        except ValueError:
            return None
        count = end - start + 1
        if line < seen + count:
            return start + (line - seen)
        seen += count
    return None
