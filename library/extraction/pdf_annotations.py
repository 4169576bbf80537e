"""The text of a PDF page's comments and filled form fields, added to the page's own text.

PDFium finds them through its annotation and form API, pypdf through the page's /Annots: both
readings give a page its comments (text and free-text annotations) and the values of its filled
text fields and choice lists, after the text drawn on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .result import clean_text

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


def form_environment(document: Any) -> Any:
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


def with_annotations(page: Any, text: str, forms: Any) -> str:
    """The page's text (read by PDFium) followed by its comments and form fields' values."""
    try:
        extras = _annotation_texts(page, forms)
    except MemoryError:
        raise
    except Exception:  # a broken annotation must not cost the page's own text
        return text
    return _joined(text, extras)


def with_pypdf_annotations(page: Any, text: str) -> str:
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
