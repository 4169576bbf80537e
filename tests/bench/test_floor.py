"""bench.floor: the smaller requests it asks the engine for measure parts of the very page the
view asks for (same total, same facet counts, same hits), and its sums add up."""

from __future__ import annotations

import json

import pytest

from bench.floor import _embedded_parts, _sequential, es_variants
from search.contract import SearchRequest
from search.query import parse_query
from tests.search.records import record


def _facets(type_: str) -> dict:
    return {"type": (type_,), "language": ("en",)}


@pytest.fixture
def indexed(search_backend):
    search_backend.index(
        [
            record(1, "Migration data", facets=_facets("report"), pages=["border migration"]),
            record(2, "Migration study", facets=_facets("study")),
            record(3, "Labour report", facets=_facets("report"), pages=["seasonal migration"]),
            record(4, "Remittances", facets=_facets("report")),
        ]
    )
    return search_backend


@pytest.mark.parametrize("search_backend", ["elasticsearch"], indirect=True)
def test_the_smaller_requests_count_and_rank_as_the_page_does(indexed):
    request = SearchRequest(query=parse_query("migration"), filters={"type": ("report",)})
    body = indexed.request_body(request)
    before = json.dumps(body, sort_keys=True)
    variants = es_variants(body)
    assert json.dumps(body, sort_keys=True) == before  # the page's own body is left as it was
    answers = {
        name: indexed.client.search(index=indexed.alias, body=variant).body
        for name, variant in variants.items()
    }
    page = answers["page"]
    hits = [hit["_id"] for hit in page["hits"]["hits"]]
    assert sorted(hits) == ["1", "3"] and page["hits"]["total"]["value"] == 2
    # The page's matching pages come from the view's second request, for its hits only.
    pages_body = indexed.pages_body(request, [int(hit) for hit in hits])
    pages = indexed.client.search(index=indexed.alias, body=pages_body).body["hits"]["hits"]
    assert sorted(hit["_id"] for hit in pages) == ["1", "3"]
    assert all("inner_hits" in hit for hit in pages)
    # The same total (the chosen type counted), the same facet counts (siblings kept).
    for name in ("total alone", "total and facets alone"):
        assert answers[name]["hits"]["total"]["value"] == 2
        assert answers[name]["hits"]["hits"] == []
    assert answers["total and facets alone"]["aggregations"] == page["aggregations"]
    assert "aggregations" not in answers["total alone"]
    # The same hits in the same order, without what the page adds to them.
    ranked = answers["ranked hits alone"]["hits"]["hits"]
    assert [hit["_id"] for hit in ranked] == hits
    assert not any("highlight" in hit or "inner_hits" in hit for hit in ranked)
    assert "total" not in answers["ranked hits alone"]["hits"]
    without = answers["page without facets"]
    assert [hit["_id"] for hit in without["hits"]["hits"]] == hits
    assert "aggregations" not in without


@pytest.mark.parametrize("search_backend", ["elasticsearch"], indirect=True)
def test_the_page_sent_in_two_requests_answers_as_the_one_request(indexed):
    request = SearchRequest(query=parse_query("migration"), filters={"type": ("report",)})
    one = indexed.client.search(index=indexed.alias, body=indexed.request_body(request)).body
    ranked, counted = indexed.request_bodies(request)
    assert "aggs" not in ranked and ranked["track_total_hits"] is False
    assert counted["size"] == 0 and counted["track_total_hits"] is True
    variants = es_variants(indexed.request_body(request), sent=[ranked, counted])
    assert variants["page"] == [ranked, counted] and "page as one request" in variants
    answers = indexed.client.msearch(index=indexed.alias, searches=[{}, ranked, {}, counted]).body[
        "responses"
    ]
    assert [hit["_id"] for hit in answers[0]["hits"]["hits"]] == [
        hit["_id"] for hit in one["hits"]["hits"]
    ]
    assert answers[1]["hits"]["total"] == one["hits"]["total"]
    assert answers[1]["aggregations"] == one["aggregations"]
    results = indexed.search(request)
    assert results.total == 2 and results.facets["type"]
    assert any("<mark>migration</mark>" in hit.title_html.lower() for hit in results.hits)
    # Past the deepest page the node serves, the counts alone are asked.
    deep = SearchRequest(query=parse_query("migration"), page=10_000)
    assert [body["size"] for body in indexed.request_bodies(deep)] == [0]
    assert indexed.search(deep).total == 3


@pytest.mark.parametrize("search_backend", ["embedded"], indirect=True)
def test_the_embedded_parts_run_the_engine_steps(indexed):
    request = SearchRequest(query=parse_query("migration"))
    parts = _embedded_parts(indexed, request)
    assert set(parts) == {"engine call", "matching alone", "ranking alone"}
    assert all(parts[name]() > 0 for name in parts)


def test_medians_per_query_and_sums_over_the_mix():
    answers = iter([9.0, 1.0, 5.0, 2.0, 6.0, 3.0, 7.0, 4.0])  # a warm-up round, then one measured
    result = _sequential(
        ["a", "b"],
        [{"page": "a/page", "count": "a/count"}, {"page": "b/page", "count": "b/count"}],
        reps=1,
        measure=lambda _form: next(answers),
    )
    assert result["variants"] == ["page", "count"]
    assert result["per_query"] == [
        {"query": "a", "page": 6.0, "count": 3.0},
        {"query": "b", "page": 7.0, "count": 4.0},
    ]
    assert result["totals"] == {"page": 13.0, "count": 7.0}


def test_the_pages_request_of_the_hits_shown_is_a_variant_of_its_own():
    from bench.floor import PAGE_HITS

    body = {"query": {"match_all": {}}, "size": 10}
    pages = {"query": {"ids": {"values": ["1"]}}, "size": 1}
    assert es_variants(body, pages)[PAGE_HITS] is pages
    # A page with no hits sends no second request: nothing is asked of the node.
    empty = es_variants(body, {"query": {"ids": {"values": []}}, "size": 0})[PAGE_HITS]
    assert empty["query"] == {"match_none": {}}
    assert PAGE_HITS not in es_variants(body)


@pytest.mark.parametrize("search_backend", ["elasticsearch"], indirect=True)
def test_the_views_took_adds_up_every_request_it_sends(indexed):
    from bench import view_timing as phases

    client = indexed.client
    search, msearch = client.search, client.msearch
    phases._capture_took(indexed)
    try:
        phases._took.ms = 0.0
        results = indexed.search(SearchRequest(query=parse_query("migration")))
        assert results.total == 3 and results.hits
        # The page's multi-search and the pages of its hits, each with the node's own took.
        assert isinstance(phases._took.ms, float) and client.msearch is not msearch
    finally:
        client.search, client.msearch = search, msearch
