"""Reading workbooks, CSV files and slide decks: one page per sheet or slide, and a preview.

A sheet becomes one page: its name on the first line, then one line per row that holds text,
cells joined by " | ". Which row each line came from is kept in the page's place (as ranges,
"0,1-400,402"), so that a hit can say "sheet Returns 2025, row 412". A slide becomes one page:
its title, its text, then its speaker notes. Formulas are never evaluated: a workbook is read
with the values Excel saved beside them (openpyxl's ``data_only``), and links to other files
are never followed.

A cell whose text starts with =, +, - or @ is stored with a leading apostrophe, as Excel itself
writes such text, so that no spreadsheet the text is later exported to takes it for a formula.

This module reads CSV files and sends each kind to its reader: workbooks are read in
office_workbook, slide decks in office_slides; a sheet's page, preview and the file's budget
are kept in office_tables, and cells are turned into text in office_cells.

Only the standard library, openpyxl and python-pptx are imported: never Django.
"""

from __future__ import annotations

import csv
import itertools
import os
import time
from typing import Any

from .office_cells import FORMULA_STARTS
from .office_problems import reason
from .office_slides import extract_presentation
from .office_tables import (
    CELL_SEPARATOR,
    MAX_CELLS,
    MAX_ROWS,
    PREVIEW_ROWS,
    Budget,
    Sheet,
    table_result,
)
from .office_workbook import extract_workbook
from .result import DAMAGED, Extraction
from .sniff import CSV, PPTX, XLSX, UnacceptableFile, check_upload, sniff_csv

ENGINE_CSV = "csv"


def _limit(name: str, default: int) -> int:
    """A limit from the reader's environment (it inherits the server's; Django is not loaded
    here): HUB_EXTRACTION_MAX_ROWS, HUB_EXTRACTION_MAX_CELLS."""
    try:
        return int(os.environ.get(name) or default)
    except ValueError:
        return default


# CSV ---------------------------------------------------------------------------------------------


def extract_csv(
    path: str,
    *,
    deadline: float | None = None,
    seconds: float | None = None,
    max_rows: int = MAX_ROWS,
    max_cells: int = MAX_CELLS,
) -> Extraction:
    with open(path, "rb") as handle:
        try:
            dialect = sniff_csv(handle)
        except UnacceptableFile as refusal:
            return Extraction(refusal.status, [], {}, ENGINE_CSV, refusal.message)
    metadata = {"encoding": dialect.encoding, "delimiter": dialect.delimiter}
    plain = _plain_table(path, dialect, max_rows)
    if plain is not None:
        return table_result([plain], metadata, ENGINE_CSV, [], "file")
    budget = Budget(deadline, max_rows, max_cells)
    sheet = Sheet("")
    notes: list[str] = []
    previous = csv.field_size_limit()
    csv.field_size_limit(dialect.max_line)
    try:
        with open(path, encoding=dialect.encoding, errors="replace", newline="") as text:
            reader = csv.reader(text, delimiter=dialect.delimiter, quotechar=dialect.quotechar)
            try:
                for values in reader:
                    if not budget.take(len(values)):
                        break
                    sheet.add_text(reader.line_num, values)
            except csv.Error as error:
                notes.append(
                    f"The file could not be read past line {reader.line_num} ({reason(error)})."
                )
    finally:
        csv.field_size_limit(previous)
    notes.append(budget.note(seconds))
    return table_result([sheet], metadata, ENGINE_CSV, notes, "file")


def _plain_table(path: str, dialect: Any, max_rows: int) -> Sheet | None:
    """A CSV file with nothing to unquote, tidy or neutralise, read whole at once; else None.

    Most data files are plain: no quotes, no empty cells, no cell that starts like a formula.
    Their text is then their lines with the delimiter replaced, each line a row: string
    operations over the whole file instead of a look at each cell (a large file reads several
    times faster). Any doubt, and the file is read row by row, cell by cell.
    """
    if os.path.getsize(path) > 64 * 1024 * 1024:
        return None
    with open(path, encoding=dialect.encoding, errors="replace", newline="") as handle:
        text = handle.read()
    text = text.replace("\r\n", "\n").rstrip("\n")
    delimiter = dialect.delimiter
    doubtful = (
        dialect.quotechar,
        "\r",
        "\n\n",
        delimiter + delimiter,
        delimiter + "\n",
        "\n" + delimiter,
        *(f"{before}{start}" for before in ("\n", delimiter) for start in FORMULA_STARTS),
    )
    if not text or text[0] in (delimiter, *FORMULA_STARTS) or text.endswith(delimiter):
        return None
    if any(sign in text for sign in doubtful):
        return None
    if delimiter != "\t" and "\t" in text:
        return None  # a tab inside a cell: the row-by-row reading tidies it
    lines = text.split("\n")
    if len(lines) > max_rows or len(lines) < 2:
        return None
    sheet = Sheet("")
    for number, line in enumerate(lines[: PREVIEW_ROWS + 1], start=1):
        sheet.add(number, line.split(delimiter))
    sheet.lines = text.replace(delimiter, CELL_SEPARATOR).split("\n")
    sheet.ranges = f"1-{len(lines)}" if len(lines) > 1 else "1"
    sheet.row_count = len(lines)
    sheet.column_count = max(map(str.count, lines, itertools.repeat(delimiter))) + 1
    return sheet


# The reader's entry point ------------------------------------------------------------------------


def extract_office(
    kind: str, path: str | os.PathLike[str], *, seconds: float | None = None
) -> Extraction:
    """Read a workbook ("xlsx"), CSV file ("csv") or presentation ("pptx"); never raises but
    MemoryError. Reading stops, keeping what was read, at 80 % of ``seconds``."""
    path = os.fspath(path)
    deadline = time.monotonic() + 0.8 * seconds if seconds else None
    if kind != CSV:
        # The same checks as at upload: refuse a zip bomb before a reader inflates it.
        try:
            with open(path, "rb") as handle:
                check_upload(handle, max_bytes=2**63)
        except UnacceptableFile as refusal:
            return Extraction(refusal.status, [], {}, "", refusal.message)
    rows = _limit("HUB_EXTRACTION_MAX_ROWS", MAX_ROWS)
    cells = _limit("HUB_EXTRACTION_MAX_CELLS", MAX_CELLS)
    if kind == XLSX:
        return extract_workbook(
            path, deadline=deadline, seconds=seconds, max_rows=rows, max_cells=cells
        )
    if kind == PPTX:
        return extract_presentation(path, deadline=deadline)
    if kind == CSV:
        return extract_csv(path, deadline=deadline, seconds=seconds, max_rows=rows, max_cells=cells)
    return Extraction(DAMAGED, [], {}, "", f"Unknown kind of file: {kind!r}.")
