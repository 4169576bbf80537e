"""Reading a PDF's text page by page: PDFium (pypdfium2) first, pypdf where PDFium falls short.

Measured over the shared corpus (``make bench-extract``), PDFium reads text several times faster
than pypdf and as fast as poppler's pdftotext, gets at least as much text, and fails on fewer
files. pypdf stays for what PDFium does not do well: a file PDFium cannot open (pypdf repairs a
lost cross-reference table and tells why an encrypted file cannot be read), and pages where
PDFium finds (almost) no text, which pypdf re-reads: some fonts PDFium cannot map to Unicode are
mapped by pypdf. A re-read page keeps whichever reading has more text.

This module reads with PDFium and decides; the pypdf reading is in pdf_pypdf (with what it
repairs in pdf_recovery), comments and form fields in pdf_annotations, title, author and dates
in pdf_metadata, and the page and character caps in pdf_caps.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from typing import Any

from .pdf_annotations import form_environment, with_annotations
from .pdf_caps import Caps
from .pdf_metadata import pdfium_metadata
from .pdf_problems import ENGINE_PYPDF, page_list, reason
from .pdf_pypdf import extract_pdf_pypdf
from .result import DAMAGED, ENCRYPTED, EXTRACTED, NO_TEXT_LAYER, Extraction, clean_text

ENGINE_PDFIUM = "pypdfium2"
#: A page PDFium reads with fewer non-space characters than this is re-read with pypdf.
SPARSE_PAGE_CHARACTERS = 40
_SPACE = re.compile(r"\s+")


def _nonspace(text: str) -> int:
    return len(_SPACE.sub("", text))


def _pdfium_text(text: str) -> str:
    # PDFium ends lines with CR LF and marks a hyphen it joined as U+0002 / U+FFFE.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "")
    return clean_text(text)


def extract_pdf(
    path: str | os.PathLike[str],
    *,
    on_metadata: Callable[[dict[str, str]], None] | None = None,
    on_page: Callable[[str], None] | None = None,
    on_provisional: Callable[[Extraction], None] | None = None,
    engine: str | None = None,
    deadline: float | None = None,
    max_pages: int | None = None,
    max_characters: int | None = None,
) -> Extraction:
    """Read a PDF: one string per page, page 1 first; never raises but MemoryError.

    ``on_metadata`` and ``on_page`` are told the metadata and each page's text as soon as they
    are read, so that a caller that has to stop a slow reading still has the pages read so far.
    ``on_provisional`` is told the whole PDFium result before pypdf re-reads sparse pages: a
    caller that has to stop the re-reading keeps it. No page is re-read once ``deadline`` (a
    ``time.monotonic()`` value) has passed. ``engine="pypdf"`` reads with pypdf alone.

    Reading stops after ``max_pages`` pages or ``max_characters`` characters, and the result
    says so. The text of comments (text and free-text annotations) and of filled form fields is
    part of the text of the page they are on.
    """
    caps = Caps(max_pages, max_characters)
    if engine == ENGINE_PYPDF:
        return caps.noted(
            extract_pdf_pypdf(path, on_metadata=on_metadata, on_page=on_page, caps=caps)
        )
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(os.fspath(path))
    except MemoryError:
        raise
    except Exception as error:
        if "password" in str(error).lower():
            return Extraction(
                ENCRYPTED,
                [],
                {},
                ENGINE_PDFIUM,
                "The PDF is encrypted: it needs a password to be opened.",
            )
        return caps.noted(_pypdf_instead(path, error, on_metadata, on_page, caps))
    try:
        return caps.noted(
            _read_with_pdfium(document, path, on_metadata, on_page, on_provisional, deadline, caps)
        )
    finally:
        document.close()


def _pdfium_reason(error: BaseException) -> str:
    """ "data format error" from pypdfium2's "Failed to load document (PDFium: Data format error)."."""
    found = re.search(r"PDFium: ([^)]+)\)", str(error))
    if not found:
        return reason(error)
    said = found.group(1).strip()
    return said[:1].lower() + said[1:]


def _pypdf_instead(
    path: str | os.PathLike[str],
    pdfium_error: BaseException,
    on_metadata: Callable[[dict[str, str]], None] | None,
    on_page: Callable[[str], None] | None,
    caps: Caps | None = None,
) -> Extraction:
    result = extract_pdf_pypdf(path, on_metadata=on_metadata, on_page=on_page, caps=caps)
    if result.status == DAMAGED:
        result.error += f" PDFium could not open it either ({_pdfium_reason(pdfium_error)})."
    return result


def _read_with_pdfium(
    document: Any,
    path: str | os.PathLike[str],
    on_metadata: Callable[[dict[str, str]], None] | None,
    on_page: Callable[[str], None] | None,
    on_provisional: Callable[[Extraction], None] | None,
    deadline: float | None,
    caps: Caps,
) -> Extraction:
    count = len(document)
    if count == 0:
        return _pypdf_instead(path, ValueError("no pages"), on_metadata, on_page, caps)
    metadata = pdfium_metadata(document)
    metadata["page_count"] = str(count)
    if on_metadata is not None:
        on_metadata(metadata)
    forms = form_environment(document)

    pages: list[str] = []
    failed: list[int] = []
    sparse: list[int] = []
    first_error: BaseException | None = None
    for index in range(caps.pages_to_read(count)):
        try:
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    # get_text_range, not get_text_bounded: the latter drops text outside
                    # the crop box (about 150 characters a page of a tax form in the corpus).
                    text = _pdfium_text(textpage.get_text_range())
                finally:
                    textpage.close()
                text = with_annotations(page, text, forms)
                if _nonspace(text) < SPARSE_PAGE_CHARACTERS and _has_text_objects(page):
                    sparse.append(index)
            finally:
                page.close()
        except MemoryError:
            raise
        except Exception as error:  # one bad page must not cost the others
            text = ""
            failed.append(index + 1)
            sparse.append(index)
            first_error = first_error or error
        text, full = caps.take(text)
        pages.append(text)
        if on_page is not None:
            on_page(text)
        if full:
            break

    engine = ENGINE_PDFIUM
    if sparse:
        if on_provisional is not None:
            on_provisional(_classify(pages, failed, first_error, metadata, engine))
        if _reread_with_pypdf(path, pages, sparse, failed, deadline, count):
            engine = f"{ENGINE_PDFIUM}+{ENGINE_PYPDF}"
    return _classify(pages, failed, first_error, metadata, engine)


def _has_text_objects(page: Any) -> bool:
    """Whether the page draws any text at all: a scanned page does not, and pypdf would find
    nothing there either (so a scanned document never costs a second reading)."""
    import pypdfium2.raw as pdfium_c

    try:
        return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT])), None) is not None
    except MemoryError:
        raise
    except Exception:
        return True  # when in doubt, ask pypdf


def _reread_with_pypdf(
    path: str | os.PathLike[str],
    pages: list[str],
    sparse: list[int],
    failed: list[int],
    deadline: float | None,
    count: int,
) -> bool:
    """Re-read the sparse pages with pypdf in place; True if pypdf gave any page more text."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(os.fspath(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return False
        if len(reader.pages) != count:
            return False  # the two readers disagree on the pages: do not mix them up
    except MemoryError:
        raise
    except Exception:
        return False
    improved = False
    for index in sparse:
        if deadline is not None and time.monotonic() > deadline:
            break
        try:
            text = clean_text(reader.pages[index].extract_text() or "")
        except MemoryError:
            raise
        except Exception:
            continue
        if _nonspace(text) > _nonspace(pages[index]):
            pages[index] = text
            improved = True
            if index + 1 in failed:
                failed.remove(index + 1)
    return improved


def _classify(
    pages: list[str],
    failed: list[int],
    first_error: BaseException | None,
    metadata: dict[str, str],
    engine: str,
) -> Extraction:
    pages = list(pages)
    count = len(pages)
    has_text = any(page.strip() for page in pages)
    if failed and (len(failed) == count or not has_text):
        which = "any of its pages" if len(failed) == count else f"pages {page_list(failed)}"
        detail = f" ({reason(first_error)})" if first_error is not None else ""
        return Extraction(
            DAMAGED,
            [],
            dict(metadata),
            engine,
            f"The PDF is damaged: could not read {which}{detail}.",
        )
    if not has_text:
        return Extraction(
            NO_TEXT_LAYER,
            pages,
            dict(metadata),
            engine,
            "This PDF has no text layer: it is probably scanned, and its text cannot be "
            "searched until it is run through OCR.",
        )
    note = ""
    if failed:
        pages_word = "Page" if len(failed) == 1 else "Pages"
        note = f"{pages_word} {page_list(failed)} could not be read; the other pages were read."
    return Extraction(EXTRACTED, pages, dict(metadata), engine, note)
