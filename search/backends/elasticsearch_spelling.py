"""Elasticsearch's side of 'Did you mean': how many resources hold each typed word, and the term
suggester (suggest_mode "popular") on the unstemmed `.plain` fields, which hold surface words
already; both in one request. The rules (how rare, how much commoner, how alike) are
search.spelling's.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch import ConnectionError as EsConnectionError

from ..contract import SearchUnavailable
from ..spelling import CUTOFF, MIN_WORD_LENGTH, better, needs_correction, tied

if TYPE_CHECKING:
    from elastic_transport import ObjectApiResponse

_FIELDS = ("title.plain", "summary.plain", "labels.plain", "body.plain", "pages.text.plain")
_TIMEOUT = 3.0


def corrections(
    client: Elasticsearch,
    index: str,
    typed: list[str],
    *,
    unknown_only: bool = False,
    context: tuple[str, ...] = (),
) -> dict[str, str]:
    """The correction of each typed word that needs one (search.spelling's rules), asked of the
    node in one request; a word with several equally good corrections is settled by the other
    words typed (`context`), in a second request."""
    client = client.options(request_timeout=_TIMEOUT)
    response = _counts_and_suggestions(client, index, typed)
    counts = {
        word: bucket["doc_count"]
        for word, bucket in response["aggregations"]["words"]["buckets"].items()
    }
    options = _options_per_word(response)
    found = {}
    for word in typed:
        count = counts.get(word, 0)
        if not needs_correction(count) or (unknown_only and count):
            continue
        correction = _correction(client, index, word, count, options.get(word, {}), context)
        if correction is not None:
            found[word] = correction
    return found


def _counts_and_suggestions(
    client: Elasticsearch, index: str, typed: list[str]
) -> ObjectApiResponse:
    """One request: how many resources hold each typed word (a filters aggregation), and the
    term suggester's options for each on every surface-word field."""
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
        return client.search(
            index=index,
            size=0,
            aggs={"words": {"filters": {"filters": filters}}},
            suggest=suggest,
        )
    except (ApiError, EsConnectionError, TransportError) as error:
        raise SearchUnavailable(str(error)) from error


def _options_per_word(response: ObjectApiResponse) -> dict[str, dict[str, tuple[float, int]]]:
    """Per typed word: each option's best score and its largest frequency over the fields (each
    field's suggester answers apart)."""
    options: dict[str, dict[str, tuple[float, int]]] = {}
    for entries in response.get("suggest", {}).values():
        for entry in entries:
            for option in entry["options"]:
                seen = options.setdefault(entry["text"], {})
                score, freq = seen.get(option["text"], (0.0, 0))
                seen[option["text"]] = (max(score, option["score"]), max(freq, option["freq"]))
    return options


def _correction(
    client: Elasticsearch,
    index: str,
    word: str,
    count: int,
    options: dict[str, tuple[float, int]],
    context: tuple[str, ...],
) -> str | None:
    """The best of the word's options: alike enough (CUTOFF) and commoner enough (better);
    among options tied with the best, the one found most often beside the other words typed.
    None when no option will do."""
    ranked = sorted(
        (
            (difflib.SequenceMatcher(None, word, text).ratio(), score, freq, text)
            for text, (score, freq) in options.items()
            if better(count, freq) and text != word
        ),
        reverse=True,
    )
    if not ranked or ranked[0][0] < CUTOFF:
        return None
    near = tied(word, [entry[3] for entry in ranked if entry[0] >= CUTOFF])
    others = tuple(w for w in context if w != word)
    if others and len(near) > 1:
        beside = _beside(client, index, near, others)
        return max(near, key=lambda text: beside.get(text, 0))  # stable: ranked order
    return ranked[0][3]


def _beside(
    client: Elasticsearch, index: str, words: list[str], context: tuple[str, ...]
) -> dict[str, int]:
    """For each word, how many resources hold it within a few words of every context word (one
    request)."""
    fields = ["title", "summary", "labels", "body", "files"]
    filters = {
        word: {
            "multi_match": {
                "query": " ".join((*context, word)),
                "fields": fields,
                "type": "phrase",
                "slop": 3 + len(context),
            }
        }
        for word in words
    }
    try:
        response = client.search(
            index=index, size=0, aggs={"beside": {"filters": {"filters": filters}}}
        )
    except (ApiError, EsConnectionError, TransportError) as error:
        raise SearchUnavailable(str(error)) from error
    return {
        word: bucket["doc_count"]
        for word, bucket in response["aggregations"]["beside"]["buckets"].items()
    }
