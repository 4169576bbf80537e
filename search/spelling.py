"""'Did you mean ...?': a corrected query built word by word from the index's own vocabulary.

Only words the index does not know (no resource has them) or hardly knows (fewer than
RARE_WORD_DOCS resources, when a much commoner neighbour exists) are replaced; every other word,
quote and minus sign of the query is kept. A correction is proposed only when it finds more
resources than the query as typed.

The index's vocabulary is the backend's to read (backend.spelling_corrections: fts5vocab for the
embedded engine, the term suggester for Elasticsearch, in search/backends/); the rules it applies
are these.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from urllib.parse import urlencode

from .contract import SPELLING, SearchRequest, SearchUnavailable
from .query import InvalidQuery, ParsedQuery, parse_query

logger = logging.getLogger(__name__)

# A query with fewer results than this may be misspelled.
FEW_RESULTS = 3
# A word in fewer resources than this may be a typo of a commoner word ...
RARE_WORD_DOCS = 3
# ... if that word is in at least this many times more resources.
COMMONER_BY = 10
# How alike a correction must be to the typed word (difflib ratio).
CUTOFF = 0.75
MIN_WORD_LENGTH = 4
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def spelling_context(
    backend,
    parsed_query: ParsedQuery,
    total: int,
    *,
    params=None,
    search_request: SearchRequest | None = None,
) -> dict:
    """Template context for _did_you_mean.html and _zero_results.html; never raises.

    params: the request's GET (a QueryDict), so links keep the reader's other parameters.
    search_request: the request that gave `total`, so the corrected query is counted with the same
    filters; without it the corrected query is counted with no filters.
    """
    context = {
        "did_you_mean": "",
        "did_you_mean_url": "",
        "filters_active": _filters_active(params),
        "unfiltered_url": "?" + urlencode({"q": parsed_query.raw}),
    }
    if parsed_query.is_empty or total >= FEW_RESULTS:
        return context
    try:
        corrected = did_you_mean(backend, parsed_query, total, search_request=search_request)
    except SearchUnavailable as error:
        logger.warning("No spelling suggestion, the engine failed: %s", error)
        return context
    except Exception:  # noqa: BLE001 - a suggestion is a nicety, never a reason for a 500
        logger.exception("No spelling suggestion")
        return context
    if corrected:
        context["did_you_mean"] = corrected
        context["did_you_mean_url"] = _link(params, corrected)
    return context


def did_you_mean(
    backend, parsed_query: ParsedQuery, total: int, *, search_request: SearchRequest | None = None
) -> str:
    """The corrected query text, or "" when there is none that finds more."""
    typed = list(dict.fromkeys(w for w in parsed_query.words if _correctable(w)))
    if not typed:
        return ""
    if SPELLING not in backend.capabilities:
        return ""
    corrections = backend.spelling_corrections(typed)
    if not corrections:
        return ""
    corrected = rewrite(parsed_query.raw, corrections)
    if corrected == parsed_query.raw:
        return ""
    try:
        corrected_query = parse_query(corrected)
    except InvalidQuery:
        return ""
    if search_request is not None:
        request = dataclasses.replace(search_request, query=corrected_query, page=1, page_size=1)
        baseline = total
    else:
        request = SearchRequest(query=corrected_query, page=1, page_size=1)
        baseline = backend.search(SearchRequest(query=parsed_query, page=1, page_size=1)).total
    return corrected if backend.search(request).total > baseline else ""


def rewrite(raw: str, corrections: dict[str, str]) -> str:
    """The raw query with each corrected word replaced, everything else as typed."""

    def replace(match: re.Match) -> str:
        word = match.group(0)
        return corrections.get(word.lower(), word)

    return _TOKEN.sub(replace, raw)


def _correctable(word: str) -> bool:
    return len(word) >= MIN_WORD_LENGTH and not any(char.isdigit() for char in word)


def needs_correction(count: int) -> bool:
    """Whether a word found in `count` resources may be a typo."""
    return count < RARE_WORD_DOCS


def better(count: int, candidate_count: int) -> bool:
    """Whether a neighbour in candidate_count resources is worth proposing for a word in count."""
    return candidate_count > 0 if count == 0 else candidate_count >= count * COMMONER_BY


# -- links ----------------------------------------------------------------------------------------

# Parameters that are not filters: the words, the page, the order of results.
_NOT_FILTERS = {"q", "page", "sort"}


def _filters_active(params) -> bool:
    if params is None:
        return False
    return any(
        value.strip() for key in params if key not in _NOT_FILTERS for value in params.getlist(key)
    )


def _link(params, query: str) -> str:
    if params is None:
        return "?" + urlencode({"q": query})
    copy = params.copy()
    copy["q"] = query
    copy.pop("page", None)
    return "?" + copy.urlencode()
