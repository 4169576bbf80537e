"""What reading a file produced: its text page by page, its metadata, and how it went."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

EXTRACTED = "extracted"
NO_TEXT_LAYER = "no_text_layer"
ENCRYPTED = "encrypted"
DAMAGED = "damaged"
TOO_LARGE = "too_large"
TIMEOUT = "timeout"

STATUSES = (EXTRACTED, NO_TEXT_LAYER, ENCRYPTED, DAMAGED, TOO_LARGE, TIMEOUT)

# C0 control characters other than tab, newline and carriage return: PostgreSQL refuses NUL in
# text and the others only upset XML and JSON consumers downstream.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Text that every store accepts: no control characters, no lone UTF-16 surrogates."""
    text = _CONTROL.sub("", text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def shorten(message: str, limit: int = 160) -> str:
    """A library's exception text made fit to show an editor: one line, not too long."""
    message = " ".join(str(message).split())
    return message if len(message) <= limit else message[: limit - 1].rstrip() + "…"


@dataclass
class Extraction:
    """The outcome of reading one file.

    ``pages`` holds one string per page, page 1 first (for a Word file, the text between page
    breaks). ``error`` is a short sentence for an editor saying why text is missing; on an
    ``extracted`` result it may instead note that some pages could not be read. ``engine`` names
    the library that read the file ("pypdfium2", "pypdfium2+pypdf" when pypdf re-read pages
    PDFium found almost empty, "pypdf", "python-docx", "docx-xml"), empty when none did.
    A ``timeout`` or ``too_large`` result may carry the pages read before the reader was stopped.

    A workbook's, CSV file's or presentation's result also has, per page, its ``places`` (a
    sheet: ``{"sheet": name, "rows": "0,1-400"}``, the row each line of the page came from; a
    slide: ``{"slide": 3, "title": ...}``) and a ``preview`` of the file (see office.py).
    """

    status: str
    pages: list[str]
    metadata: dict[str, str]
    engine: str
    error: str = ""
    seconds: float = 0.0
    #: The failure was the server's (the reader was killed), not the file's: reading it again
    #: later may pass. Not part of the stored result.
    retryable: bool = False
    places: list[dict[str, Any]] = field(default_factory=list)
    preview: dict[str, Any] = field(default_factory=dict)

    @property
    def characters(self) -> int:
        return sum(len(page) for page in self.pages)

    @property
    def nonspace_characters(self) -> int:
        return sum(len(_SPACE.sub("", page)) for page in self.pages)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "pages": list(self.pages),
            "metadata": dict(self.metadata),
            "engine": self.engine,
            "error": self.error,
            "seconds": self.seconds,
            # Only a workbook's, CSV file's or deck's: a PDF's or Word file's stays as it was.
            **({"places": list(self.places)} if self.places else {}),
            **({"preview": dict(self.preview)} if self.preview else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            status=str(data["status"]),
            pages=[str(page) for page in data.get("pages") or []],
            metadata={str(k): str(v) for k, v in (data.get("metadata") or {}).items()},
            engine=str(data.get("engine") or ""),
            error=str(data.get("error") or ""),
            seconds=float(data.get("seconds") or 0.0),
            places=[dict(place) for place in data.get("places") or [] if isinstance(place, dict)],
            preview=dict(data.get("preview") or {}),
        )


def memory_message(memory_mb: int) -> str:
    return f"Reading this file needs more memory than the {memory_mb} MB limit; it was stopped."


def pages_cap_note(read: int, total: int) -> str:
    """The note on a file read only up to the page cap."""
    return (
        f"Read the first {read} pages of {total}: past that, a file is not read "
        f"(the limit is {read} pages per file)."
    )


def characters_cap_note(limit: int, page: int) -> str:
    """The note on a file read only up to the character cap."""
    return (
        f"Read the first {limit:,} characters, up to page {page}: past that, a file is not read "
        "(the limit per file)."
    )


def add_note(result: Extraction, note: str) -> Extraction:
    result.error = f"{result.error} {note}".strip() if note not in result.error else result.error
    return result


def bounded(result: Extraction, max_pages: int | None, max_characters: int | None) -> Extraction:
    """The result cut to at most ``max_pages`` pages and ``max_characters`` characters, saying so.

    The readers stop at the caps themselves; this is for a reader that cannot (a Word file is
    read whole) and a last guard for any other.
    """
    if max_pages and len(result.pages) > max_pages:
        total = len(result.pages)
        result.pages = result.pages[:max_pages]
        add_note(result, pages_cap_note(max_pages, total))
    if max_characters and result.characters > max_characters:
        kept: list[str] = []
        left = max_characters
        for page in result.pages:
            if left <= 0:
                break
            kept.append(page[:left])
            left -= len(page)
        result.pages = kept
        add_note(result, characters_cap_note(max_characters, len(kept)))
    return result
