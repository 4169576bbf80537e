"""Naming where in a workbook or deck a hit is: "sheet Returns 2025, row 412", "slide 3".

Both engines find pages; a sheet's or slide's page also has a place, stored when the file was
read (library.extraction.office): the sheet's name and the row each line of its text came from,
or the slide's number. The row is the one holding the first marked word of the hit's fragment.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from django.utils.translation import gettext

from library.documents import SLIDE_EXTENSIONS, TABLE_EXTENSIONS, DocumentPageText
from library.extraction.office_cells import row_of_line

from .contract import DocumentMatch, PageMatch

_TAG = re.compile(r"<[^>]*>")
_MARKED = re.compile(r"<mark>(.*?)</mark>", re.S)
_ELLIPSIS = "…"


def name_places(documents: list[DocumentMatch]) -> None:
    """Give the matched pages of workbooks and decks a label and an anchor (one query)."""
    wanted = [
        (document, match)
        for document in documents
        if document.kind in TABLE_EXTENSIONS or document.kind in SLIDE_EXTENSIONS
        for match in document.pages
    ]
    if not wanted:
        return
    ids = {document.document_id for document, _ in wanted}
    numbers = {match.number for _, match in wanted}
    tables = any(document.kind in TABLE_EXTENSIONS for document, _ in wanted)
    fields = ["document_id", "number", "place", *(["text"] if tables else [])]
    rows = DocumentPageText.objects.filter(document_id__in=ids, number__in=numbers).values(*fields)
    pages = {(row["document_id"], row["number"]): row for row in rows}
    for document, match in wanted:
        row = pages.get((document.document_id, match.number))
        if row is None or not row["place"]:
            continue
        place = row["place"]
        if "slide" in place:
            match.label = gettext("slide %(number)s") % {"number": place["slide"]}
            match.anchor = f"#slide={place['slide']}"
        elif "rows" in place:
            _name_row(match, place, row.get("text") or "")


def _name_row(match: PageMatch, place: dict, text: str) -> None:
    sheet = str(place.get("sheet") or "")
    line = _line_of(text, match.fragment_html)
    number = row_of_line(str(place["rows"]), line) if line is not None else None
    if sheet and number:
        match.label = gettext("sheet %(sheet)s, row %(row)s") % {"sheet": sheet, "row": number}
    elif sheet:
        match.label = gettext("sheet %(sheet)s") % {"sheet": sheet}
    elif number:
        match.label = gettext("row %(row)s") % {"row": number}
    anchor = [f"sheet={quote(sheet, safe='')}"] if sheet else []
    if number:
        anchor.append(f"row={number}")
    match.anchor = "#" + "&".join(anchor) if anchor else ""


def _line_of(text: str, fragment_html: str) -> int | None:
    """The line of ``text`` (0 first) holding the fragment's first marked word."""
    marked = _MARKED.search(fragment_html)
    if marked is None:
        return None
    before = html.unescape(_TAG.sub("", fragment_html[: marked.start()]))
    word = html.unescape(_TAG.sub("", marked.group(1)))
    after = html.unescape(_TAG.sub("", fragment_html[marked.end() :]))
    before, after = before.lstrip(_ELLIPSIS), after.rstrip(_ELLIPSIS)
    at = text.find(before + word + after) if word else -1
    if at >= 0:
        at += len(before)
    else:  # the engine tidied the fragment: the word alone, first where it stands
        at = text.lower().find(word.lower()) if word else -1
    if at < 0:
        return None
    return text.count("\n", 0, at)
