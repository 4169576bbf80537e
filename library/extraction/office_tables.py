"""A table being read: one sheet's (or CSV file's) page text, row numbers and preview, the
file's budget of rows, cells and time, and the result a table file's reading gives."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from typing import Any

from .office_cells import MAX_CELL_CHARACTERS, cell_text, row_ranges
from .result import EXTRACTED, NO_TEXT_LAYER, Extraction, clean_text

#: Rows read from one file, all sheets together (empty rows count: they still cost time).
MAX_ROWS = 250_000
#: Cells read from one file, all sheets together.
MAX_CELLS = 5_000_000
#: Rows shown in a table's preview, after its header row.
PREVIEW_ROWS = 20
#: Columns shown in a table's preview, and characters of each cell there.
PREVIEW_COLUMNS = 30
PREVIEW_CELL_CHARACTERS = 200
#: Sheets named in a preview.
PREVIEW_SHEETS = 50

CELL_SEPARATOR = " | "
# A row of text that needs a look cell by cell: control characters or line breaks, spaces to
# squeeze or trim, or a cell that starts like a formula.
_NEEDS_A_LOOK = re.compile(r"[\x00-\x1f]|  |^ | $|(?:^| \| )[=+\-@]")


class Budget:
    """What is left of the file's rows, cells and time; says why reading stopped."""

    def __init__(self, deadline: float | None, max_rows: int, max_cells: int) -> None:
        self.deadline = deadline
        self.rows = max_rows
        self.cells = max_cells
        self.max_rows = max_rows
        self.max_cells = max_cells
        self.stopped = ""  # "rows", "cells" or "time"

    def take(self, cells: int) -> bool:
        """Count one row of ``cells`` cells; False once a limit is reached."""
        self.rows -= 1
        self.cells -= cells
        if self.rows < 0:
            self.stopped = "rows"
        elif self.cells < 0:
            self.stopped = "cells"
        elif (
            self.deadline is not None and self.rows % 2000 == 0 and time.monotonic() > self.deadline
        ):
            self.stopped = "time"
        return not self.stopped

    def note(self, seconds: float | None) -> str:
        if self.stopped == "rows":
            return (
                f"Read the first {self.max_rows:,} rows: past that, a file is not read "
                "(the limit per file)."
            )
        if self.stopped == "cells":
            return (
                f"Read the first {self.max_cells:,} cells: past that, a file is not read "
                "(the limit per file)."
            )
        if self.stopped == "time":
            limit = f" of {seconds:g} s" if seconds else ""
            return f"Reading was stopped at the time limit{limit}; the rows before were read."
        return ""


class Sheet:
    """One sheet (or a CSV file) being read: its page text, row numbers and preview."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = [name] if name else []
        self.rows: list[int] = [0] if name else []
        self.header: list[str] | None = None
        self.header_row = 0
        self.preview: list[list[str]] = []
        self.row_count = 0
        self.column_count = 0
        self.ranges = ""  # set when the rows are known at once (a plain CSV file)

    def add(self, number: int, values: Iterable[Any]) -> None:
        cells = [cell_text(value) for value in values]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            return
        self.row_count += 1
        self.column_count = max(self.column_count, len(cells))
        self.lines.append(CELL_SEPARATOR.join(cell for cell in cells if cell))
        self.rows.append(number)
        if self.header is None:
            self.header = [_preview_cell(cell) for cell in cells[:PREVIEW_COLUMNS]]
            self.header_row = number
        elif len(self.preview) < PREVIEW_ROWS:
            self.preview.append([_preview_cell(cell) for cell in cells[:PREVIEW_COLUMNS]])

    def add_text(self, number: int, values: list[str]) -> None:
        """A row of text cells (a CSV file's), the plain ones without a look at each cell.

        A CSV file is all text and often large: most rows hold nothing to tidy or neutralise,
        and a look at the row as a whole (one regular expression) finds those that do."""
        line = CELL_SEPARATOR.join(values)
        if (
            self.header is None
            or len(self.preview) < PREVIEW_ROWS
            or "" in values
            or len(line) > MAX_CELL_CHARACTERS
            or _NEEDS_A_LOOK.search(line)
        ):
            self.add(number, values)
            return
        self.row_count += 1
        if len(values) > self.column_count:
            self.column_count = len(values)
        self.lines.append(line)
        self.rows.append(number)

    def page(self) -> str:
        return "\n".join(self.lines)

    def place(self) -> dict[str, Any]:
        return {"sheet": self.name, "rows": self.ranges or row_ranges(self.rows)}

    def preview_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "rows": self.row_count,
            "columns": self.column_count,
            "header_row": self.header_row,
            "header": self.header or [],
            "first_rows": self.preview,
        }


def _preview_cell(text: str) -> str:
    return (
        text if len(text) <= PREVIEW_CELL_CHARACTERS else text[: PREVIEW_CELL_CHARACTERS - 1] + "…"
    )


def table_result(
    sheets: list[Sheet],
    metadata: dict[str, str],
    engine: str,
    notes: list[str],
    what: str,
) -> Extraction:
    pages = [clean_text(sheet.page()) for sheet in sheets]
    result = Extraction(
        EXTRACTED,
        pages,
        metadata,
        engine,
        " ".join(note for note in notes if note),
        places=[sheet.place() for sheet in sheets],
        preview={
            "kind": "table",
            "sheet_count": len(sheets),
            "sheets": [sheet.preview_json() for sheet in sheets[:PREVIEW_SHEETS]],
        },
    )
    if not any(sheet.row_count for sheet in sheets):
        result.status = NO_TEXT_LAYER
        result.error = (
            f"This {what} holds no cell text; there is nothing to search. {result.error}"
        ).strip()
    return result
