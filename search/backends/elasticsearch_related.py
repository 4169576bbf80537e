"""Related resources from Elasticsearch: a `more_like_this` query on title, summary, labels and
body, liking the resource's own indexed document (nested document pages are not used: MLT does
not reach into them)."""

from __future__ import annotations

from functools import lru_cache

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch import ConnectionError as EsConnectionError

from ..contract import SearchUnavailable
from ..related import ENGINE_SECONDS, MIN_WORD_LENGTH, STOPWORDS

_FIELDS = ["title", "summary", "labels", "body"]


@lru_cache(maxsize=4)
def _with_timeout(client: Elasticsearch) -> Elasticsearch:
    # options() builds a new client object each time (a millisecond): one per backend client.
    return client.options(request_timeout=ENGINE_SECONDS)


def similar_ids(
    client: Elasticsearch, index: str, resource_id: int, size: int, access: tuple[str, ...]
) -> list[int]:
    query = {
        "bool": {
            "must": [
                {
                    "more_like_this": {
                        "fields": _FIELDS,
                        "like": [{"_index": index, "_id": str(resource_id)}],
                        "min_term_freq": 1,
                        "min_doc_freq": 1,
                        "min_word_length": MIN_WORD_LENGTH,
                        "max_query_terms": 25,
                        "minimum_should_match": "1",
                        "stop_words": sorted(STOPWORDS),
                        "include": False,
                    }
                }
            ],
            "must_not": [{"ids": {"values": [str(resource_id)]}}],
            "filter": [{"terms": {"access": list(access)}}],
        }
    }
    try:
        response = _with_timeout(client).search(
            index=index,
            query=query,
            size=size,
            source=False,
            sort=["_score", {"resource_id": "desc"}],
        )
    except (ApiError, EsConnectionError, TransportError) as error:
        raise SearchUnavailable(str(error)) from error
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]
