"""What Elasticsearch holds, digested for the drift check (search.consistency): each record's
stored `_source` against `to_source(record)`, the document the same record would become."""

from __future__ import annotations

import json
from collections.abc import Iterable

from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch import Elasticsearch, TransportError
from elasticsearch.helpers import scan

from ..contract import ResourceRecord, SearchUnavailable
from .digest import digest
from .elasticsearch_index import to_source


def expected_digests(records: Iterable[ResourceRecord]) -> dict[int, str]:
    # Through JSON and back, as the engine stores it (tuples become lists).
    return {r.resource_id: digest(json.loads(json.dumps(to_source(r)))) for r in records}


def indexed_digests(client: Elasticsearch, index: str) -> dict[int, str]:
    try:
        return {
            int(hit["_id"]): digest(hit["_source"])
            for hit in scan(client, index=index, query={"query": {"match_all": {}}})
        }
    except (EsConnectionError, TransportError) as error:
        raise SearchUnavailable(str(error)) from error


def indexed_count(client: Elasticsearch, index: str) -> int:
    try:
        return int(client.count(index=index)["count"])
    except (EsConnectionError, TransportError) as error:
        raise SearchUnavailable(str(error)) from error
