"""Title suggestions from Elasticsearch: match_bool_prefix on the unstemmed title."""

from __future__ import annotations

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch import ConnectionError as EsConnectionError

from ..contract import SearchUnavailable
from ..suggest import CANDIDATES

# Seconds an as-you-type request may wait; a slow answer is no answer.
_TIMEOUT = 2.0


def title_ids(
    client: Elasticsearch, index: str, typed: list[str], access: tuple[str, ...]
) -> list[int]:
    """Every word a term, the last one a prefix; titles that begin with what was typed first."""
    text = " ".join(typed)
    body = {
        "bool": {
            "must": [{"match_bool_prefix": {"title.plain": {"query": text, "operator": "and"}}}],
            "filter": [{"terms": {"access": list(access)}}],
            # Titles that begin with what was typed rank first.
            "should": [{"match_phrase_prefix": {"title.plain": {"query": text, "boost": 5}}}],
        }
    }
    try:
        response = client.options(request_timeout=_TIMEOUT).search(
            index=index,
            query=body,
            source=["title"],
            size=CANDIDATES,
            sort=["_score", {"published": {"order": "desc", "missing": "_last"}}],
        )
    except (ApiError, EsConnectionError, TransportError) as error:
        raise SearchUnavailable(str(error)) from error
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]
