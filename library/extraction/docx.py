"""Reading a Word file's text, split into pages where a reader of the document would see them.

Two engines open the package: python-docx, and, for what python-docx refuses (.docm, .dotx and
.dotm content types, strict OOXML, a missing picture part), a plain zip + XML reader. Both hand
the same XML elements to one walker, so a file reads the same whichever engine opened it.

Pages. A Word file has no pages of its own: Word lays them out when it shows the file. What it
stores are explicit page starts (a page break, a section break that starts a new page, a
paragraph set to start on a new page) and, when Word itself saved the file,
``w:lastRenderedPageBreak`` marks where its last layout began each new page. Those marks are
what gives a reader's page numbers (page 12 is where Word and a PDF export of the file show it),
so when a file has any, every page start Word recorded is used, explicit or rendered; a rendered
mark right after an explicit page start with no text between is the same page start, counted
once. Files that other programs wrote (LibreOffice, python-docx, converters) carry no rendered
marks; only their explicit page starts are known, so a "page" may then span several printed
pages, but every page number given is still a true lower bound of where the text is. (A mark
inside a text box is not a page start of the body and is ignored.)

Text that is not in the body. A footnote is printed on the page of its reference and is put at
the end of that page. Endnotes are printed at the end of the document and go at the end of the
last page. Headers and footers repeat on every page of their section: each is put once, at the
end of the first page where it shows, so that it is found (a search for a report's running title
or a "Draft" footer points to where it first appears) without counting it once per page, and
without pushing the page's own first words out of its snippet. Deleted tracked changes, field
codes, comments and the second copy of a text box that Word keeps for old readers are left out.

This module finds the sections, page-starting styles and notes and puts the pages together; the
walker that turns the XML into text is in docx_walker, the two ways of opening the package in
docx_package, and WordprocessingML's names in docx_xml.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from typing import Any

from .docx_package import ENGINE_PYTHON_DOCX, ENGINE_XML, Package, PythonDocxPackage, ZipPackage
from .docx_walker import Walker
from .docx_xml import W, is_on, r_id, split_tag, w_attr, w_child, w_children
from .result import (
    DAMAGED,
    EXTRACTED,
    NO_TEXT_LAYER,
    Extraction,
    clean_text,
    shorten,
)
from .sniff import UnacceptableFile, check_upload

_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def _body(document: Any) -> Any:
    body = w_child(document, "body")
    if body is None:
        raise KeyError("the main document part has no body")
    return body


def _section_properties(body: Any) -> list[Any]:
    """The body's sections in order: each paragraph-borne w:sectPr, then the body's last one."""
    found = []
    for element in body.iter():
        namespace, local = split_tag(element.tag)
        if local != "sectPr" or namespace not in W:
            continue
        parent = element.getparent()
        if parent is body:
            found.append(element)
            continue
        grandparent = parent.getparent() if parent is not None else None
        if split_tag(parent.tag)[1] != "pPr" or grandparent is None:
            continue
        if split_tag(grandparent.tag)[1] != "p" or _inside_table_or_text_box(grandparent, body):
            continue
        found.append(element)
    return found


def _inside_table_or_text_box(element: Any, body: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not body:
        if split_tag(parent.tag)[1] in ("tbl", "txbxContent"):
            return True
        parent = parent.getparent()
    return False


def _section_type(section: Any) -> str:
    kind = w_child(section, "type")
    return (w_attr(kind, "val") if kind is not None else None) or "nextPage"


def _break_styles(styles: Any | None) -> tuple[frozenset[str], str | None]:
    """Paragraph styles that start a new page (directly or through their base style)."""
    if styles is None:
        return frozenset(), None
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    default = None
    for style in w_children(styles, "style"):
        if w_attr(style, "type") not in (None, "paragraph"):
            continue
        style_id = w_attr(style, "styleId")
        if not style_id:
            continue
        if (w_attr(style, "default") or "").lower() in ("1", "true", "on"):
            default = style_id
        properties = w_child(style, "pPr")
        own[style_id] = (
            is_on(w_child(properties, "pageBreakBefore")) if properties is not None else None
        )
        parent = w_child(style, "basedOn")
        if parent is not None and w_attr(parent, "val"):
            based_on[style_id] = w_attr(parent, "val") or ""

    def breaks(style_id: str) -> bool:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if own.get(style_id) is not None:
                return bool(own[style_id])
            style_id = based_on.get(style_id, "")
        return False

    return frozenset(s for s in own if breaks(s)), default


def _notes(package: Package, reltype: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for root in package.related_by_type(reltype):
        for note in root:
            if split_tag(note.tag)[1] not in ("footnote", "endnote"):
                continue
            if w_attr(note, "type") in _NOTE_SEPARATORS:
                continue
            note_id = w_attr(note, "id")
            if note_id is not None:
                texts[note_id] = _plain_text(note)
    return texts


def _plain_text(root: Any) -> str:
    walker = Walker(breaks=False)
    walker.walk(root)
    return _tidy(walker.text())


_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _tidy(text: str) -> str:
    return _BLANK_LINES.sub("\n\n", clean_text(text)).strip()


def _read_pages(package: Package) -> list[str]:
    document = package.document()
    body = _body(document)
    sections = _section_properties(body)
    styles = package.related_by_type("styles")
    break_styles, default_style = _break_styles(styles[0] if styles else None)
    rendered = any(
        namespace in W and local == "lastRenderedPageBreak"
        for namespace, local in (split_tag(element.tag) for element in body.iter())
    )
    walker = Walker(
        breaks=True,
        rendered=rendered,
        section_types=[_section_type(section) for section in sections],
        break_styles=break_styles,
        default_style=default_style,
    )
    walker.walk(body)

    extras: list[list[str]] = [[] for _ in walker.pages]
    footnotes = _notes(package, "footnotes")
    for page, referenced in enumerate(walker.footnotes):
        extras[page].extend(footnotes.get(note, "") for note in referenced)
    endnotes = _notes(package, "endnotes")
    extras[-1].extend(endnotes.get(note, "") for note in walker.endnotes)

    # Headers and footers: once each, on the first page of the first section that shows them.
    placed: set[str] = set()
    for section, start in zip(sections, walker.section_starts, strict=False):
        for reference in list(w_children(section, "headerReference")) + list(
            w_children(section, "footerReference")
        ):
            rel_id = r_id(reference)
            root = package.related(rel_id) if rel_id else None
            text = _plain_text(root) if root is not None else ""
            if text and text not in placed:
                placed.add(text)
                extras[min(start, len(extras) - 1)].append(text)

    pages = []
    for pieces, added in zip(walker.pages, extras, strict=True):
        text = "".join(pieces)
        notes = "\n\n".join(item for item in added if item)
        pages.append(_tidy(f"{text}\n\n{notes}" if notes else text))
    return pages


def _iso_date(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.year < 1900:  # Word writes 1601-01-01 and the like for "never"
        return None
    return moment.isoformat()


def _metadata(package: Package) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        core = package.core_properties()
    except MemoryError:
        raise
    except Exception:  # unreadable properties must not cost the text
        return found
    if core is None:
        return found
    values = {split_tag(child.tag)[1]: (child.text or "") for child in core}
    for key, local in (("title", "title"), ("author", "creator")):
        value = " ".join(clean_text(values.get(local, "")).split())
        if value:
            found[key] = value
    for key, local in (("created", "created"), ("modified", "modified")):
        value = _iso_date(values.get(local))
        if value:
            found[key] = value
    return found


def _open(path: str, engine: str | None) -> tuple[Package | None, str]:
    """The package opened by python-docx, else by the zip reader; or None and why not."""
    problems = []
    engines = [engine] if engine else [ENGINE_PYTHON_DOCX, ENGINE_XML]
    for name in engines:
        try:
            if name == ENGINE_PYTHON_DOCX:
                return PythonDocxPackage(path), ""
            return ZipPackage(path), ""
        except MemoryError:
            raise
        except Exception as error:
            _raise_if_memory(error)
            problems.append(f"{name}: {_reason(error)}")
    return None, f"The Word file is damaged: it could not be opened ({'; '.join(problems)})."


def _raise_if_memory(error: BaseException) -> None:
    """lxml reports a failed allocation as a parse error; it is the memory cap all the same."""
    if "memory allocation failed" in str(error).lower():
        raise MemoryError(str(error)) from error


def _reason(error: BaseException) -> str:
    text = shorten(str(error), 120) if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def extract_docx(path: str | os.PathLike[str], *, engine: str | None = None) -> Extraction:
    """Read a Word file (.docx, .docm, .dotx, .dotm); never raises but MemoryError.

    ``engine`` forces "python-docx" or "docx-xml" (for tests); by default python-docx is tried
    first and the zip reader reads what it refuses.
    """
    path = os.fspath(path)
    # The same checks as at upload: refuse a zip bomb before python-docx inflates every part.
    try:
        with open(path, "rb") as handle:
            check_upload(handle, max_bytes=2**63)
    except UnacceptableFile as refusal:
        return Extraction(refusal.status, [], {}, "", refusal.message)

    package, problem = _open(path, engine)
    if package is None:
        return Extraction(DAMAGED, [], {}, engine or ENGINE_XML, problem)
    try:
        pages = _read_pages(package)
        metadata = _metadata(package)
    except MemoryError:
        raise
    except Exception as error:
        _raise_if_memory(error)
        return Extraction(
            DAMAGED,
            [],
            {},
            package.engine,
            f"The Word file is damaged: its text could not be read ({_reason(error)}).",
        )
    finally:
        if isinstance(package, ZipPackage):
            package.close()
    if not any(page.strip() for page in pages):
        return Extraction(
            NO_TEXT_LAYER,
            pages,
            metadata,
            package.engine,
            "This Word document contains no text (perhaps only pictures); "
            "there is nothing to search.",
        )
    return Extraction(EXTRACTED, pages, metadata, package.engine)
