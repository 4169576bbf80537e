"""The query-mix steps: `queries` (the mix through search.views, at concurrency 1 and N, with
per query the engine's own took and the view's time over it, and hostile input) and `floor`
(the engine alone, asked the same mix: see bench.floor)."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

from .stats import percentile, summary
from .step_support import load_taxonomy, peak_rss_mb
from .view_timing import _capture_took, _cpu, _timed_get


def _profile(client, urls: list[str], path: Path) -> None:
    """One extra pass over the mix under pyinstrument (not timed): where a request's time goes."""
    try:
        from pyinstrument import Profiler
    except ImportError:  # the test extra installs it; without it there is no profile
        return
    profiler = Profiler(interval=0.001)
    profiler.start()
    for url in urls:
        client.get(url)
    profiler.stop()
    path.write_text(profiler.output_text(unicode=False, color=False, show_all=False))


def _warm_up(client, queries: list, urls: dict[str, str]) -> dict[str, int]:
    """Ask every query twice before timing (caches, connections, the engine's own caches):
    the status each answered."""
    statuses: dict[str, int] = {}
    for query in queries:
        for _ in range(2):
            _elapsed, statuses[query.name], _t = _timed_get(client, urls[query.name])
    return statuses


def _sequential(
    client, queries: list, urls: dict[str, str], reps: int
) -> tuple[dict[str, dict], list[float], list[float]]:
    """The mix reps times over, one request at a time: per query its wall, took and CPU times,
    and every request's wall and CPU times."""
    per_query: dict[str, dict] = {q.name: {"ms": [], "took": [], "cpu": []} for q in queries}
    sequential: list[float] = []
    sequential_cpu: list[float] = []
    for _rep in range(reps):
        for query in queries:
            elapsed, _status, took = _timed_get(client, urls[query.name])
            sequential.append(elapsed)
            sequential_cpu.append(_cpu.ms)
            per_query[query.name]["cpu"].append(_cpu.ms)
            per_query[query.name]["ms"].append(elapsed)
            if took:
                per_query[query.name]["took"].append(took)
    return per_query, sequential, sequential_cpu


def _in_threads(queries: list, urls: dict[str, str], reps: int, concurrency: int) -> list[float]:
    """The same load as bench.load's member processes, as threads of this one process (for
    comparison with earlier reports): every request's wall time."""
    from django.db import connection
    from django.test import Client

    threaded: list[float] = []
    lock = threading.Lock()

    def worker(seed: int) -> None:
        own = Client()
        order = [q for q in queries for _ in range(reps)]
        random.Random(seed).shuffle(order)
        times = [_timed_get(own, urls[query.name])[0] for query in order]
        connection.close()
        with lock:
            threaded.extend(times)

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return threaded


def _per_query_rows(
    queries: list, statuses: dict[str, int], per_query: dict[str, dict]
) -> list[dict]:
    """Per query: its status, the view's p50/p95, the engine's took and the view's time over it."""
    rows = []
    for query in queries:
        times, tooks = per_query[query.name]["ms"], per_query[query.name]["took"]
        view = percentile(times, 50)
        took = percentile(tooks, 50) if tooks else None
        rows.append(
            {
                "query": query.name,
                "status": statuses[query.name],
                "view_p50": round(view, 1),
                "view_p95": round(percentile(times, 95), 1),
                "took_p50": round(took, 1) if took is not None else None,
                "overhead": round(view / took, 2) if took else None,
                "cpu_p50": round(percentile(per_query[query.name]["cpu"], 50), 1),
            }
        )
    return rows


def run_queries(config: dict) -> dict:
    """The query mix through search.views at concurrency 1 and N (processes), p50/p95/p99, and
    per query the engine's own `took` and the view's time over it."""
    from urllib.parse import urlencode

    from django.test import Client

    from search.backends import get_backend

    from .load import run_members
    from .queries import query_mix

    backend = get_backend()
    _capture_took(backend)
    queries = query_mix(load_taxonomy(), deep_page=config["deep_page"])
    urls = {q.name: "/search/?" + urlencode(q.params) for q in queries}
    client = Client()
    statuses = _warm_up(client, queries, urls)
    per_query, sequential, sequential_cpu = _sequential(client, queries, urls, config["reps"])
    hostile = _hostile_queries(client, config["reps"], percentile(sequential, 50))
    if config.get("profile"):
        _profile(client, [urls[q.name] for q in queries], Path(config["profile"]))
    # Concurrency as production has it: separate processes (bench.load); the same members as
    # threads of this one process are measured too, for comparison with earlier reports.
    mix = [urls[q.name] for q in queries]
    answered, wall = run_members(mix, config["reps"], config["concurrency"])
    concurrent = [ms for _index, ms in answered]
    concurrent_filtered = [ms for index, ms in answered if queries[index].has_filters]
    threaded = _in_threads(queries, urls, config["reps"], config["concurrency"])
    rows = _per_query_rows(queries, statuses, per_query)
    overheads = [row["overhead"] for row in rows if row["overhead"]]
    return {
        "backend": backend.name,
        "queries": len(queries),
        "reps": config["reps"],
        "concurrency_1": summary(sequential),
        "cpu_ms_concurrency_1": summary(sequential_cpu),
        f"concurrency_{config['concurrency']}": summary(concurrent),
        f"concurrency_{config['concurrency']}_with_filters": summary(concurrent_filtered),
        f"concurrency_{config['concurrency']}_threads_in_one_process": summary(threaded),
        "concurrency_kind": "processes",
        "throughput_rps": round(len(concurrent) / wall, 1),
        "overhead_median": round(percentile(overheads, 50), 2) if overheads else None,
        "per_query": rows,
        "hostile": hostile,
        "peak_rss_mb": peak_rss_mb(),
    }


# Bad input the view must answer within an ordinary query's budget: the longest query allowed
# and fifty common words (issue: a query of 50 common words never costs more than the mix).
_COMMON = (
    "the of and to in for on with by from migration policy report data health work people "
    "support national public rights access services women children return labour border "
    "protection development local community government plan training country programme "
    "information review social security group technical working members network annual "
    "meeting guidance study"
).split()


def _hostile_queries(client, reps: int, ordinary_p50: float) -> dict:
    """Median view time of each hostile query and its ratio to the ordinary mix's median."""
    from urllib.parse import urlencode

    from search.query import MAX_QUERY_LENGTH

    long_words = " ".join(_COMMON * 20)[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0]
    cases = {
        "50 common words": " ".join(_COMMON[:50]),
        f"{MAX_QUERY_LENGTH}-character query": long_words,
    }
    measured = {}
    for name, text in cases.items():
        url = "/search/?" + urlencode({"q": text})
        _timed_get(client, url)  # warm-up
        times, statuses = [], set()
        for _ in range(reps):
            elapsed, status, _took = _timed_get(client, url)
            times.append(elapsed)
            statuses.add(status)
        p50 = percentile(times, 50)
        measured[name] = {
            "p50_ms": round(p50, 1),
            "ratio_to_mix_p50": round(p50 / ordinary_p50, 2) if ordinary_p50 else None,
            "statuses": sorted(statuses),
        }
    return measured


def engine_floor(config: dict) -> dict:
    """The engine alone, without the view, for every query of the mix as an anonymous member
    asks it: see bench.floor."""
    from search.backends import get_backend

    from .floor import embedded_floor, es_floor, mix_requests
    from .queries import query_mix

    backend = get_backend()
    queries = query_mix(load_taxonomy(), deep_page=config["deep_page"])
    names = [query.name for query in queries]
    mix = [query.params for query in queries]
    if backend.name == "elasticsearch":
        backend.setup()
        requests = mix_requests(mix)
        bodies = [backend.request_body(request) for request in requests]
        # What the view sends for the page (its requests, asked at once).
        sent = [backend.request_bodies(request) for request in requests]
        # The view's second, small request: the pages of the hits it shows.
        page_bodies = [
            backend.pages_body(request, [hit.resource_id for hit in backend.search(request).hits])
            for request in requests
        ]
        url = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
        return es_floor(
            backend.client, url, backend.alias, names, bodies, config, page_bodies, sent
        )
    return embedded_floor(backend, names, mix, config)
