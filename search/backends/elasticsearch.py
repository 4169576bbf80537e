"""The Elasticsearch backend: queries built with elasticsearch.dsl, writes through the bulk helper.

Readers search an alias; a rebuild fills a new index and moves the alias, so there is never a
moment of empty or partial results.

The backend sends and receives; what it asks is built in elasticsearch_query, and what comes
back is read in elasticsearch_response (the highlight marks in elasticsearch_marks).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch.dsl import Search
from elasticsearch.helpers import BulkIndexError, bulk

from ..contract import Hit, ResourceRecord, SearchRequest, SearchResults, SearchUnavailable
from .elasticsearch_index import FOLDED_FIELDS, build_index, to_source
from .elasticsearch_operations import OPERATIONS, ElasticsearchOperations
from .elasticsearch_query import pages_request, results_search
from .elasticsearch_response import (
    MSEARCH_PARTS,
    PAGE_RESPONSE_PARTS,
    documents,
    facet_counts,
    pages_found,
    read_hit,
)

_UNAVAILABLE = (EsConnectionError, TransportError)


@contextmanager
def _asked() -> Iterator[None]:
    """A query's failures as the contract's one error: a refused query and an unreachable
    node both leave the search page to say that search is unavailable."""
    try:
        yield
    except ApiError as error:
        raise SearchUnavailable(f"Elasticsearch refused the query: {error}") from error
    except _UNAVAILABLE as error:
        raise SearchUnavailable(str(error)) from error


class ElasticsearchBackend(ElasticsearchOperations):
    name = "elasticsearch"
    capabilities = frozenset(
        {
            "phrases",
            "exclusions",
            "highlights",
            "page_numbers",
            "english_stemming",
            "french_stemming",
        }
    )
    capabilities |= OPERATIONS  # spelling, suggestions, related, drift check, rebuild

    def __init__(
        self, url: str, prefix: str, *, timeout: float = 10.0, refresh: bool = False
    ) -> None:
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=1)
        self.alias = f"{prefix}-resources"
        # Tests ask every write to be visible at once; production lets the node batch refreshes.
        self.refresh = refresh
        self._ready = False

    # -- the index ---------------------------------------------------------------------------

    def setup(self) -> None:
        """Create the first index behind the alias if there is none."""
        if self._ready:
            return
        try:
            if not self.client.indices.exists_alias(name=self.alias):
                self.create_index(make_live=True)
            else:
                self._add_new_fields()
        except _UNAVAILABLE as error:
            raise SearchUnavailable(str(error)) from error
        self._ready = True

    def _add_new_fields(self) -> None:
        """Map fields added since the live index was built (title_sort), so sorting works at
        once; resources indexed before get their values at the next write or rebuild."""
        try:
            folded = {"type": "text", "analyzer": "hub_plain"}
            self.client.indices.put_mapping(
                index=self.alias,
                properties={
                    "title_sort": {"type": "keyword"},
                    "access": {"type": "keyword"},
                    **{name: folded for name in FOLDED_FIELDS.values()},
                    "pages": {
                        "type": "nested",
                        "properties": {
                            "text_folded": folded,
                            "access": {"type": "keyword"},
                            "stricter": {"type": "boolean"},
                        },
                    },
                },
            )
        except ApiError:
            pass  # mapped otherwise already: a rebuild (search_index rebuild) sets it right

    def create_index(self, *, make_live: bool) -> str:
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"
        build_index(name).create(using=self.client)
        if make_live:
            self.client.indices.put_alias(index=name, name=self.alias)
        return name

    def live_indices(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def swap_alias(self, new_index: str) -> None:
        """Point the alias at new_index in one atomic step, then drop the old indices."""
        old = self.live_indices()
        actions = [{"add": {"index": new_index, "alias": self.alias}}]
        actions += [{"remove": {"index": name, "alias": self.alias}} for name in old]
        self.client.indices.update_aliases(actions=actions)
        for name in old:
            if name != new_index:
                self.client.indices.delete(index=name, ignore_unavailable=True)

    def reset(self) -> None:
        for name in self.live_indices():
            self.client.indices.delete(index=name, ignore_unavailable=True)
        self._ready = False
        self.setup()

    def drop(self) -> None:
        """Remove every index behind the alias (tests clean up after themselves)."""
        for name in self.live_indices():
            self.client.indices.delete(index=name, ignore_unavailable=True)
        self._ready = False

    # -- writing -----------------------------------------------------------------------------

    def index(self, records: list[ResourceRecord], *, index_name: str | None = None) -> None:
        self.setup()
        target = index_name or self.alias
        actions = (
            {"_index": target, "_id": record.resource_id, "_source": to_source(record)}
            for record in records
        )
        try:
            bulk(self.client, actions, refresh="wait_for" if self.refresh else False)
        except BulkIndexError as error:
            raise SearchUnavailable(f"{len(error.errors)} records were refused") from error
        except _UNAVAILABLE as error:
            raise SearchUnavailable(str(error)) from error

    def delete(self, resource_ids: list[int]) -> None:
        self.setup()
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": rid} for rid in resource_ids)
        try:
            bulk(
                self.client,
                actions,
                refresh="wait_for" if self.refresh else False,
                raise_on_error=False,
            )
        except _UNAVAILABLE as error:
            raise SearchUnavailable(str(error)) from error

    def indexed_ids(self) -> set[int]:
        self.setup()
        search = Search(using=self.client, index=self.alias).source(False)
        return {int(hit.meta.id) for hit in search.params(size=1000).scan()}

    # -- reading -----------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        query = request.query
        if query.is_empty:
            return SearchResults(total=0, hits=[], page=request.page, page_size=request.page_size)
        self.setup()
        *ranked, counted = self._answers(self.request_bodies(request))
        found = ranked[0].get("hits", {}) if ranked else {}
        hits = [read_hit(raw) for raw in found.get("hits", [])]
        if hits:
            self._add_pages(request, hits)
        return SearchResults(
            total=counted.get("hits", {}).get("total", {}).get("value", 0),
            hits=hits,
            page=request.page,
            page_size=request.page_size,
            facets=facet_counts(counted),
        )

    def _answers(self, bodies: list[dict]) -> list[dict]:
        """The node's answers to `bodies`, asked in one round trip and run side by side."""
        searches = [part for body in bodies for part in ({}, body)]
        with _asked():
            # The plain response body: elasticsearch.dsl's Response wraps every hit, highlight
            # and bucket in attribute dictionaries, a cost per request for nothing read twice.
            answers = self.client.msearch(
                index=self.alias, searches=searches, filter_path=MSEARCH_PARTS
            ).body.get("responses", [])
        refused = [answer["error"] for answer in answers if "error" in answer]
        if refused or len(answers) != len(bodies):
            raise SearchUnavailable(f"Elasticsearch refused the query: {refused}")
        return answers

    def _add_pages(self, request: SearchRequest, hits: list[Hit]) -> None:
        """The matching pages of the hits shown, read in a second small request filtered to
        their ids: ranking never walks the pages of every match."""
        body = self.pages_body(request, [hit.resource_id for hit in hits])
        with _asked():
            response = self.client.search(
                index=self.alias, body=body, filter_path=PAGE_RESPONSE_PARTS
            ).body
        by_id = {hit.resource_id: hit for hit in hits}
        for raw in response.get("hits", {}).get("hits", []):
            hit = by_id.get(int(raw["_id"]))
            pages = pages_found(raw.get("inner_hits", {}))
            if hit is not None and pages:
                hit.documents = documents(pages)

    def pages_body(self, request: SearchRequest, resource_ids: list[int]) -> dict:
        """The request for the pages of `resource_ids` that hold the query's words."""
        return pages_request(request, resource_ids)

    def request_body(self, request: SearchRequest) -> dict:
        """The whole results page as one request: hits, exact total and facet counts (what
        request_bodies splits; bench.floor cuts its smaller requests from it)."""
        return self._build(request).to_dict()

    def request_bodies(self, request: SearchRequest) -> list[dict]:
        """What search() sends for `request`: the ranked hits of the page shown, then the exact
        total with the facet counts. Apart, each costs the node less than together: the
        ranking skips what cannot reach the page (no total to count), and the counting scores
        nothing (the query in filter context). A page past MAX_RESULT_WINDOW asks counts only."""
        body = self.request_body(request)
        post_filter = body.pop("post_filter", None)
        aggs = body.pop("aggs", {})
        counted = {
            "size": 0,
            "track_total_hits": True,
            "query": {"bool": {"filter": [body["query"]]}},
            "aggs": aggs,
            **({"post_filter": post_filter} if post_filter else {}),
        }
        if not body.get("size"):
            return [counted]
        ranked = {**body, "track_total_hits": False}
        if post_filter:
            # Without aggregations to spare from it, the chosen values simply narrow the query.
            ranked["query"] = {"bool": {"must": [body["query"]], "filter": [post_filter]}}
        return [ranked, counted]

    def _build(self, request: SearchRequest) -> Search:
        """The whole results page as elasticsearch.dsl builds it (elasticsearch_query)."""
        return results_search(Search(using=self.client, index=self.alias), request)
