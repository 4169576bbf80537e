"""Turning WordprocessingML into text pages: the walker follows the document order, emits
the text a reader sees and starts a new page where Word would (see library.extraction.docx
for which page starts are used)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .docx_xml import MATH, MC, W, is_on, split_tag, w_attr, w_child

_PAGE_STARTING_SECTIONS = frozenset({"nextPage", "oddPage", "evenPage"})

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


class Walker:
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
            namespace, local = split_tag(child.tag)
            if not local:
                continue
            if namespace in W:
                if local in _SKIP:
                    continue
                handler = _HANDLERS.get(local)
                if handler is not None:
                    handler(self, child)
                else:
                    self.walk(child)
            elif namespace == MC:
                if local == "AlternateContent":
                    self._alternate_content(child)
            elif namespace in MATH and local == "t":
                self.emit(child.text)
            else:
                self.walk(child)

    def _alternate_content(self, element: Any) -> None:
        # Word stores a text box twice: as DrawingML (mc:Choice) and as VML for old readers
        # (mc:Fallback). Reading both would double its text; the first choice is enough.
        choices = [c for c in element if split_tag(c.tag) == (MC, "Choice")]
        fallbacks = [c for c in element if split_tag(c.tag) == (MC, "Fallback")]
        chosen = choices[:1] or fallbacks[:1]
        for branch in chosen:
            self.walk(branch)

    def _paragraph(self, paragraph: Any) -> None:
        properties = w_child(paragraph, "pPr")
        section = None
        if properties is not None and self._breaks and not self._nested:
            # "Page break before" only moves a paragraph that is not already first on its page.
            if self._page_break_before(properties) and self.pages[-1]:
                self._new_page(explicit=True)
            section = w_child(properties, "sectPr")
        self.walk(paragraph)
        self.emit("\n")
        if section is not None:
            self._end_section()

    def _page_break_before(self, properties: Any) -> bool:
        direct = is_on(w_child(properties, "pageBreakBefore"))
        if direct is not None:
            return direct
        style = w_child(properties, "pStyle")
        style_id = w_attr(style, "val") if style is not None else self._default_style
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
        if w_attr(element, "type") == "page" and self._breaks and not self._nested:
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
        note = w_attr(element, "id")
        if note is not None and self._breaks:
            self.footnotes[-1].append(note)

    def _endnote_reference(self, element: Any) -> None:
        note = w_attr(element, "id")
        if note is not None and self._breaks:
            self.endnotes.append(note)

    def text(self) -> str:
        return "".join(piece for page in self.pages for piece in page)


_HANDLERS: dict[str, Callable[[Walker, Any], None]] = {
    "p": Walker._paragraph,
    "tbl": Walker._table,
    "tr": Walker._row,
    "tc": Walker._cell,
    "txbxContent": Walker._text_box,
    "t": lambda walker, element: walker.emit(element.text),
    "tab": lambda walker, element: walker.emit("\t"),
    "ptab": lambda walker, element: walker.emit("\t"),
    "br": Walker._break,
    "cr": lambda walker, element: walker.emit("\n"),
    "noBreakHyphen": lambda walker, element: walker.emit("-"),
    "lastRenderedPageBreak": lambda walker, element: walker._rendered_break(),
    "footnoteReference": Walker._footnote_reference,
    "endnoteReference": Walker._endnote_reference,
}
