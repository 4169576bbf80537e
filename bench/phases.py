"""The benchmark's steps, each run in its own process (`python -m bench.phases STEP CONFIG OUT`)
so that its peak memory is its own and each gets the settings it needs from the environment.

CONFIG and OUT are JSON files: the step reads its parameters from one and writes its figures to
the other. bench.run starts them in order and gathers the figures.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import django

from .floor import uncached


def _peak_rss_mb() -> float:
    # Linux reports ru_maxrss in kilobytes.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _taxonomy():
    from .generate import Taxonomy

    return Taxonomy.from_db()


def _library_page():
    from library.models import LibraryIndexPage

    return LibraryIndexPage.objects.get()


# -- the databases ------------------------------------------------------------------------------


def setup_db(config: dict) -> dict:
    """Migrate and seed the site shell once, then copy it per database and insert the pages."""
    from django.core.management import call_command

    from hub.demo.seed import SeedReport, ensure_collections_index, ensure_publishers, ensure_site

    from .generate import Library, Sizes, insert_pages

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    home, library, _created = ensure_site()
    ensure_collections_index(home)
    ensure_publishers(SeedReport())
    migrated = time.perf_counter() - started
    from django.db import connections

    connections.close_all()
    base = Path(config["base_db"])
    out = {"migrate_seconds": round(migrated, 1), "databases": {}}
    for name, spec in config["databases"].items():
        shutil.copyfile(base, spec["path"])
        os.environ["DATABASE_URL"] = f"sqlite:///{spec['path']}"
        connections["default"].settings_dict["NAME"] = spec["path"]
        connections.close_all()
        started = time.perf_counter()
        taxonomy = _taxonomy()
        synthetic = Library(taxonomy, spec["size"], seed=config["seed"], sizes=Sizes())
        count = 0
        for first in range(0, spec["size"], 5000):
            specs = list(synthetic.specs(first, first + 5000, documents=False))
            count += insert_pages(_library_page(), specs, taxonomy)
        if spec.get("collections"):
            _collections(home, synthetic, spec["collections"])
        connections.close_all()
        out["databases"][name] = {
            "pages": count,
            "seconds": round(time.perf_counter() - started, 1),
        }
    return out


def _collections(home, synthetic, sizes: list[int]) -> None:
    """Collections of the given sizes (for the page-speed set), built as editors would."""
    from library.models import CollectionEntry, CollectionIndexPage, CollectionPage

    index = CollectionIndexPage.objects.get()
    for size in sizes:
        collection = index.add_child(
            instance=CollectionPage(
                title=f"Bench collection of {size}",
                slug=f"bench-{size}",
                introduction=f"{size} resources chosen for the benchmark.",
            )
        )
        for order, spec in enumerate(synthetic.specs(0, size, documents=False)):
            CollectionEntry.objects.create(
                collection=collection, resource_id=spec.resource_id, sort_order=order
            )


# -- indexing -----------------------------------------------------------------------------------


def index_es(config: dict) -> dict:
    """Index records [start, stop) through ElasticsearchBackend.index and, alternately, the same
    sources with a plain helpers.bulk into a twin index of the same mapping."""
    from elasticsearch.helpers import bulk

    from search.backends.elasticsearch import ElasticsearchBackend
    from search.backends.elasticsearch_index import build_index, to_source

    from .generate import Library, Sizes

    backend = ElasticsearchBackend(config["url"], config["prefix"], timeout=120)
    client = backend.client
    plain_index = f"{config['prefix']}-plain"
    if config["start"] == 0:
        backend.reset()
        client.indices.delete(index=plain_index, ignore_unavailable=True)
        build_index(plain_index).create(using=client)
    synthetic = Library(_taxonomy(), config["size"], seed=config["seed"], sizes=Sizes())
    project_seconds = plain_seconds = generate_seconds = 0.0
    source_bytes = 0
    documents = pages = reference_records = 0
    reference_project_seconds = 0.0
    reference_stop = config.get("reference_stop") or config["stop"]
    deadline = time.monotonic() + config["max_seconds"] if config.get("max_seconds") else None
    stopped_early = False
    started = time.perf_counter()
    for batch in synthetic.batches(config["batch"], config["start"], config["stop"]):
        generate_seconds += time.perf_counter() - started
        documents += len(batch)
        pages += sum(len(d.pages) for r in batch for d in r.documents)
        reference = batch[0].resource_id - synthetic.first_id < reference_stop
        sources = [(r.resource_id, to_source(r)) for r in batch] if reference else []

        def project(batch=batch) -> float:
            t0 = time.perf_counter()
            backend.index(batch)
            return time.perf_counter() - t0

        def plain(sources=sources) -> float:
            t0 = time.perf_counter()
            bulk(
                client,
                ({"_index": plain_index, "_id": rid, "_source": s} for rid, s in sources),
                refresh=False,
            )
            return time.perf_counter() - t0

        # Which path goes first alternates per batch: neither always meets the other's merges.
        if reference and (documents // config["batch"]) % 2:
            plain_batch = plain()
            project_batch = project()
        else:
            project_batch = project()
            plain_batch = plain() if reference else 0.0
        project_seconds += project_batch
        if reference:
            source_bytes += sum(len(json.dumps(s)) for _i, s in sources)
            plain_seconds += plain_batch
            reference_records += len(batch)
            reference_project_seconds += project_batch
        if deadline is not None and time.monotonic() > deadline:
            stopped_early = True  # the time budget is spent: report what was indexed
            break
        started = time.perf_counter()
    t0 = time.perf_counter()
    client.indices.refresh(index=backend.alias)
    client.indices.refresh(index=plain_index)
    refresh_seconds = time.perf_counter() - t0
    counts = {
        "project": client.count(index=backend.alias)["count"],
        "plain": client.count(index=plain_index)["count"],
    }
    return {
        "records": documents,
        "attachment_pages": pages,
        "project_seconds": round(project_seconds, 2),
        "plain_seconds": round(plain_seconds, 2),
        "generate_seconds": round(generate_seconds, 2),
        "refresh_seconds": round(refresh_seconds, 2),
        "plain_records": reference_records,
        "reference_project_seconds": round(reference_project_seconds, 2),
        "stopped_early": stopped_early,
        "source_mb": round(source_bytes / 1e6, 1),
        "counts": counts,
        "peak_rss_mb": _peak_rss_mb(),
    }


def index_embedded(config: dict) -> dict:
    from search.backends.embedded import EmbeddedBackend

    from .generate import Library, Sizes

    backend = EmbeddedBackend(config["path"])
    backend.reset()
    synthetic = Library(_taxonomy(), config["size"], seed=config["seed"], sizes=Sizes())
    seconds = 0.0
    documents = 0
    for batch in synthetic.batches(config["batch"], 0, config["size"]):
        t0 = time.perf_counter()
        backend.index(batch)
        seconds += time.perf_counter() - t0
        documents += len(batch)
    return {
        "records": documents,
        "seconds": round(seconds, 2),
        "records_per_second": round(documents / seconds, 1) if seconds else None,
        "index_mb": round(Path(config["path"]).stat().st_size / 1e6, 1),
        "peak_rss_mb": _peak_rss_mb(),
    }


# -- the query mix through the search view ------------------------------------------------------

_took = threading.local()


def _capture_took(backend) -> None:
    """Add up Elasticsearch's own `took` of every search a request makes (the page's ranked
    hits and counts, asked at once; the pages of its hits; with few hits, the spelling
    suggester)."""
    client = getattr(backend, "client", None)
    if client is None:
        return
    search, msearch = client.search, client.msearch

    def add(took: float) -> None:
        _took.ms = getattr(_took, "ms", 0.0) + took

    # The node's request cache stays off, as for the engine's floor (bench.floor): the mix asks
    # the same queries again and again, which a cache would answer without searching.
    def searched(*args, **kwargs):
        response = search(*args, **{**kwargs, "request_cache": False})
        add(float(response["took"]))
        return response

    def msearched(*args, searches, **kwargs):
        response = msearch(*args, searches=uncached(searches), **kwargs)
        # The multi-search's own took: the node's time for all of it, its searches side by side.
        add(float(response["took"]))
        return response

    client.search, client.msearch = searched, msearched


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


_cpu = threading.local()


def _timed_get(client, url: str) -> tuple[float, int, float | None]:
    """Wall time (ms), status and the engine's took; this thread's CPU time goes to _cpu.ms,
    which tells our own work apart from waiting (for the engine, or for a busy machine's CPU)."""
    _took.ms = 0.0
    c0 = time.thread_time()
    t0 = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - t0) * 1000
    _cpu.ms = (time.thread_time() - c0) * 1000
    return elapsed, response.status_code, _took.ms


def run_queries(config: dict) -> dict:
    """The query mix through search.views at concurrency 1 and N (processes), p50/p95/p99, and
    per query the engine's own `took` and the view's time over it."""
    from urllib.parse import urlencode

    from django.db import connection
    from django.test import Client

    from search.backends import get_backend

    from .queries import query_mix
    from .stats import percentile, summary

    backend = get_backend()
    _capture_took(backend)
    queries = query_mix(_taxonomy(), deep_page=config["deep_page"])
    urls = {q.name: "/search/?" + urlencode(q.params) for q in queries}
    client = Client()
    statuses: dict[str, int] = {}
    for query in queries:  # warm-up: caches, connections, the engine's own caches
        for _ in range(2):
            _elapsed, statuses[query.name], _t = _timed_get(client, urls[query.name])
    per_query: dict[str, dict] = {q.name: {"ms": [], "took": [], "cpu": []} for q in queries}
    sequential: list[float] = []
    sequential_cpu: list[float] = []
    for _rep in range(config["reps"]):
        for query in queries:
            elapsed, _status, took = _timed_get(client, urls[query.name])
            sequential.append(elapsed)
            sequential_cpu.append(_cpu.ms)
            per_query[query.name]["cpu"].append(_cpu.ms)
            per_query[query.name]["ms"].append(elapsed)
            if took:
                per_query[query.name]["took"].append(took)
    hostile = _hostile_queries(client, config["reps"], percentile(sequential, 50))
    if config.get("profile"):
        _profile(client, [urls[q.name] for q in queries], Path(config["profile"]))
    # Concurrency as production has it: separate processes (bench.load); the same members as
    # threads of this one process are measured too, for comparison with earlier reports.
    from .load import run_members

    mix = [urls[q.name] for q in queries]
    answered, wall = run_members(mix, config["reps"], config["concurrency"])
    concurrent = [ms for _index, ms in answered]
    concurrent_filtered = [ms for index, ms in answered if queries[index].has_filters]
    threaded: list[float] = []
    lock = threading.Lock()

    def worker(seed: int) -> None:
        own = Client()
        order = [q for q in queries for _ in range(config["reps"])]
        random.Random(seed).shuffle(order)
        times = [_timed_get(own, urls[query.name])[0] for query in order]
        connection.close()
        with lock:
            threaded.extend(times)

    threads = [
        threading.Thread(target=worker, args=(seed,)) for seed in range(config["concurrency"])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
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
        "peak_rss_mb": _peak_rss_mb(),
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

    from .stats import percentile

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
    queries = query_mix(_taxonomy(), deep_page=config["deep_page"])
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


# -- the peer: Wagtail's own search on the same pages -------------------------------------------


def peer(config: dict) -> dict:
    """Index the page set through the hub's path (sync_resources) and through Wagtail's ES9
    backend, then time the same queries: our view, our backend call, Wagtail's search call."""
    from dataclasses import replace
    from urllib.parse import urlencode

    from django.http import QueryDict
    from django.test import Client

    from wagtail.search.backends import get_search_backend

    from library.models import ResourcePage
    from search.backends import get_backend
    from search.forms import read_search
    from search.indexing import sync_resources
    from search.synonyms import with_synonyms

    from .peer_view import peer_results, with_same_text
    from .queries import query_mix
    from .stats import percentile, summary

    ids = list(ResourcePage.objects.live().order_by("pk").values_list("pk", flat=True))
    ours = get_backend()
    ours.reset()
    t0 = time.perf_counter()
    for first in range(0, len(ids), 200):
        sync_resources(ids[first : first + 200])
    ours_index_seconds = time.perf_counter() - t0
    ours.client.indices.refresh(index=ours.alias)

    wagtail = get_search_backend("peer")
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
    wagtail_index_seconds = time.perf_counter() - t0

    _capture_took(ours)
    queries = query_mix(_taxonomy(), deep_page=config["deep_page"])
    client = Client()

    def wagtail_call(query) -> int:
        # All words must match, as in ours; a quoted phrase is a Phrase; Wagtail has no facets
        # of ours, so only the words, the page and the date order are passed.
        results = peer_results(query.q, dict(query.params).get("sort"))
        start = (query.page - 1) * 10
        return len(list(results[start : start + 10]))

    def peer_url(query) -> str:
        params = [("q", query.q)]
        sort = dict(query.params).get("sort")
        if sort:
            params.append(("sort", sort))
        if query.page > 1:
            params.append(("page", str(query.page)))
        return "/peer-search/?" + urlencode(params)

    rows = []
    ours_all, wagtail_all, peer_view_all = [], [], []
    for query in queries:
        url = "/search/?" + urlencode(query.params)
        for _ in range(2):
            client.get(url)
            client.get(peer_url(query))
            wagtail_call(query)
        view_ms, wagtail_ms, took_ms, backend_ms, peer_view_ms = [], [], [], [], []
        parsed = read_search(QueryDict(urlencode(query.params))).request
        search_request = replace(parsed, query=with_synonyms(parsed.query))
        for _ in range(config["reps"]):
            t0 = time.perf_counter()
            ours.search(search_request)
            backend_ms.append((time.perf_counter() - t0) * 1000)
            elapsed, status, took = _timed_get(client, url)
            view_ms.append(elapsed)
            took_ms.append(took or 0.0)
            t0 = time.perf_counter()
            found = wagtail_call(query)
            wagtail_ms.append((time.perf_counter() - t0) * 1000)
            elapsed, peer_status, _took = _timed_get(client, peer_url(query))
            peer_view_ms.append(elapsed)
        ours_all += view_ms
        wagtail_all += wagtail_ms
        peer_view_all += peer_view_ms
        rows.append(
            {
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
        )
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
        "peak_rss_mb": _peak_rss_mb(),
    }


# -- page speed ---------------------------------------------------------------------------------


def page_speed(config: dict) -> dict:
    from django.db import connection
    from django.test import Client

    from library.models import CollectionPage, GcmObjective, ResourcePage

    from .stats import summary

    client = Client()
    # Every stride-th resource, read by id: slicing with a step would load the whole library.
    ids = ResourcePage.objects.live().order_by("pk").values_list("pk", flat=True)
    chosen = list(ids)[:: max(1, config["stride"])][:20]
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
    out = {}
    for name, urls in targets.items():
        for url in urls:  # warm-up
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
        # Counted with an execute wrapper: the test client's request_started signal empties
        # connection.queries_log, which CaptureQueriesContext reads.
        queries: list[str] = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(urls[0])
        times = []
        for rep in range(config["reps"]):
            url = urls[rep % len(urls)]
            t0 = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        out[name] = {**summary(times), "db_queries": len(queries), "url": urls[0]}
    return {"pages": out, "peak_rss_mb": _peak_rss_mb()}


# -- the worker ---------------------------------------------------------------------------------


def worker(config: dict) -> dict:
    """Queue index tasks for every resource (batches of 100) and let `manage.py db_worker
    --batch` process them: its wall time and peak memory."""
    from django_tasks_db.models import DBTaskResult

    from library.models import ResourcePage
    from search.tasks import sync_resources_task

    # Tasks queued while the database was seeded (publish signals) are not part of the batch.
    DBTaskResult.objects.all().delete()
    ids = list(ResourcePage.objects.live().order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), 100):
        sync_resources_task.enqueue(ids[first : first + 100])
    from django.db import connections

    connections.close_all()
    t0 = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - t0
    stderr = process.stderr.read().decode(errors="replace")[-2000:] if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"db_worker failed: {stderr}")
    done = DBTaskResult.objects.filter(status="SUCCESSFUL").count()
    failed = DBTaskResult.objects.exclude(status="SUCCESSFUL").count()
    return {
        "resources": len(ids),
        "tasks": -(-len(ids) // 100),
        "tasks_successful": done,
        "tasks_not_successful": failed,
        "seconds": round(seconds, 2),
        "resources_per_second": round(len(ids) / seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
    }


def _api_beside_page(config: dict) -> dict:
    from .api_beside_page import api_beside_page

    return api_beside_page(config)


STEPS = {
    "api": _api_beside_page,
    "setup_db": setup_db,
    "index_es": index_es,
    "index_embedded": index_embedded,
    "queries": run_queries,
    "floor": engine_floor,
    "peer": peer,
    "pages": page_speed,
    "worker": worker,
}


def main(argv: list[str]) -> int:
    step, config_path, out_path = argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    config = json.loads(Path(config_path).read_text())
    result = STEPS[step](config)
    Path(out_path).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
