"""Turning an engine's marked-up fragment into safe HTML: escape everything, then add <mark>."""

from __future__ import annotations

import html

# Control characters that never occur in indexed text (records strip them) mark where a match
# starts and ends, so the engine's own markers can't be confused with the document's text.
MARK_START = "\x02"
MARK_END = "\x03"
_CONTROL = dict.fromkeys(map(ord, "\x00\x01\x02\x03"), " ")


def clean_text(text: str) -> str:
    """What we index: the text without the characters we use as highlight markers."""
    return text.translate(_CONTROL)


def marked_to_html(fragment: str) -> str:
    escaped = html.escape(fragment, quote=True)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
