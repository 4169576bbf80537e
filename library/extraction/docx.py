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
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any
from urllib.parse import unquote

from .result import (
    DAMAGED,
    EXTRACTED,
    NO_TEXT_LAYER,
    Extraction,
    clean_text,
    shorten,
)
from .sniff import UnacceptableFile, check_upload, main_document_name

ENGINE_PYTHON_DOCX = "python-docx"
ENGINE_XML = "docx-xml"

_W = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict OOXML
    }
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math",
    }
)
_R = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_PAGE_STARTING_SECTIONS = frozenset({"nextPage", "oddPage", "evenPage"})
_OFF = frozenset({"0", "false", "off"})
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})

# Elements whose content is never text a reader sees: properties, deleted text, field codes.
_SKIP = frozenset(
    {
        "pPr",
        "rPr",
        "sectPr",
        "tblPr",
        "tblPrEx",
        "tblGrid",
        "trPr",
        "tcPr",
        "sdtPr",
        "sdtEndPr",
        "customXmlPr",
        "smartTagPr",
        "del",
        "delText",
        "moveFrom",
        "instrText",
        "delInstrText",
        "fldData",
        "rt",  # ruby annotation: the base text is kept
        "sym",
        "softHyphen",
        "commentReference",
        "annotationRef",
        "footnoteRef",
        "endnoteRef",
        "separator",
        "continuationSeparator",
        "altChunk",
    }
)


def _split(tag: Any) -> tuple[str, str]:
    if not isinstance(tag, str):
        return "", ""  # a comment or processing instruction
    if tag[:1] == "{":
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _w_attr(element: Any, name: str) -> str | None:
    for namespace in _W:
        value = element.get(f"{{{namespace}}}{name}")
        if value is not None:
            return value
    return None


def _r_id(element: Any) -> str | None:
    for namespace in _R:
        value = element.get(f"{{{namespace}}}id")
        if value is not None:
            return value
    return None


def _w_children(element: Any, local: str) -> Iterable[Any]:
    for child in element:
        namespace, name = _split(child.tag)
        if name == local and namespace in _W:
            yield child


def _w_child(element: Any, local: str) -> Any | None:
    return next(iter(_w_children(element, local)), None)


def _is_on(element: Any | None) -> bool | None:
    """An on/off property: None when absent, else whether it is on (no w:val means on)."""
    if element is None:
        return None
    value = _w_attr(element, "val")
    return value is None or value.lower() not in _OFF


def _safe_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )


class _Walker:
    """Turns WordprocessingML into text pages, following the document order."""

    def __init__(
        self,
        *,
        breaks: bool,
        rendered: bool = False,
        section_types: list[str] | None = None,
        break_styles: frozenset[str] = frozenset(),
        default_style: str | None = None,
    ) -> None:
        self.pages: list[list[str]] = [[]]
        self.footnotes: list[list[str]] = [[]]  # the footnote ids referenced on each page
        self.endnotes: list[str] = []
        self.section_starts: list[int] = [0]  # the page each section starts on
        self._breaks = breaks  # False for headers and notes: they have no pages of their own
        self._rendered = rendered
        self._section_types = section_types or []
        self._section = 0
        self._break_styles = break_styles
        self._default_style = default_style
        self._nested = 0  # inside a table or text box: no explicit page starts there
        self._in_text_box = 0
        # True from an explicit page start (or the start of the document) until text follows.
        self._fresh = True

    # Output -------------------------------------------------------------------------------

    def emit(self, text: str | None) -> None:
        if not text:
            return
        self.pages[-1].append(text)
        if self._fresh and not text.isspace():
            self._fresh = False

    def _end_with(self, separator: str) -> None:
        """End a table cell or row: its last paragraph's newline becomes the separator."""
        pieces = self.pages[-1]
        if pieces and pieces[-1][-1:] in ("\n", "\t"):
            pieces[-1] = pieces[-1][:-1] + separator
        else:
            pieces.append(separator)

    def _new_page(self, *, explicit: bool) -> None:
        self.pages.append([])
        self.footnotes.append([])
        self._fresh = explicit

    def _rendered_break(self) -> None:
        if self._rendered and self._breaks and not self._in_text_box and not self._fresh:
            self._new_page(explicit=False)

    # Walking ------------------------------------------------------------------------------

    def walk(self, element: Any) -> None:
        for child in element:
            namespace, local = _split(child.tag)
            if not local:
                continue
            if namespace in _W:
                if local in _SKIP:
                    continue
                handler = _HANDLERS.get(local)
                if handler is not None:
                    handler(self, child)
                else:
                    self.walk(child)
            elif namespace == _MC:
                if local == "AlternateContent":
                    self._alternate_content(child)
            elif namespace in _MATH and local == "t":
                self.emit(child.text)
            else:
                self.walk(child)

    def _alternate_content(self, element: Any) -> None:
        # Word stores a text box twice: as DrawingML (mc:Choice) and as VML for old readers
        # (mc:Fallback). Reading both would double its text; the first choice is enough.
        choices = [c for c in element if _split(c.tag) == (_MC, "Choice")]
        fallbacks = [c for c in element if _split(c.tag) == (_MC, "Fallback")]
        chosen = choices[:1] or fallbacks[:1]
        for branch in chosen:
            self.walk(branch)

    def _paragraph(self, paragraph: Any) -> None:
        properties = _w_child(paragraph, "pPr")
        section = None
        if properties is not None and self._breaks and not self._nested:
            # "Page break before" only moves a paragraph that is not already first on its page.
            if self._page_break_before(properties) and self.pages[-1]:
                self._new_page(explicit=True)
            section = _w_child(properties, "sectPr")
        self.walk(paragraph)
        self.emit("\n")
        if section is not None:
            self._end_section()

    def _page_break_before(self, properties: Any) -> bool:
        direct = _is_on(_w_child(properties, "pageBreakBefore"))
        if direct is not None:
            return direct
        style = _w_child(properties, "pStyle")
        style_id = _w_attr(style, "val") if style is not None else self._default_style
        return style_id in self._break_styles

    def _end_section(self) -> None:
        # A section's own w:type says how IT starts, so the break after section k is the type
        # of section k + 1 (ECMA-376 17.6.22); sections start a new page by default.
        self._section += 1
        types = self._section_types
        kind = types[self._section] if self._section < len(types) else "nextPage"
        if kind in _PAGE_STARTING_SECTIONS:
            self._new_page(explicit=True)
        self.section_starts.append(len(self.pages) - 1)

    def _break(self, element: Any) -> None:
        if _w_attr(element, "type") == "page" and self._breaks and not self._nested:
            self._new_page(explicit=True)
        else:
            self.emit("\n")  # a line break; Word ignores page breaks in tables and text boxes

    def _table(self, table: Any) -> None:
        self._nested += 1
        self.walk(table)
        self._nested -= 1

    def _row(self, row: Any) -> None:
        self.walk(row)
        self._end_with("\n")

    def _cell(self, cell: Any) -> None:
        self.walk(cell)
        self._end_with("\t")

    def _text_box(self, content: Any) -> None:
        self._nested += 1
        self._in_text_box += 1
        self.walk(content)
        self._in_text_box -= 1
        self._nested -= 1

    def _footnote_reference(self, element: Any) -> None:
        note = _w_attr(element, "id")
        if note is not None and self._breaks:
            self.footnotes[-1].append(note)

    def _endnote_reference(self, element: Any) -> None:
        note = _w_attr(element, "id")
        if note is not None and self._breaks:
            self.endnotes.append(note)

    def text(self) -> str:
        return "".join(piece for page in self.pages for piece in page)


_HANDLERS: dict[str, Callable[[_Walker, Any], None]] = {
    "p": _Walker._paragraph,
    "tbl": _Walker._table,
    "tr": _Walker._row,
    "tc": _Walker._cell,
    "txbxContent": _Walker._text_box,
    "t": lambda walker, element: walker.emit(element.text),
    "tab": lambda walker, element: walker.emit("\t"),
    "ptab": lambda walker, element: walker.emit("\t"),
    "br": _Walker._break,
    "cr": lambda walker, element: walker.emit("\n"),
    "noBreakHyphen": lambda walker, element: walker.emit("-"),
    "lastRenderedPageBreak": lambda walker, element: walker._rendered_break(),
    "footnoteReference": _Walker._footnote_reference,
    "endnoteReference": _Walker._endnote_reference,
}


# Packages --------------------------------------------------------------------------------------


class _Package:
    """The parts of a Word file the walker needs, however the file was opened."""

    engine = ""

    def document(self) -> Any:
        raise NotImplementedError

    def related(self, rel_id: str) -> Any | None:
        """The XML root of the main part's internal relationship rel_id, if any."""
        raise NotImplementedError

    def related_by_type(self, reltype: str) -> list[Any]:
        """The XML roots of the main part's parts related by this type (its last segment)."""
        raise NotImplementedError

    def core_properties(self) -> Any | None:
        raise NotImplementedError


def _reltype_is(reltype: str, name: str) -> bool:
    return reltype.rsplit("/", 1)[-1] == name


class _PythonDocxPackage(_Package):
    engine = ENGINE_PYTHON_DOCX

    def __init__(self, path: str) -> None:
        import docx

        self._document = docx.Document(path)
        self._part = self._document.part
        self._cache: dict[str, Any] = {}

    def _root(self, part: Any) -> Any | None:
        from lxml import etree

        element = getattr(part, "element", None)
        if element is not None:
            return element
        key = str(part.partname)
        if key not in self._cache:
            self._cache[key] = etree.fromstring(part.blob, _safe_parser())
        return self._cache[key]

    def document(self) -> Any:
        return self._part.element

    def related(self, rel_id: str) -> Any | None:
        rel = self._part.rels.get(rel_id)
        if rel is None or rel.is_external:
            return None
        return self._root(rel.target_part)

    def related_by_type(self, reltype: str) -> list[Any]:
        return [
            self._root(rel.target_part)
            for rel in self._part.rels.values()
            if not rel.is_external and _reltype_is(rel.reltype, reltype)
        ]

    def core_properties(self) -> Any | None:
        # Not python-docx's core_properties: when a file has none it invents some ("Word
        # Document" by "python-docx", modified now), which would be false metadata.
        for rel in self._part.package.rels.values():
            if not rel.is_external and _reltype_is(rel.reltype, "core-properties"):
                return self._root(rel.target_part)
        return None


class _ZipPackage(_Package):
    """A Word file read as what it is: a zip of XML parts tied together by relationships."""

    engine = ENGINE_XML

    def __init__(self, path: str) -> None:
        self._zip = zipfile.ZipFile(path)
        self._names = {info.filename.lower(): info for info in self._zip.infolist()}
        main = main_document_name(self._zip, self._names)
        if main is None or main not in self._names:
            raise KeyError("the file has no main document part (word/document.xml)")
        self._main = main
        self._cache: dict[str, Any] = {}
        self._rels = self._relationships(main)

    def close(self) -> None:
        self._zip.close()

    def _read(self, name: str) -> bytes | None:
        info = self._names.get(name) or self._names.get(unquote(name))
        return None if info is None else self._zip.read(info)

    def _parse(self, name: str) -> Any | None:
        from lxml import etree

        if name not in self._cache:
            data = self._read(name)
            self._cache[name] = None if data is None else etree.fromstring(data, _safe_parser())
        return self._cache[name]

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, zip member name) for the part's internal relationships."""
        folder, filename = posixpath.split(part)
        root = self._parse(posixpath.join(folder, "_rels", filename + ".rels"))
        found: dict[str, tuple[str, str]] = {}
        if root is None:
            return found
        for rel in root:
            if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id", "")] = (rel.get("Type", ""), name.lower())
        return found

    def document(self) -> Any:
        return self._parse(self._main)

    def related(self, rel_id: str) -> Any | None:
        rel = self._rels.get(rel_id)
        return None if rel is None else self._parse(rel[1])

    def related_by_type(self, reltype: str) -> list[Any]:
        roots = (
            self._parse(name) for kind, name in self._rels.values() if _reltype_is(kind, reltype)
        )
        return [root for root in roots if root is not None]

    def core_properties(self) -> Any | None:
        for kind, name in self._relationships("").values():
            if _reltype_is(kind, "core-properties"):
                return self._parse(name)
        return self._parse("docprops/core.xml")


# Reading -----------------------------------------------------------------------------------------


def _body(document: Any) -> Any:
    body = _w_child(document, "body")
    if body is None:
        raise KeyError("the main document part has no body")
    return body


def _section_properties(body: Any) -> list[Any]:
    """The body's sections in order: each paragraph-borne w:sectPr, then the body's last one."""
    found = []
    for element in body.iter():
        namespace, local = _split(element.tag)
        if local != "sectPr" or namespace not in _W:
            continue
        parent = element.getparent()
        if parent is body:
            found.append(element)
            continue
        grandparent = parent.getparent() if parent is not None else None
        if _split(parent.tag)[1] != "pPr" or grandparent is None:
            continue
        if _split(grandparent.tag)[1] != "p" or _inside_table_or_text_box(grandparent, body):
            continue
        found.append(element)
    return found


def _inside_table_or_text_box(element: Any, body: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not body:
        if _split(parent.tag)[1] in ("tbl", "txbxContent"):
            return True
        parent = parent.getparent()
    return False


def _section_type(section: Any) -> str:
    kind = _w_child(section, "type")
    return (_w_attr(kind, "val") if kind is not None else None) or "nextPage"


def _break_styles(styles: Any | None) -> tuple[frozenset[str], str | None]:
    """Paragraph styles that start a new page (directly or through their base style)."""
    if styles is None:
        return frozenset(), None
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    default = None
    for style in _w_children(styles, "style"):
        if _w_attr(style, "type") not in (None, "paragraph"):
            continue
        style_id = _w_attr(style, "styleId")
        if not style_id:
            continue
        if (_w_attr(style, "default") or "").lower() in ("1", "true", "on"):
            default = style_id
        properties = _w_child(style, "pPr")
        own[style_id] = (
            _is_on(_w_child(properties, "pageBreakBefore")) if properties is not None else None
        )
        parent = _w_child(style, "basedOn")
        if parent is not None and _w_attr(parent, "val"):
            based_on[style_id] = _w_attr(parent, "val") or ""

    def breaks(style_id: str) -> bool:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if own.get(style_id) is not None:
                return bool(own[style_id])
            style_id = based_on.get(style_id, "")
        return False

    return frozenset(s for s in own if breaks(s)), default


def _notes(package: _Package, reltype: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for root in package.related_by_type(reltype):
        for note in root:
            if _split(note.tag)[1] not in ("footnote", "endnote"):
                continue
            if _w_attr(note, "type") in _NOTE_SEPARATORS:
                continue
            note_id = _w_attr(note, "id")
            if note_id is not None:
                texts[note_id] = _plain_text(note)
    return texts


def _plain_text(root: Any) -> str:
    walker = _Walker(breaks=False)
    walker.walk(root)
    return _tidy(walker.text())


_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _tidy(text: str) -> str:
    return _BLANK_LINES.sub("\n\n", clean_text(text)).strip()


def _read_pages(package: _Package) -> list[str]:
    document = package.document()
    body = _body(document)
    sections = _section_properties(body)
    styles = package.related_by_type("styles")
    break_styles, default_style = _break_styles(styles[0] if styles else None)
    rendered = any(
        namespace in _W and local == "lastRenderedPageBreak"
        for namespace, local in (_split(element.tag) for element in body.iter())
    )
    walker = _Walker(
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
        for reference in list(_w_children(section, "headerReference")) + list(
            _w_children(section, "footerReference")
        ):
            rel_id = _r_id(reference)
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


def _metadata(package: _Package) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        core = package.core_properties()
    except MemoryError:
        raise
    except Exception:  # unreadable properties must not cost the text
        return found
    if core is None:
        return found
    values = {_split(child.tag)[1]: (child.text or "") for child in core}
    for key, local in (("title", "title"), ("author", "creator")):
        value = " ".join(clean_text(values.get(local, "")).split())
        if value:
            found[key] = value
    for key, local in (("created", "created"), ("modified", "modified")):
        value = _iso_date(values.get(local))
        if value:
            found[key] = value
    return found


def _open(path: str, engine: str | None) -> tuple[_Package | None, str]:
    """The package opened by python-docx, else by the zip reader; or None and why not."""
    problems = []
    engines = [engine] if engine else [ENGINE_PYTHON_DOCX, ENGINE_XML]
    for name in engines:
        try:
            if name == ENGINE_PYTHON_DOCX:
                return _PythonDocxPackage(path), ""
            return _ZipPackage(path), ""
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
        if isinstance(package, _ZipPackage):
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
