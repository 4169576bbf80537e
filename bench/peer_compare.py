"""The `peer` step: Wagtail's own search on the same pages, beside ours.

The page set is indexed by the hub's path (sync_resources) and by Wagtail's Elasticsearch 9
backend; then each query of the mix is timed through our view, our backend call, Wagtail's
search call and the search view `wagtail start` generates (bench.peer_view).
"""

from __future__ import annotations

import time

from .stats import percentile, summary
from .step_support import load_taxonomy, peak_rss_mb
from .view_timing import _capture_took, _timed_get


def _index_ours(ours, ids: list[int]) -> float:
    """Index the live pages by the hub's own path, 200 at a time: its seconds."""
    from search.indexing import sync_resources

    ours.reset()
    t0 = time.perf_counter()
    for first in range(0, len(ids), 200):
        sync_resources(ids[first : first + 200])
    seconds = time.perf_counter() - t0
    ours.client.indices.refresh(index=ours.alias)
    return seconds


def _index_wagtail(wagtail) -> float:
    """Index the live pages by Wagtail's backend, 500 at a time: its seconds."""
    from library.models import ResourcePage

    from .peer_view import with_same_text

    # The peer indexes the same text as ours: title, summary and body (the page set has no
    # attached files), not Wagtail's default of title and summary.
    with_same_text(ResourcePage)
    t0 = time.perf_counter()
    index = wagtail.get_index_for_model(ResourcePage)
    index.reset()
    index.add_model(ResourcePage)
    pages = list(ResourcePage.objects.live().specific())
    for first in range(0, len(pages), 500):
        index.add_items(ResourcePage, pages[first : first + 500])
    index.refresh()
    return time.perf_counter() - t0


def _wagtail_call(query) -> int:
    """Wagtail's search for the query, sliced to its page and evaluated: the hits shown."""
    from .peer_view import peer_results

    # All words must match, as in ours; a quoted phrase is a Phrase; Wagtail has no facets
    # of ours, so only the words, the page and the date order are passed.
    results = peer_results(query.q, dict(query.params).get("sort"))
    start = (query.page - 1) * 10
    return len(list(results[start : start + 10]))


def _peer_url(query) -> str:
    """The query as the peer view reads it: the words, the date order and the page."""
    from urllib.parse import urlencode

    params = [("q", query.q)]
    sort = dict(query.params).get("sort")
    if sort:
        params.append(("sort", sort))
    if query.page > 1:
        params.append(("page", str(query.page)))
    return "/peer-search/?" + urlencode(params)


def _backend_request(query):
    """The search request our view sends the backend for this query (synonyms added)."""
    from dataclasses import replace
    from urllib.parse import urlencode

    from django.http import QueryDict

    from search.forms import read_search
    from search.synonyms import with_synonyms

    parsed = read_search(QueryDict(urlencode(query.params))).request
    return replace(parsed, query=with_synonyms(parsed.query))


def _measure_query(client, ours, query, reps: int) -> tuple[dict, dict[str, list[float]]]:
    """Warm up, then time the query reps times four ways: its row, and the times by way."""
    from urllib.parse import urlencode

    url = "/search/?" + urlencode(query.params)
    for _ in range(2):
        client.get(url)
        client.get(_peer_url(query))
        _wagtail_call(query)
    view_ms, wagtail_ms, took_ms, backend_ms, peer_view_ms = [], [], [], [], []
    search_request = _backend_request(query)
    for _ in range(reps):
        t0 = time.perf_counter()
        ours.search(search_request)
        backend_ms.append((time.perf_counter() - t0) * 1000)
        elapsed, status, took = _timed_get(client, url)
        view_ms.append(elapsed)
        took_ms.append(took or 0.0)
        t0 = time.perf_counter()
        found = _wagtail_call(query)
        wagtail_ms.append((time.perf_counter() - t0) * 1000)
        elapsed, peer_status, _took = _timed_get(client, _peer_url(query))
        peer_view_ms.append(elapsed)
    row = {
        "query": query.name,
        "status": status,
        "view_p50": round(percentile(view_ms, 50), 1),
        "took_p50": round(percentile(took_ms, 50), 1),
        "backend_p50": round(percentile(backend_ms, 50), 1),
        "backend_ratio": round(percentile(backend_ms, 50) / percentile(wagtail_ms, 50), 2),
        "wagtail_p50": round(percentile(wagtail_ms, 50), 1),
        "wagtail_hits_shown": found,
        "ratio": round(percentile(view_ms, 50) / percentile(wagtail_ms, 50), 2),
        "peer_view_status": peer_status,
        "peer_view_p50": round(percentile(peer_view_ms, 50), 1),
        "view_ratio": round(percentile(view_ms, 50) / percentile(peer_view_ms, 50), 2),
    }
    return row, {"ours": view_ms, "wagtail": wagtail_ms, "peer_view": peer_view_ms}


def peer(config: dict) -> dict:
    """Index the page set through the hub's path (sync_resources) and through Wagtail's ES9
    backend, then time the same queries: our view, our backend call, Wagtail's search call."""
    from django.test import Client

    from wagtail.search.backends import get_search_backend

    from library.models import ResourcePage
    from search.backends import get_backend

    from .queries import query_mix

    ids = list(ResourcePage.objects.live().order_by("pk").values_list("pk", flat=True))
    ours = get_backend()
    ours_index_seconds = _index_ours(ours, ids)
    wagtail = get_search_backend("peer")
    wagtail_index_seconds = _index_wagtail(wagtail)

    _capture_took(ours)
    queries = query_mix(load_taxonomy(), deep_page=config["deep_page"])
    client = Client()
    rows = []
    ours_all, wagtail_all, peer_view_all = [], [], []
    for query in queries:
        row, times = _measure_query(client, ours, query, config["reps"])
        ours_all += times["ours"]
        wagtail_all += times["wagtail"]
        peer_view_all += times["peer_view"]
        rows.append(row)
    ratios = [row["ratio"] for row in rows]
    view_ratios = [row["view_ratio"] for row in rows]
    backend_ratios = [row["backend_ratio"] for row in rows]
    wagtail.get_index_for_model(ResourcePage).delete()
    return {
        "pages": len(ids),
        "ours_index_seconds": round(ours_index_seconds, 2),
        "wagtail_index_seconds": round(wagtail_index_seconds, 2),
        "ours_view": summary(ours_all),
        "wagtail_search": summary(wagtail_all),
        "peer_view": summary(peer_view_all),
        "view_ratio_median": round(percentile(view_ratios, 50), 2),
        "ratio_median": round(percentile(ratios, 50), 2),
        "backend_ratio_median": round(percentile(backend_ratios, 50), 2),
        "per_query": rows,
        "peak_rss_mb": peak_rss_mb(),
    }
