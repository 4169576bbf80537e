"""Reading what can be read of a PDF pypdf cannot open as it is: a file cut short or without
its cross-reference table is repaired in memory, and a file whose list of pages is broken is
read from the page objects found in it."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from typing import Any

from .pdf_caps import Caps
from .pdf_metadata import pypdf_metadata
from .pdf_problems import ENGINE_PYPDF, damaged, reason
from .result import EXTRACTED, Extraction, clean_text

_TRAILER_WITH_ROOT = re.compile(rb"trailer\s*<<(?:(?!>>).){0,4000}?/Root", re.S)
_CATALOG = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj).){0,4000}?/Type\s*/Catalog\b", re.S)

MAX_SCANNED_OBJECTS = 200_000


def repaired_reader(path: str | os.PathLike[str]) -> Any | None:
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


def read_scanned_pages(
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
        return damaged("could not read its page tree", tree_error)
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
    metadata = pypdf_metadata(reader)
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
        return damaged("could not read its page tree", tree_error)
    return Extraction(
        EXTRACTED,
        pages,
        metadata,
        ENGINE_PYPDF,
        f"The PDF is damaged ({reason(tree_error)}): its list of pages is broken, so the "
        f"text of the {len(pages)} pages found in it was read, perhaps not in their order.",
    )
