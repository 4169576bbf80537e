"""Template helpers for search results."""

import re
from urllib.parse import quote

from django import template

from search.contract import DocumentMatch

register = template.Library()

# The words a reader typed, without the search syntax: operators, quotes and -exclusions.
_WORD = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT"}


def _search_words(query: str) -> str:
    kept = []
    for token in (query or "").split():
        if token.startswith("-") or token in _OPERATORS:
            continue  # an exclusion is exactly what the page does not hold
        kept.extend(_WORD.findall(token))
    return " ".join(dict.fromkeys(kept))[:200]


@register.filter
def page_url(document: DocumentMatch, number: int) -> str:
    """The link that opens the document at that page (#page=N for PDFs)."""
    return document.page_url(number)


@register.simple_tag
def page_link(document: DocumentMatch, number: int, query: str = "") -> str:
    """The page link with the search words too (`#page=N&search=...`): Firefox's viewer marks
    them, Chromium's opens at the page and ignores the rest. Word files have no such anchor."""
    url = document.page_url(number)
    words = _search_words(query)
    if "#page=" in url and words:
        url += "&search=" + quote(words, safe="")
    return url
