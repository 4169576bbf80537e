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


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (letters inserted, deleted or replaced)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def tied(word: str, candidates: list[str]) -> list[str]:
    """The candidates as few edits away from the word as the nearest: "seakers" is one edit from
    both "seekers" and "speakers", which only the words typed beside it tell apart."""
    if not candidates:
        return []
    distances = {c: edit_distance(word, c) for c in candidates}
    nearest = min(distances.values())
    return [c for c in candidates if distances[c] == nearest]


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
    typed = _correctable_words(parsed_query)
    if not typed:
        return ""
    if SPELLING not in backend.capabilities:
        return ""
    corrections = backend.spelling_corrections(typed, context=tuple(parsed_query.words))
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


# How long the engine's answer for one word ("unknown: X", "known") is kept: the vocabulary
# changes slowly, and asking the engine about every word of every query costs a request.
WORD_CACHE_SECONDS = 10 * 60
_WORD_CACHE_KEY = "hub-spelling-word:{backend}:{word}"


def unknown_word_corrections(backend, parsed_query: ParsedQuery) -> dict[str, str]:
    """Corrections for the typed words the index does not hold at all ("trafficing" in
    "trafficing in persons"): such a word can only be a typo or a word nobody used, and the
    other words alone decide the results. Words with no correction are remembered for a few
    minutes (most words of most queries), so the engine is asked about new words only."""
    from django.core.cache import cache

    typed = [w.lower() for w in _correctable_words(parsed_query)]
    if not typed or SPELLING not in backend.capabilities:
        return {}
    keys = {w: _WORD_CACHE_KEY.format(backend=backend.name, word=w) for w in typed}
    cached = cache.get_many(list(keys.values()))
    asked = [w for w in typed if keys[w] not in cached]
    if not asked:
        return {}
    context = tuple(w.lower() for w in parsed_query.words)
    found = backend.spelling_corrections(asked, unknown_only=True, context=context)
    # A correction depends on the words beside it: only "nothing to correct" is remembered.
    cache.set_many({keys[w]: "" for w in asked if w not in found}, WORD_CACHE_SECONDS)
    return found


def rewrite(raw: str, corrections: dict[str, str]) -> str:
    """The raw query with each corrected word replaced, everything else as typed."""

    def replace(match: re.Match) -> str:
        word = match.group(0)
        return corrections.get(word.lower(), word)

    return _TOKEN.sub(replace, raw)


def _correctable_words(parsed_query: ParsedQuery) -> list[str]:
    """The typed words that may be typos: not too short, no digits, and not a term the hub
    knows as a synonym or acronym ("IDPs" is no misspelling of "IDs")."""
    known = {word for unit, _ in parsed_query.alternatives for word in unit}
    return list(
        dict.fromkeys(w for w in parsed_query.words if _correctable(w) and w.lower() not in known)
    )


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
