"""Timing one request through the test client, told apart into its parts: the wall time, this
thread's CPU time (our own work) and the engine's own `took` (Elasticsearch's time for every
search the request made). Shared by the query-mix and peer steps."""

from __future__ import annotations

import threading
import time

from .floor import uncached

# The engine's took of the request being timed (ms), added up per thread by _capture_took.
_took = threading.local()
# This thread's CPU time of the last request _timed_get timed (ms).
_cpu = threading.local()


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
