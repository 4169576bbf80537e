"""Reading a PDF's text with pypdf alone: opening (and repairing) the file, decrypting one that
opens with an empty password, reading page after page, and telling what could not be read.

PDFium reads most files (library.extraction.pdf); this reading is for the files it cannot open,
and for ``engine="pypdf"``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from .pdf_annotations import with_pypdf_annotations
from .pdf_caps import Caps
from .pdf_metadata import pypdf_metadata
from .pdf_problems import (
    ENGINE_PYPDF,
    damaged,
    encrypted,
    missing_dependency,
    needs_crypto,
    page_list,
    reason,
)
from .pdf_recovery import read_scanned_pages, repaired_reader
from .result import EXTRACTED, NO_TEXT_LAYER, Extraction, clean_text


def extract_pdf_pypdf(
    path: str | os.PathLike[str],
    *,
    on_metadata: Callable[[dict[str, str]], None] | None = None,
    on_page: Callable[[str], None] | None = None,
    caps: Caps | None = None,
) -> Extraction:
    """Read a PDF with pypdf alone: one string per page; never raises but MemoryError."""
    caps = caps or Caps(None, None)
    from pypdf.errors import FileNotDecryptedError

    opened = _open(path)
    if isinstance(opened, Extraction):
        return opened
    reader, repaired_from = opened
    refusal = _unlock(reader)
    if refusal is not None:
        return refusal

    try:
        count = len(reader.pages)
    except MemoryError:
        raise
    except FileNotDecryptedError:
        return encrypted("it needs a password to be opened")
    except Exception as error:
        if needs_crypto(error):
            return missing_dependency(error)
        return read_scanned_pages(path, error, on_metadata, on_page, caps)
    if count == 0:
        return damaged("found no pages in it")

    metadata = pypdf_metadata(reader)
    metadata["page_count"] = str(count)
    if on_metadata is not None:
        on_metadata(metadata)

    read = _read_pages(reader, count, caps, on_page)
    if isinstance(read, Extraction):
        return read
    pages, failed, first_error = read
    return _result(pages, failed, first_error, metadata, repaired_from)


def _open(path: str | os.PathLike[str]) -> tuple[Any, BaseException | None] | Extraction:
    """The reader, and the error it was repaired from (None if it opened as it is); or the
    result saying why the file cannot be opened."""
    from pypdf import PdfReader

    try:
        return PdfReader(os.fspath(path), strict=False), None
    except MemoryError:
        raise
    except Exception as error:
        if needs_crypto(error):
            return missing_dependency(error)
        reader = repaired_reader(path)
        if reader is None:
            return damaged("could not open it", error)
        return reader, error


def _unlock(reader: Any) -> Extraction | None:
    """None when the reader can read the pages (decrypted if need be); else why it cannot."""
    from pypdf.errors import FileNotDecryptedError

    try:
        is_encrypted = reader.is_encrypted
    except MemoryError:
        raise
    except Exception as error:
        return damaged("could not read its encryption settings", error)
    if not is_encrypted:
        return None
    # Many PDFs are encrypted only to forbid printing or copying: they open with an empty
    # password and their text can be read. Only a user password really keeps us out.
    try:
        opened = reader.decrypt("")
    except MemoryError:
        raise
    except (NotImplementedError, FileNotDecryptedError) as error:
        return encrypted(f"its encryption is not supported ({reason(error)})")
    except Exception as error:
        if needs_crypto(error):
            return missing_dependency(error)
        return damaged("could not read its encryption settings", error)
    if not opened:
        return encrypted("it needs a password to be opened")
    return None


def _read_pages(
    reader: Any,
    count: int,
    caps: Caps,
    on_page: Callable[[str], None] | None,
) -> tuple[list[str], list[int], BaseException | None] | Extraction:
    """The pages' text up to the caps, the numbers of the pages that failed and the first
    failure; or the result saying the file cannot be decrypted here."""
    pages: list[str] = []
    failed: list[int] = []
    first_error: BaseException | None = None
    for index in range(caps.pages_to_read(count)):
        try:
            page = reader.pages[index]
            text = with_pypdf_annotations(page, clean_text(page.extract_text() or ""))
        except MemoryError:
            raise
        except Exception as error:  # one bad page must not cost the others
            if needs_crypto(error):
                return missing_dependency(error)
            text = ""
            failed.append(index + 1)
            first_error = first_error or error
        text, full = caps.take(text)
        pages.append(text)
        if on_page is not None:
            on_page(text)
        if full:
            break
    return pages, failed, first_error


def _result(
    pages: list[str],
    failed: list[int],
    first_error: BaseException | None,
    metadata: dict[str, str],
    repaired_from: BaseException | None,
) -> Extraction:
    """What the reading of the pages amounts to: text, no text layer, or a damaged file."""
    has_text = any(page.strip() for page in pages)
    if repaired_from is not None and not has_text:
        result = damaged("could not open it", repaired_from)
        result.metadata = metadata
        return result
    if failed and (len(failed) == len(pages) or not has_text):
        which = "any of its pages" if len(failed) == len(pages) else f"pages {page_list(failed)}"
        result = damaged(f"could not read {which}", first_error)
        result.metadata = metadata
        return result
    if not has_text:
        return Extraction(
            NO_TEXT_LAYER,
            pages,
            metadata,
            ENGINE_PYPDF,
            "This PDF has no text layer: it is probably scanned, and its text cannot be "
            "searched until it is run through OCR.",
        )
    notes = []
    if repaired_from is not None:
        notes.append(
            f"The PDF is damaged ({reason(repaired_from)}); "
            "its text was read from what could be recovered."
        )
    if failed:
        pages_word = "Page" if len(failed) == 1 else "Pages"
        notes.append(
            f"{pages_word} {page_list(failed)} could not be read; the other pages were read."
        )
    return Extraction(EXTRACTED, pages, metadata, ENGINE_PYPDF, " ".join(notes))
