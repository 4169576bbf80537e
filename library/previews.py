"""What a resource page shows of a workbook or deck without opening it: the preview stored when
the file was read (library.extraction.office), shaped for the template.

The file is never opened in a request, however large: only the stored preview is read. Every
value is text, escaped by the template like any other; a cell that looked like a formula was
stored with a leading apostrophe (office.neutralise).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SheetPreview:
    name: str
    rows: int
    columns: int
    header: list[str]
    first_rows: list[list[str]] = field(default_factory=list)

    @property
    def shown_rows(self) -> int:
        return len(self.first_rows)


@dataclass
class FilePreview:
    """A table's sheets (names, headers, first rows, counts) or a deck's slide titles."""

    kind: str  # "table" or "slides"
    sheets: list[SheetPreview] = field(default_factory=list)
    sheet_count: int = 0
    slides: list[tuple[int, str]] = field(default_factory=list)
    slide_count: int = 0

    @property
    def more_sheets(self) -> int:
        return max(0, self.sheet_count - len(self.sheets))

    @property
    def more_slides(self) -> int:
        return max(0, self.slide_count - len(self.slides))


def _texts(values: Any, width: int) -> list[str]:
    cells = [str(value) for value in values] if isinstance(values, list) else []
    return (cells + [""] * width)[:width]


def file_preview(stored: dict[str, Any] | None) -> FilePreview | None:
    """The stored preview made regular (every row as wide as the widest), or None."""
    if not stored or not isinstance(stored, dict):
        return None
    if stored.get("kind") == "table":
        sheets = []
        for sheet in stored.get("sheets") or []:
            if not isinstance(sheet, dict):
                continue
            header = sheet.get("header") or []
            rows = [row for row in sheet.get("first_rows") or [] if isinstance(row, list)]
            width = max([len(header), *(len(row) for row in rows)]) if header else 0
            sheets.append(
                SheetPreview(
                    name=str(sheet.get("name") or ""),
                    rows=int(sheet.get("rows") or 0),
                    columns=int(sheet.get("columns") or 0),
                    header=_texts(header, width),
                    first_rows=[_texts(row, width) for row in rows],
                )
            )
        return FilePreview("table", sheets=sheets, sheet_count=int(stored.get("sheet_count") or 0))
    if stored.get("kind") == "slides":
        slides = [
            (int(slide.get("number") or 0), str(slide.get("title") or ""))
            for slide in stored.get("slides") or []
            if isinstance(slide, dict)
        ]
        return FilePreview("slides", slides=slides, slide_count=int(stored.get("slide_count") or 0))
    return None
