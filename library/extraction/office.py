"""Reading workbooks, CSV files and slide decks: one page per sheet or slide, and a preview.

A sheet becomes one page: its name on the first line, then one line per row that holds text,
cells joined by " | ". Which row each line came from is kept in the page's place (as ranges,
"0,1-400,402"), so that a hit can say "sheet Returns 2025, row 412". A slide becomes one page:
its title, its text, then its speaker notes. Formulas are never evaluated: a workbook is read
with the values Excel saved beside them (openpyxl's ``data_only``), and links to other files
are never followed.

A cell whose text starts with =, +, - or @ is stored with a leading apostrophe, as Excel itself
writes such text, so that no spreadsheet the text is later exported to takes it for a formula.

Only the standard library, openpyxl and python-pptx are imported: never Django.
"""

from __future__ import annotations

import csv
import datetime
import itertools
import os
import re
import time
import zipfile
from collections.abc import Iterable
from typing import Any

from .result import DAMAGED, EXTRACTED, NO_TEXT_LAYER, TIMEOUT, Extraction, clean_text, shorten
from .sniff import CSV, PPTX, XLSX, UnacceptableFile, check_upload, sniff_csv

ENGINE_OPENPYXL = "openpyxl"
ENGINE_PPTX = "python-pptx"
ENGINE_CSV = "csv"

#: Rows read from one file, all sheets together (empty rows count: they still cost time).
MAX_ROWS = 250_000
#: Cells read from one file, all sheets together.
MAX_CELLS = 5_000_000


def _limit(name: str, default: int) -> int:
    """A limit from the reader's environment (it inherits the server's; Django is not loaded
    here): HUB_EXTRACTION_MAX_ROWS, HUB_EXTRACTION_MAX_CELLS."""
    try:
        return int(os.environ.get(name) or default)
    except ValueError:
        return default


#: Characters kept of one cell: a cell holds at most 32,767 in Excel, a CSV field anything.
MAX_CELL_CHARACTERS = 32_767
#: Rows shown in a table's preview, after its header row.
PREVIEW_ROWS = 20
#: Columns shown in a table's preview, and characters of each cell there.
PREVIEW_COLUMNS = 30
PREVIEW_CELL_CHARACTERS = 200
#: Sheets and slides named in a preview.
PREVIEW_SHEETS = 50
PREVIEW_SLIDES = 500

CELL_SEPARATOR = " | "
# A row of text that needs a look cell by cell: control characters or line breaks, spaces to
# squeeze or trim, or a cell that starts like a formula.
_NEEDS_A_LOOK = re.compile(r"[\x00-\x1f]|  |^ | $|(?:^| \| )[=+\-@]")
# Text a spreadsheet would take for a formula (CSV injection): kept, but never bare.
_FORMULA_STARTS = ("=", "+", "-", "@")
_FORMULA_FIRST = "=+-@\t\r"


def neutralise(text: str) -> str:
    """Cell text safe to export to a spreadsheet: a leading apostrophe before =, +, -, @.

    A number ("-3.5") is left alone: it is no formula, and a reader wants it as it is.
    """
    if text.startswith(_FORMULA_STARTS) or text.startswith(("\t", "\r")):
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


class _Budget:
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


class _Sheet:
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


def _reason(error: BaseException, path: str = "") -> str:
    """The library's complaint, short, without the server's path to the file."""
    message = str(error).replace(path, "the file") if path else str(error)
    text = shorten(message, 120) if message.strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _raise_if_memory(error: BaseException) -> None:
    if "memory allocation failed" in str(error).lower():
        raise MemoryError(str(error)) from error


def _table_result(
    sheets: list[_Sheet],
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


# Workbooks ---------------------------------------------------------------------------------------


def _workbook_notes(path: str) -> list[str]:
    """What the workbook holds that is never run or followed: macros, links to other files."""
    notes = []
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name.lower() for name in archive.namelist()]
            links = [
                name
                for name in names
                if name.startswith("xl/externallinks/") and name.endswith(".xml")
            ]
            dde = any(
                b"ddeLink" in archive.read(name)
                for name in archive.namelist()
                if name.lower() in links[:50]
            )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, NotImplementedError, EOFError):
        return notes
    # VBA in vbaProject.bin; Excel 4 macros (XLM) in macro sheets, which are not read either.
    if any(name.endswith("vbaproject.bin") or name.startswith("xl/macrosheets/") for name in names):
        notes.append("This workbook holds macros; they were not run (only cell values were read).")
    if dde:
        notes.append(
            "This workbook holds DDE links (formulas that start programs); they were not run: "
            "the values saved in the file were read."
        )
    elif links:
        notes.append(
            f"This workbook links to {len(links)} other file(s); the links were not followed: "
            "the values saved in the file were read."
        )
    return notes


def extract_workbook(
    path: str,
    *,
    deadline: float | None = None,
    seconds: float | None = None,
    max_rows: int = MAX_ROWS,
    max_cells: int = MAX_CELLS,
) -> Extraction:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            path, read_only=True, data_only=True, keep_links=False, keep_vba=False
        )
    except MemoryError:
        raise
    except Exception as error:
        _raise_if_memory(error)
        return Extraction(
            DAMAGED,
            [],
            {},
            ENGINE_OPENPYXL,
            f"The workbook is damaged: it could not be opened ({_reason(error, path)}).",
        )
    budget = _Budget(deadline, max_rows, max_cells)
    sheets: list[_Sheet] = []
    notes = _workbook_notes(path)
    try:
        metadata = _workbook_metadata(workbook)
        for worksheet in workbook.worksheets:
            sheet = _Sheet(
                " ".join(clean_text(str(worksheet.title)).split()) or f"Sheet{len(sheets) + 1}"
            )
            sheets.append(sheet)
            if budget.stopped:
                continue
            try:
                # A wrong declared size (A1:XFD1048576) would pad every row to 16,384 cells.
                worksheet.reset_dimensions()
                for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                    if not budget.take(len(values)):
                        break
                    sheet.add(number, values)
            except MemoryError:
                raise
            except Exception as error:
                _raise_if_memory(error)
                notes.append(f"Sheet {sheet.name} could not be read to its end ({_reason(error)}).")
    finally:
        workbook.close()
    notes.append(budget.note(seconds))
    if not sheets:
        return Extraction(
            DAMAGED,
            [],
            metadata,
            ENGINE_OPENPYXL,
            "No sheet of this workbook could be read. A workbook saved as "
            '"Strict Open XML" cannot be read: save it as an ordinary Excel workbook (.xlsx).',
        )
    result = _table_result(sheets, metadata, ENGINE_OPENPYXL, notes, "workbook")
    if budget.stopped == "time" and result.status != EXTRACTED:
        result.status = TIMEOUT
    return result


def _workbook_metadata(workbook: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        properties = workbook.properties
    except Exception:  # unreadable properties must not cost the cells
        return found
    for key, value in (("title", properties.title), ("author", properties.creator)):
        text = " ".join(clean_text(str(value or "")).split())
        if text:
            found[key] = text
    for key, value in (("created", properties.created), ("modified", properties.modified)):
        if isinstance(value, datetime.datetime) and value.year >= 1900:
            found[key] = value.isoformat()
    return found


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
        return _table_result([plain], metadata, ENGINE_CSV, [], "file")
    budget = _Budget(deadline, max_rows, max_cells)
    sheet = _Sheet("")
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
                    f"The file could not be read past line {reader.line_num} ({_reason(error)})."
                )
    finally:
        csv.field_size_limit(previous)
    notes.append(budget.note(seconds))
    return _table_result([sheet], metadata, ENGINE_CSV, notes, "file")


def _plain_table(path: str, dialect: Any, max_rows: int) -> _Sheet | None:
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
        *(f"{before}{start}" for before in ("\n", delimiter) for start in _FORMULA_STARTS),
    )
    if not text or text[0] in (delimiter, *_FORMULA_STARTS) or text.endswith(delimiter):
        return None
    if any(sign in text for sign in doubtful):
        return None
    if delimiter != "\t" and "\t" in text:
        return None  # a tab inside a cell: the row-by-row reading tidies it
    lines = text.split("\n")
    if len(lines) > max_rows or len(lines) < 2:
        return None
    sheet = _Sheet("")
    for number, line in enumerate(lines[: PREVIEW_ROWS + 1], start=1):
        sheet.add(number, line.split(delimiter))
    sheet.lines = text.replace(delimiter, CELL_SEPARATOR).split("\n")
    sheet.ranges = f"1-{len(lines)}" if len(lines) > 1 else "1"
    sheet.row_count = len(lines)
    sheet.column_count = max(map(str.count, lines, itertools.repeat(delimiter))) + 1
    return sheet


# Presentations -----------------------------------------------------------------------------------


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_TITLE_TYPES = ("title", "ctrTitle")


def _paragraphs(element: Any) -> str:
    """The text of the DrawingML paragraphs under ``element``, one line each."""
    lines = []
    for paragraph in element.iter(f"{_A}p"):
        pieces = [
            "\n" if node.tag == f"{_A}br" else (node.text or "")
            for node in paragraph.iter(f"{_A}t", f"{_A}br")
        ]
        lines.append("".join(pieces))
    return "\n".join(lines)


def _shape_texts(tree: Any) -> tuple[str, list[str]]:
    """(title, other texts) of a slide's shape tree, read from its XML in one pass.

    python-pptx's shape objects look each property up with XPath again; on a deck of many
    small slides that cost more than opening the file. Text boxes, placeholders, tables (a
    row a line, cells joined) and groups (their shapes in turn) are read; pictures are not.
    """
    title = ""
    texts: list[str] = []
    for shape in tree:
        tag = shape.tag
        if tag == f"{_P}sp":
            body = shape.find(f"{_P}txBody")
            if body is None:
                continue
            placeholder = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
            text = _paragraphs(body)
            if not title and placeholder is not None and placeholder.get("type") in _TITLE_TYPES:
                title = text
            else:
                texts.append(text)
        elif tag == f"{_P}graphicFrame":
            for row in shape.iter(f"{_A}tr"):
                cells = (_paragraphs(cell).strip() for cell in row.iter(f"{_A}tc"))
                texts.append(CELL_SEPARATOR.join(cell for cell in cells if cell))
        elif tag == f"{_P}grpSp":
            inner_title, inner = _shape_texts(shape)
            texts.extend([inner_title, *inner] if inner_title else inner)
    return title, texts


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in clean_text(text).replace("\x0b", "\n").splitlines())
    return "\n".join(line for line in lines if line)


def extract_presentation(path: str, *, deadline: float | None = None) -> Extraction:
    import pptx

    try:
        presentation = pptx.Presentation(path)
    except MemoryError:
        raise
    except Exception as error:
        _raise_if_memory(error)
        return Extraction(
            DAMAGED,
            [],
            {},
            ENGINE_PPTX,
            f"The presentation is damaged: it could not be opened ({_reason(error, path)}).",
        )
    pages: list[str] = []
    places: list[dict[str, Any]] = []
    notes: list[str] = []
    try:
        slides = list(presentation.slides)
    except MemoryError:
        raise
    except Exception as error:
        _raise_if_memory(error)
        return Extraction(
            DAMAGED,
            [],
            {},
            ENGINE_PPTX,
            f"The presentation is damaged: its slides could not be read ({_reason(error)}).",
        )
    for number, slide in enumerate(slides, start=1):
        if deadline is not None and time.monotonic() > deadline:
            notes.append(f"Reading was stopped at the time limit after slide {number - 1}.")
            break
        title = speaker_notes = ""
        body: list[str] = []
        try:
            tree = slide.element.find(f"{_P}cSld/{_P}spTree")
            if tree is not None:
                title, body = _shape_texts(tree)
                title, body = _tidy(title), [_tidy(text) for text in body]
            if slide.has_notes_slide:
                frame = slide.notes_slide.notes_text_frame
                speaker_notes = _tidy(frame.text) if frame is not None else ""
        except MemoryError:
            raise
        except Exception as error:
            _raise_if_memory(error)
            notes.append(f"Slide {number} could not be read whole ({_reason(error)}).")
        title = title.replace("\n", " ")
        pages.append("\n".join(part for part in (title, *body, speaker_notes) if part))
        places.append({"slide": number, "title": title[:200]})
    metadata = _presentation_metadata(presentation)
    result = Extraction(
        EXTRACTED,
        pages,
        metadata,
        ENGINE_PPTX,
        " ".join(notes),
        places=places,
        preview={
            "kind": "slides",
            "slide_count": len(slides),
            "slides": [
                {"number": place["slide"], "title": place["title"]}
                for place in places[:PREVIEW_SLIDES]
            ],
        },
    )
    if not any(page.strip() for page in pages):
        result.status = NO_TEXT_LAYER
        result.error = (
            "This presentation holds no text (perhaps only pictures); there is nothing to search."
        )
    return result


def _presentation_metadata(presentation: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        core = presentation.core_properties
        values = (("title", core.title), ("author", core.author))
        dates = (("created", core.created), ("modified", core.modified))
    except Exception:  # unreadable properties must not cost the slides
        return found
    for key, value in values:
        text = " ".join(clean_text(str(value or "")).split())
        if text:
            found[key] = text
    for key, value in dates:
        if isinstance(value, datetime.datetime) and value.year >= 1900:
            found[key] = value.isoformat()
    return found


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
