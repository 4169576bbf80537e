"""The highlight marks a hit shows, from the Elasticsearch highlighter's fragments.

The highlighter marks the analysed fields and their accent-folded twins apart; a word found only
on the twin (accents folded, elisions removed) is marked on the original text the reader sees,
since folding keeps the length: an offset in one is the same offset in the other.
"""

from __future__ import annotations

import html
import re

from ..query import searchable
from .elasticsearch_index import FOLDED_FIELDS

_MARKED = re.compile(r"(<mark>.*?</mark>)", re.S)


def _marked_spans(fragment_html: str) -> tuple[str, list[tuple[int, int]]]:
    """An engine fragment as plain text and the (start, end) of each <mark> in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in _MARKED.split(fragment_html):
        marked = piece.startswith("<mark>") and piece.endswith("</mark>")
        text = html.unescape(piece[6:-7] if marked else piece)
        if marked:
            spans.append((position, position + len(text)))
        plain.append(text)
        position += len(text)
    return "".join(plain), spans


def _render(text: str, window: tuple[int, int], spans: list[tuple[int, int]]) -> str:
    """text[window] escaped, with <mark> around every span (merged where they overlap)."""
    start, end = window
    merged: list[list[int]] = []
    for a, b in sorted((max(a, start), min(b, end)) for a, b in spans if a < end and b > start):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out: list[str] = []
    position = start
    for a, b in merged:
        out.append(html.escape(text[position:a], quote=True))
        out.append("<mark>" + html.escape(text[a:b], quote=True) + "</mark>")
        position = b
    out.append(html.escape(text[position:end], quote=True))
    return "".join(out)


def with_folded(marked: dict, field: str, original: str, limit: int) -> list[str]:
    """The field's fragments with the marks its folded sibling found added: query.fold keeps
    the length, so an offset in the folded text is the same offset in the original."""
    fragments = marked.get(field, [])
    folded_fragments = marked.get(FOLDED_FIELDS[field], [])
    if not folded_fragments or not original:
        return fragments
    folded = searchable(original)
    windows: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for found, haystack in ((fragments, original), (folded_fragments, folded)):
        for fragment in found:
            plain, marks = _marked_spans(fragment)
            start = haystack.find(plain)
            if start < 0:
                if haystack is original:
                    return fragments  # cannot place the engine's own fragment: keep it as is
                continue
            spans += [(start + a, start + b) for a, b in marks]
            end = start + len(plain)
            if not any(a < end and start < b for a, b in windows):
                windows.append((start, end))
    windows = sorted(windows)[:limit]
    return [_render(original, window, spans) for window in windows]
