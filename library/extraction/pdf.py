"""Reading a PDF's text page by page: PDFium (pypdfium2) first, pypdf where PDFium falls short.

Measured over the shared corpus (``make bench-extract``), PDFium reads text several times faster
than pypdf and as fast as poppler's pdftotext, gets at least as much text, and fails on fewer
files. pypdf stays for what PDFium does not do well: a file PDFium cannot open (pypdf repairs a
lost cross-reference table and tells why an encrypted file cannot be read), and pages where
PDFium finds (almost) no text, which pypdf re-reads: some fonts PDFium cannot map to Unicode are
mapped by pypdf. A re-read page keeps whichever reading has more text.
"""

from __future__ import annotations

import io
import os
import re
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from .result import (
    DAMAGED,
    ENCRYPTED,
    EXTRACTED,
    NO_TEXT_LAYER,
    Extraction,
    add_note,
    characters_cap_note,
    clean_text,
    pages_cap_note,
    shorten,
)

ENGINE = "pypdf"
ENGINE_PYPDF = ENGINE
ENGINE_PDFIUM = "pypdfium2"
#: A page PDFium reads with fewer non-space characters than this is re-read with pypdf.
SPARSE_PAGE_CHARACTERS = 40
_SPACE = re.compile(r"\s+")


class Caps:
    """How much of one file is read: at most so many pages and so many characters.

    A file of 200,000 page references or millions of characters is read up to the caps, not in
    full; the result says where reading stopped.
    """

    def __init__(self, max_pages: int | None, max_characters: int | None) -> None:
        self.max_pages = max_pages or None
        self.max_characters = max_characters or None
        self.characters = 0
        self.total_pages = 0
        self.cut_at_characters = False

    def pages_to_read(self, count: int) -> int:
        self.total_pages = count
        return min(count, self.max_pages) if self.max_pages else count

    def take(self, text: str) -> tuple[str, bool]:
        """The page's text, cut at the character cap; True when reading must stop here."""
        if self.max_characters is None:
            return text, False
        left = self.max_characters - self.characters
        if len(text) >= left:
            self.characters = self.max_characters
            self.cut_at_characters = len(text) > left
            return text[:left], True
        self.characters += len(text)
        return text, False

    def noted(self, result: Extraction) -> Extraction:
        """The result with a note saying where reading stopped, if it stopped at a cap."""
        if result.status not in (EXTRACTED, NO_TEXT_LAYER):
            return result
        if self.cut_at_characters:
            add_note(result, characters_cap_note(self.max_characters or 0, len(result.pages)))
        elif self.max_pages and self.total_pages > self.max_pages:
            add_note(result, pages_cap_note(self.max_pages, self.total_pages))
        return result


# Comments and form fields ---------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _joined(page_text: str, extras: list[str]) -> str:
    """The page's text followed by each extra text not already in it (a comment whose
    appearance the producer already drew into the page is not counted twice)."""
    seen = _squeezed(page_text)
    added = []
    for extra in extras:
        extra = clean_text(extra).strip()
        flat = _squeezed(extra)
        if flat and flat not in seen:
            added.append(extra)
            seen += " " + flat
    if not added:
        return page_text
    return "\n".join([page_text.rstrip("\n"), *added]) if page_text.strip() else "\n".join(added)


def _form_environment(document: Any) -> Any:
    """PDFium's form environment, needed to read form fields' values; None without forms."""
    try:
        document.init_forms()
        return document.formenv
    except MemoryError:
        raise
    except Exception:
        return None


def _utf16(getter: Callable[[Any, int], int]) -> str:
    """A string from one of PDFium's "call twice" UTF-16 getters."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    size = getter(None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    getter(ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", "replace")


def _annotation_texts(page: Any, forms: Any) -> list[str]:
    """The text of the page's comments (text and free-text annotations) and the values of its
    filled text fields and choice lists, in the order they are listed on the page."""
    import pypdfium2.raw as pdfium_c

    raw_page = page.raw if hasattr(page, "raw") else page
    count = pdfium_c.FPDFPage_GetAnnotCount(raw_page)
    if count <= 0:
        return []
    comments = (pdfium_c.FPDF_ANNOT_TEXT, pdfium_c.FPDF_ANNOT_FREETEXT)
    fields = (
        pdfium_c.FPDF_FORMFIELD_TEXTFIELD,
        pdfium_c.FPDF_FORMFIELD_COMBOBOX,
        pdfium_c.FPDF_FORMFIELD_LISTBOX,
    )
    texts = []
    for index in range(min(count, 2000)):
        annotation = pdfium_c.FPDFPage_GetAnnot(raw_page, index)
        if not annotation:
            continue
        try:
            kind = pdfium_c.FPDFAnnot_GetSubtype(annotation)
            if kind in comments:
                texts.append(
                    _utf16(
                        lambda buf, size, a=annotation: pdfium_c.FPDFAnnot_GetStringValue(
                            a, b"Contents", buf, size
                        )
                    )
                )
            elif kind == pdfium_c.FPDF_ANNOT_WIDGET and forms:
                if pdfium_c.FPDFAnnot_GetFormFieldType(forms, annotation) in fields:
                    texts.append(
                        _utf16(
                            lambda buf, size, a=annotation: pdfium_c.FPDFAnnot_GetFormFieldValue(
                                forms, a, buf, size
                            )
                        )
                    )
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    return texts


def _with_annotations(page: Any, text: str, forms: Any) -> str:
    try:
        extras = _annotation_texts(page, forms)
    except MemoryError:
        raise
    except Exception:  # a broken annotation must not cost the page's own text
        return text
    return _joined(text, extras)


def _with_pypdf_annotations(page: Any, text: str) -> str:
    """The same for pypdf: comments' /Contents and text fields' /V (or their parent's)."""
    try:
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else None
        if not annotations:
            return text
        extras = []
        for reference in list(annotations)[:2000]:
            annotation = reference.get_object()
            subtype = annotation.get("/Subtype")
            if subtype in ("/Text", "/FreeText"):
                extras.append(str(annotation.get("/Contents") or ""))
            elif subtype == "/Widget":
                field = annotation
                if "/FT" not in field and "/Parent" in field:
                    field = field["/Parent"].get_object()
                if field.get("/FT") in ("/Tx", "/Ch"):
                    value = field.get("/V", annotation.get("/V"))
                    if isinstance(value, str):
                        extras.append(value)
    except MemoryError:
        raise
    except Exception:
        return text
    return _joined(text, extras)


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


def extract_pdf_pypdf(
    path: str | os.PathLike[str],
    *,
    on_metadata: Callable[[dict[str, str]], None] | None = None,
    on_page: Callable[[str], None] | None = None,
    caps: Caps | None = None,
) -> Extraction:
    """Read a PDF with pypdf alone: one string per page; never raises but MemoryError."""
    caps = caps or Caps(None, None)
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
        return _read_scanned_pages(path, error, on_metadata, on_page, caps)
    if count == 0:
        return _damaged("found no pages in it")

    metadata = _metadata(reader)
    metadata["page_count"] = str(count)
    if on_metadata is not None:
        on_metadata(metadata)

    pages: list[str] = []
    failed: list[int] = []
    first_error: BaseException | None = None
    for index in range(caps.pages_to_read(count)):
        try:
            page = reader.pages[index]
            text = _with_pypdf_annotations(page, clean_text(page.extract_text() or ""))
        except MemoryError:
            raise
        except Exception as error:  # one bad page must not cost the others
            if _needs_crypto(error):
                return _missing_dependency(error)
            text = ""
            failed.append(index + 1)
            first_error = first_error or error
        text, full = caps.take(text)
        pages.append(text)
        if on_page is not None:
            on_page(text)
        if full:
            break

    has_text = any(page.strip() for page in pages)
    if repaired_from is not None and not has_text:
        result = _damaged("could not open it", repaired_from)
        result.metadata = metadata
        return result
    if failed and (len(failed) == len(pages) or not has_text):
        which = "any of its pages" if len(failed) == len(pages) else f"pages {_page_list(failed)}"
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


MAX_SCANNED_OBJECTS = 200_000


def _read_scanned_pages(
    path: str | os.PathLike[str],
    tree_error: BaseException,
    on_metadata: Callable[[dict[str, str]], None] | None,
    on_page: Callable[[str], None] | None,
    caps: Caps | None = None,
) -> Extraction:
    """The text of a PDF whose list of pages is broken, from the page objects found in it.

    Every object of the file is looked at, and each that says it is a page is read, in the
    order the objects are numbered (usually, not always, the order of the pages).
    """
    from pypdf import PdfReader
    from pypdf._page import PageObject
    from pypdf.generic import DictionaryObject

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        # "startxref 0" makes pypdf rebuild the table of objects by scanning the file.
        reader = PdfReader(io.BytesIO(data + b"\nstartxref\n0\n%%EOF\n"), strict=False)
        numbers = sorted({number for table in reader.xref.values() for number in table})
    except MemoryError:
        raise
    except Exception:
        return _damaged("could not read its page tree", tree_error)
    found = []
    for number in numbers[:MAX_SCANNED_OBJECTS]:
        try:
            item = reader.get_object(number)
        except MemoryError:
            raise
        except Exception:
            continue
        if isinstance(item, DictionaryObject) and item.get("/Type") == "/Page":
            page = PageObject(reader, item.indirect_reference)
            page.update(item)
            found.append(page)
    metadata = _metadata(reader)
    metadata["page_count"] = str(len(found))
    if on_metadata is not None and found:
        on_metadata(metadata)
    caps = caps or Caps(None, None)
    pages = []
    for page in found[: caps.pages_to_read(len(found))]:
        try:
            text = clean_text(page.extract_text() or "")
        except MemoryError:
            raise
        except Exception:
            text = ""
        text, full = caps.take(text)
        pages.append(text)
        if on_page is not None:
            on_page(text)
        if full:
            break
    if not any(page.strip() for page in pages):
        return _damaged("could not read its page tree", tree_error)
    return Extraction(
        EXTRACTED,
        pages,
        metadata,
        ENGINE,
        f"The PDF is damaged ({_reason(tree_error)}): its list of pages is broken, so the "
        f"text of the {len(pages)} pages found in it was read, perhaps not in their order.",
    )


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


# PDFium -------------------------------------------------------------------------------------


def _nonspace(text: str) -> int:
    return len(_SPACE.sub("", text))


def _pdfium_text(text: str) -> str:
    # PDFium ends lines with CR LF and marks a hyphen it joined as U+0002 / U+FFFE.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "")
    return clean_text(text)


_PDF_DATE = re.compile(
    r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([+-])(\d{2})'?(\d{2})?'?|(Z))?"
)


def pdf_date(value: str) -> str | None:
    """A PDF date ("D:20041026181009+09'00'") as ISO 8601, or None if it is not one."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, sign, tz_hour, tz_minute, utc = match.groups()
    try:
        moment = datetime(
            int(year),
            int(month or 1),
            int(day or 1),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
        )
    except ValueError:
        return None
    if moment.year < 1900:
        return None
    text = moment.isoformat()
    if sign:
        text += f"{sign}{tz_hour}:{tz_minute or '00'}"
    elif utc:
        text += "+00:00"
    return text


def _pdfium_metadata(document: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except MemoryError:
        raise
    except Exception:  # unreadable metadata must not cost the text
        return found
    for key, name in (("title", "Title"), ("author", "Author")):
        value = " ".join(clean_text(str(info.get(name) or "")).split())
        if value:
            found[key] = value
    for key, name in (("created", "CreationDate"), ("modified", "ModDate")):
        value = pdf_date(str(info.get(name) or ""))
        if value:
            found[key] = value
    return found


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
        return _reason(error)
    reason = found.group(1).strip()
    return reason[:1].lower() + reason[1:]


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
    metadata = _pdfium_metadata(document)
    metadata["page_count"] = str(count)
    if on_metadata is not None:
        on_metadata(metadata)
    forms = _form_environment(document)

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
                text = _with_annotations(page, text, forms)
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
        which = "any of its pages" if len(failed) == count else f"pages {_page_list(failed)}"
        detail = f" ({_reason(first_error)})" if first_error is not None else ""
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
        note = f"{pages_word} {_page_list(failed)} could not be read; the other pages were read."
    return Extraction(EXTRACTED, pages, dict(metadata), engine, note)
