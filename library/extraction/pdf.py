"""Reading a PDF's text page by page with pypdf."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from .result import (
    DAMAGED,
    ENCRYPTED,
    EXTRACTED,
    NO_TEXT_LAYER,
    Extraction,
    clean_text,
    shorten,
)

ENGINE = "pypdf"


def _reason(error: BaseException) -> str:
    text = shorten(str(error)) if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _damaged(what: str, error: BaseException | None = None) -> Extraction:
    detail = f" ({_reason(error)})" if error is not None else ""
    return Extraction(DAMAGED, [], {}, ENGINE, f"The PDF is damaged: pypdf {what}{detail}.")


def _page_list(numbers: list[int]) -> str:
    shown = [str(n) for n in numbers[:10]]
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + (f", {shown[-1]}" if more else f" and {shown[-1]}") + more


def extract_pdf(
    path: str | os.PathLike[str],
    *,
    on_metadata: Callable[[dict[str, str]], None] | None = None,
    on_page: Callable[[str], None] | None = None,
) -> Extraction:
    """Read a PDF: one string per page, page 1 first; never raises but MemoryError.

    ``on_metadata`` and ``on_page`` are told the metadata and each page's text as soon as they
    are read, so that a caller that has to stop a slow reading still has the pages read so far.
    """
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    repaired_from: BaseException | None = None
    try:
        reader = PdfReader(os.fspath(path), strict=False)
    except MemoryError:
        raise
    except Exception as error:
        if _needs_crypto(error):
            return _missing_dependency(error)
        reader = _repaired_reader(path)
        if reader is None:
            return _damaged("could not open it", error)
        repaired_from = error

    try:
        encrypted = reader.is_encrypted
    except MemoryError:
        raise
    except Exception as error:
        return _damaged("could not read its encryption settings", error)
    if encrypted:
        # Many PDFs are encrypted only to forbid printing or copying: they open with an empty
        # password and their text can be read. Only a user password really keeps us out.
        try:
            opened = reader.decrypt("")
        except MemoryError:
            raise
        except (NotImplementedError, FileNotDecryptedError) as error:
            return _encrypted(f"its encryption is not supported ({_reason(error)})")
        except Exception as error:
            if _needs_crypto(error):
                return _missing_dependency(error)
            return _damaged("could not read its encryption settings", error)
        if not opened:
            return _encrypted("it needs a password to be opened")

    try:
        count = len(reader.pages)
    except MemoryError:
        raise
    except FileNotDecryptedError:
        return _encrypted("it needs a password to be opened")
    except Exception as error:
        if _needs_crypto(error):
            return _missing_dependency(error)
        return _damaged("could not read its page tree", error)
    if count == 0:
        return _damaged("found no pages in it")

    metadata = _metadata(reader)
    metadata["page_count"] = str(count)
    if on_metadata is not None:
        on_metadata(metadata)

    pages: list[str] = []
    failed: list[int] = []
    first_error: BaseException | None = None
    for index in range(count):
        try:
            text = clean_text(reader.pages[index].extract_text() or "")
        except MemoryError:
            raise
        except Exception as error:  # one bad page must not cost the others
            if _needs_crypto(error):
                return _missing_dependency(error)
            text = ""
            failed.append(index + 1)
            first_error = first_error or error
        pages.append(text)
        if on_page is not None:
            on_page(text)

    has_text = any(page.strip() for page in pages)
    if repaired_from is not None and not has_text:
        result = _damaged("could not open it", repaired_from)
        result.metadata = metadata
        return result
    if failed and (len(failed) == count or not has_text):
        which = "any of its pages" if len(failed) == count else f"pages {_page_list(failed)}"
        result = _damaged(f"could not read {which}", first_error)
        result.metadata = metadata
        return result
    if not has_text:
        return Extraction(
            NO_TEXT_LAYER,
            pages,
            metadata,
            ENGINE,
            "This PDF has no text layer: it is probably scanned, and its text cannot be "
            "searched until it is run through OCR.",
        )
    notes = []
    if repaired_from is not None:
        notes.append(
            f"The PDF is damaged ({_reason(repaired_from)}); "
            "its text was read from what could be recovered."
        )
    if failed:
        pages_word = "Page" if len(failed) == 1 else "Pages"
        notes.append(
            f"{pages_word} {_page_list(failed)} could not be read; the other pages were read."
        )
    return Extraction(EXTRACTED, pages, metadata, ENGINE, " ".join(notes))


_TRAILER_WITH_ROOT = re.compile(rb"trailer\s*<<(?:(?!>>).){0,4000}?/Root", re.S)
_CATALOG = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj).){0,4000}?/Type\s*/Catalog\b", re.S)


def _repaired_reader(path: str | os.PathLike[str]) -> Any | None:
    """A reader for a PDF pypdf cannot open as it is, typically cut short or without its
    cross-reference table: with an end marker (and a trailer naming the document catalog, if
    the file lost it) appended, pypdf rebuilds the table by scanning the objects themselves.
    """
    from pypdf import PdfReader

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        suffix = b"\n"
        if not _TRAILER_WITH_ROOT.search(data):
            catalogs = _CATALOG.findall(data)
            if catalogs:  # the last one: an updated file appends its newer catalog
                suffix += b"trailer\n<< /Root %s %s R >>\n" % catalogs[-1]
        reader = PdfReader(io.BytesIO(data + suffix + b"startxref\n0\n%%EOF\n"), strict=False)
        if reader.is_encrypted or len(reader.pages) == 0:
            return None
        return reader
    except MemoryError:
        raise
    except Exception:
        return None


def _encrypted(why: str) -> Extraction:
    return Extraction(ENCRYPTED, [], {}, ENGINE, f"The PDF is encrypted: {why}.")


def _needs_crypto(error: BaseException) -> bool:
    """pypdf's DependencyError for the missing AES library (not for, say, a JBIG2 decoder)."""
    from pypdf.errors import DependencyError

    return isinstance(error, DependencyError) and (
        "cryptography" in str(error) or "AES" in str(error)
    )


def _missing_dependency(error: BaseException) -> Extraction:
    # pypdf needs the "cryptography" package for AES; without it even a PDF that opens with an
    # empty password cannot be read. That is the server's fault, and it says so.
    return Extraction(
        ENCRYPTED,
        [],
        {},
        ENGINE,
        "The PDF is encrypted and this server lacks what it needs to decrypt it "
        f"({shorten(error)}).",
    )


def _metadata(reader: Any) -> dict[str, str]:
    """Title, author and dates from the document information dictionary, each if readable."""
    found: dict[str, str] = {}
    try:
        info = reader.metadata
    except MemoryError:
        raise
    except Exception:  # unreadable metadata must not cost the text
        return found
    if not info:
        return found
    for key, attribute in (("title", "title"), ("author", "author")):
        try:
            value = getattr(info, attribute)
        except MemoryError:
            raise
        except Exception:
            continue
        if value is not None:
            value = " ".join(clean_text(str(value)).split())
            if value:
                found[key] = value
    for key, attribute in (("created", "creation_date"), ("modified", "modification_date")):
        try:
            value = getattr(info, attribute)
        except MemoryError:
            raise
        except Exception:  # a malformed date is left out rather than shown raw
            continue
        if isinstance(value, datetime):
            found[key] = value.isoformat()
    return found
