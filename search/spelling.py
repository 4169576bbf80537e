"""'Did you mean ...?': a corrected query built word by word from the index's own vocabulary.

Only words the index does not know (no resource has them) or hardly knows (fewer than
RARE_WORD_DOCS resources, when a much commoner neighbour exists) are replaced; every other word,
quote and minus sign of the query is kept. A correction is proposed only when it finds more
resources than the query as typed.

embedded: an fts5vocab table (a TEMP one per connection, so reading never writes to the index
    file) lists the porter *stems* of resource_text and document_page_text with their document
    counts. Stems are not words ("remittances" is stored as "remitt"), so the close stems (difflib)
    are turned back into the surface words readers typed: the rows holding a stem are matched and
    the words FTS5's highlight() marks in them are collected; the surface word nearest to the typed
    one (difflib again) is the correction.
elasticsearch: the term suggester (suggest_mode "popular") on the unstemmed `.plain` fields, which
    hold surface words already.
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
import re
import sqlite3
from collections import Counter
from urllib.parse import urlencode

from .contract import SearchRequest, SearchUnavailable
from .highlight import MARK_END, MARK_START
from .query import InvalidQuery, ParsedQuery, parse_query
from .suggest import words as folded_words

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
_MARKED = re.compile(re.escape(MARK_START) + "(.*?)" + re.escape(MARK_END), re.S)
_FIELDS = ("title.plain", "summary.plain", "labels.plain", "body.plain", "pages.text.plain")
_ES_TIMEOUT = 3.0


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
    if backend.name == "embedded":
        corrections = embedded_corrections(backend, typed)
    elif backend.name == "elasticsearch":
        corrections = elasticsearch_corrections(backend, typed)
    else:
        return ""
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


def _needs_correction(count: int) -> bool:
    return count < RARE_WORD_DOCS


def _better(count: int, candidate_count: int) -> bool:
    return candidate_count > 0 if count == 0 else candidate_count >= count * COMMONER_BY


# -- embedded ----------------------------------------------------------------------------------

_VOCAB_TABLES = {
    "resource_text": "temp.hub_resource_vocab",
    "document_page_text": "temp.hub_page_vocab",
}
# Stems compared per typed word, the closest first.
_STEM_CANDIDATES = 8
# Rows read per stem to find its surface words.
_SURFACE_ROWS = 20


def embedded_corrections(backend, typed: list[str]) -> dict[str, str]:
    try:
        connection = backend._connect()
        for table, vocab in _VOCAB_TABLES.items():
            connection.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, {table}, 'row')"
            )
        corrections = {}
        for word in typed:
            count = _embedded_count(connection, word)
            if not _needs_correction(count):
                continue
            best = _embedded_best(connection, word, count)
            if best and best != word:
                corrections[word] = best
        return corrections
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error


def _embedded_count(connection: sqlite3.Connection, word: str) -> int:
    """Resources with the word (by stem) in their fields or in any attached page."""
    unit = '"' + word.replace('"', '""') + '"'
    return connection.execute(
        "SELECT COUNT(*) FROM (SELECT rowid FROM resource_text WHERE resource_text MATCH ?"
        " UNION SELECT p.resource_id FROM document_page_text t JOIN document_page p"
        " ON p.id = t.rowid WHERE document_page_text MATCH ?)",
        (unit, unit),
    ).fetchone()[0]


def _embedded_best(connection: sqlite3.Connection, word: str, count: int) -> str:
    # Stems of the same first letter and of a plausible length, with their document counts.
    stems: Counter[str] = Counter()
    for vocab in _VOCAB_TABLES.values():
        for term, docs in connection.execute(
            f"SELECT term, doc FROM {vocab} WHERE term >= ? AND term < ?"
            " AND length(term) BETWEEN ? AND ?",
            (word[0], word[0] + "\U0010ffff", max(2, len(word) - 6), len(word) + 3),
        ):
            stems[term] += docs

    def likeness(stem: str) -> float:
        # A stem is shorter than its words: compare it with the typed word's start as well.
        return max(
            difflib.SequenceMatcher(None, word, stem).ratio(),
            difflib.SequenceMatcher(None, word[: len(stem) + 1], stem).ratio(),
        )

    candidates = sorted(
        (stem for stem, docs in stems.items() if _better(count, docs)),
        key=lambda stem: (-likeness(stem), -stems[stem]),
    )[:_STEM_CANDIDATES]
    best, best_key = "", (CUTOFF, 0)
    for stem in candidates:
        if likeness(stem) < CUTOFF - 0.1:
            break
        for surface, seen in _surface_words(connection, stem).items():
            key = (difflib.SequenceMatcher(None, word, surface).ratio(), stems[stem] + seen)
            if key > best_key and surface != word:
                best, best_key = surface, key
    return best


def _surface_words(connection: sqlite3.Connection, stem: str) -> Counter[str]:
    """The words the porter tokenizer reduced to stem, as readers wrote them, most common first."""
    unit = '"' + stem.replace('"', '""') + '"'
    found: Counter[str] = Counter()
    queries = (
        (
            "SELECT highlight(resource_text, 0, ?, ?) || ' ' || highlight(resource_text, 1, ?, ?)"
            " || ' ' || highlight(resource_text, 2, ?, ?) || ' ' ||"
            " highlight(resource_text, 3, ?, ?) FROM resource_text WHERE resource_text MATCH ?"
            " LIMIT ?",
            [MARK_START, MARK_END] * 4,
        ),
        (
            "SELECT highlight(document_page_text, 0, ?, ?) FROM document_page_text"
            " WHERE document_page_text MATCH ? LIMIT ?",
            [MARK_START, MARK_END],
        ),
    )
    for sql, marks in queries:
        for (text,) in connection.execute(sql, [*marks, unit, _SURFACE_ROWS]):
            for marked in _MARKED.findall(text or ""):
                for surface in folded_words(marked):
                    found[surface] += 1
    return found


# -- elasticsearch ------------------------------------------------------------------------------


def elasticsearch_corrections(backend, typed: list[str]) -> dict[str, str]:
    from elasticsearch import ApiError, TransportError
    from elasticsearch import ConnectionError as EsConnectionError

    client = backend.client.options(request_timeout=_ES_TIMEOUT)
    fields = ["title.plain", "summary.plain", "labels.plain", "body.plain"]
    # How many resources hold each word (stemmed or not, fields or pages), in one request.
    filters = {
        word: {
            "bool": {
                "should": [
                    {
                        "multi_match": {
                            "query": word,
                            "fields": ["title", "summary", "labels", "body", *fields],
                        }
                    },
                    {
                        "nested": {
                            "path": "pages",
                            "query": {
                                "multi_match": {
                                    "query": word,
                                    "fields": ["pages.text", "pages.text.plain"],
                                }
                            },
                        }
                    },
                ]
            }
        }
        for word in typed
    }
    text = " ".join(typed)
    suggest = {
        f"s{n}": {
            "text": text,
            "term": {
                "field": field,
                "suggest_mode": "popular",
                "sort": "score",
                "size": 5,
                "min_word_length": MIN_WORD_LENGTH,
            },
        }
        for n, field in enumerate(_FIELDS)
    }
    try:
        response = client.search(
            index=backend.alias,
            size=0,
            aggs={"words": {"filters": {"filters": filters}}},
            suggest=suggest,
        )
    except (ApiError, EsConnectionError, TransportError) as error:
        raise SearchUnavailable(str(error)) from error
    counts = {
        word: bucket["doc_count"]
        for word, bucket in response["aggregations"]["words"]["buckets"].items()
    }
    # Per typed word: each option's best score and its largest frequency over the fields.
    options: dict[str, dict[str, tuple[float, int]]] = {}
    for entries in response.get("suggest", {}).values():
        for entry in entries:
            for option in entry["options"]:
                seen = options.setdefault(entry["text"], {})
                score, freq = seen.get(option["text"], (0.0, 0))
                seen[option["text"]] = (max(score, option["score"]), max(freq, option["freq"]))
    corrections = {}
    for word in typed:
        count = counts.get(word, 0)
        if not _needs_correction(count):
            continue
        ranked = sorted(
            (
                (difflib.SequenceMatcher(None, word, text).ratio(), score, freq, text)
                for text, (score, freq) in options.get(word, {}).items()
                if _better(count, freq) and text != word
            ),
            reverse=True,
        )
        if ranked and ranked[0][0] >= CUTOFF:
            corrections[word] = ranked[0][3]
    return corrections


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
