"""The API's search beside the search page's: the same query mix, asked of both in one process,
interleaved (page then API, then API then page on the next repetition) so that both meet the
same machine, caches and engine. The API is asked for the page's own page size."""

from __future__ import annotations

import time


def api_beside_page(config: dict) -> dict:
    from urllib.parse import urlencode

    from django.test import Client

    from search.contract import DEFAULT_PAGE_SIZE

    from .generate import Taxonomy
    from .queries import query_mix
    from .stats import percentile, summary

    queries = query_mix(Taxonomy.from_db(), deep_page=config["deep_page"])
    pairs = [
        (
            "/search/?" + urlencode(q.params),
            "/api/v1/resources/?" + urlencode([*q.params, ("per_page", str(DEFAULT_PAGE_SIZE))]),
        )
        for q in queries
    ]
    client = Client()
    statuses = set()

    def timed(url: str) -> float:
        start = time.perf_counter()
        response = client.get(url)
        statuses.add(response.status_code)
        return (time.perf_counter() - start) * 1000

    for page_url, api_url in pairs:  # warm-up
        timed(page_url)
        timed(api_url)
    page_ms: list[float] = []
    api_ms: list[float] = []
    for rep in range(config["reps"]):
        for page_url, api_url in pairs:
            if rep % 2:
                api_ms.append(timed(api_url))
                page_ms.append(timed(page_url))
            else:
                page_ms.append(timed(page_url))
                api_ms.append(timed(api_url))
    page_p95, api_p95 = percentile(page_ms, 95), percentile(api_ms, 95)
    return {
        "queries": len(queries),
        "reps": config["reps"],
        "statuses": sorted(statuses),
        "search_page": summary(page_ms),
        "api": summary(api_ms),
        "api_p95_ratio": round(api_p95 / page_p95, 2) if page_p95 else None,
    }
