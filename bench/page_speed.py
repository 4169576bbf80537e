"""The `pages` step: the site's own pages (home, browse, objective, resource and collection
pages) through the test client: their times and database queries."""

from __future__ import annotations

import time

from .stats import summary
from .step_support import peak_rss_mb


def _targets(stride: int) -> dict[str, list[str]]:
    """The pages to time, by name: each name's URLs (every stride-th resource, up to 20)."""
    from library.models import CollectionPage, GcmObjective, ResourcePage

    # Every stride-th resource, read by id: slicing with a step would load the whole library.
    ids = ResourcePage.objects.live().order_by("pk").values_list("pk", flat=True)
    chosen = list(ids)[:: max(1, stride)][:20]
    resources = list(ResourcePage.objects.filter(pk__in=chosen).order_by("pk"))
    objective = GcmObjective.objects.get(number=2)
    collection = CollectionPage.objects.live().order_by("-pk").first()
    targets = {
        "home": ["/"],
        "library browse": ["/library/"],
        "library browse, 2 facets": ["/library/?objective=2&type=report"],
        "objective page": [objective.get_absolute_url()],
        "resource page": [page.url for page in resources],
    }
    if collection is not None:
        targets["collection page"] = [collection.url]
    return targets


def _count_queries(client, url: str) -> int:
    """The database queries one request for url makes."""
    from django.db import connection

    # Counted with an execute wrapper: the test client's request_started signal empties
    # connection.queries_log, which CaptureQueriesContext reads.
    queries: list[str] = []

    def count(execute, sql, params, many, context, queries=queries):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    return len(queries)


def page_speed(config: dict) -> dict:
    """Each target page's times over config["reps"] requests (its URLs in turn) and queries."""
    from django.test import Client

    client = Client()
    out = {}
    for name, urls in _targets(config["stride"]).items():
        for url in urls:  # warm-up
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
        db_queries = _count_queries(client, urls[0])
        times = []
        for rep in range(config["reps"]):
            url = urls[rep % len(urls)]
            t0 = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        out[name] = {**summary(times), "db_queries": db_queries, "url": urls[0]}
    return {"pages": out, "peak_rss_mb": peak_rss_mb()}
