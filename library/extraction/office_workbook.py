"""Reading a workbook (.xlsx) with openpyxl: one page per sheet, the values Excel saved (never
a formula evaluated, never a link followed), and notes on the macros and links it holds."""

from __future__ import annotations

import datetime
import zipfile
from typing import Any

from .office_problems import raise_if_memory, reason
from .office_tables import MAX_CELLS, MAX_ROWS, Budget, Sheet, table_result
from .result import DAMAGED, EXTRACTED, TIMEOUT, Extraction, clean_text

ENGINE_OPENPYXL = "openpyxl"


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
    """Read a workbook (.xlsx): one page per sheet, and a preview of its sheets. Reading stops,
    keeping what was read, at the file's limit of rows, cells or time."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            path, read_only=True, data_only=True, keep_links=False, keep_vba=False
        )
    except MemoryError:
        raise
    except Exception as error:
        raise_if_memory(error)
        return Extraction(
            DAMAGED,
            [],
            {},
            ENGINE_OPENPYXL,
            f"The workbook is damaged: it could not be opened ({reason(error, path)}).",
        )
    budget = Budget(deadline, max_rows, max_cells)
    sheets: list[Sheet] = []
    notes = _workbook_notes(path)
    try:
        metadata = _workbook_metadata(workbook)
        for worksheet in workbook.worksheets:
            sheet = Sheet(
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
                raise_if_memory(error)
                notes.append(f"Sheet {sheet.name} could not be read to its end ({reason(error)}).")
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
    result = table_result(sheets, metadata, ENGINE_OPENPYXL, notes, "workbook")
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
