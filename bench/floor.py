"""What the engine alone costs: the floor the search view's latency stands on.

The view's time is the engine's work plus the hub's (reading the query, page rows, rendering).
This step asks the engine alone, without Django, for every query of the mix, and also asks it
for less than a page needs, so the report can say which part of a results page (the ranked
hits, the exact total, the facet counts) the machine's cores cannot serve in time:

- Elasticsearch: the requests the view sends (the ranked hits and the counts, asked at once);
  the whole page as one request, and the same without facets; the ranked page alone (no facets,
  highlights, page hits or exact total); the exact total and facet counts alone (size 0, query
  in filter context); the exact total alone. Sequentially (its `took`, interleaved) and at
  concurrency N as separate processes, like the view's own load.
- Embedded: the engine call (`backend.search`), finding the matching resources alone, and the
  ranking alone (bm25 over every match, which relevance order needs).
"""

from __future__ import annotations

import copy
import os
import random
import statistics
import time
from collections.abc import Callable

from .load import run_processes
from .stats import summary

# The pages of a page's hits (the view's second request), measured beside the page's own.
PAGE_HITS = "pages of the hits shown"
_NOTHING = {"size": 0, "track_total_hits": False, "query": {"match_none": {}}}


def es_variants(
    body: dict, page_body: dict | None = None, sent: list[dict] | None = None
) -> dict[str, dict | list[dict]]:
    """The whole page as one request (`body`) and the smaller requests that leave parts of it
    out; with `page_body`, the view's second request for the pages of the hits shown; with
    `sent`, the requests the view sends for the page itself (a list: asked at once)."""
    query = _without(copy.deepcopy(body["query"]), "inner_hits")
    post_filter = body.get("post_filter")
    counted = {"bool": {"filter": [query, *([post_filter] if post_filter else [])]}}
    ranked = _without(copy.deepcopy(body), "inner_hits")
    for part in ("aggs", "highlight"):
        ranked.pop(part, None)
    ranked["track_total_hits"] = False
    no_facets = copy.deepcopy(body)
    no_facets.pop("aggs", None)
    facets = {
        "size": 0,
        "track_total_hits": True,
        "query": {"bool": {"filter": [query]}},
        "aggs": copy.deepcopy(body.get("aggs", {})),
    }
    if post_filter:
        # As in the page: the total counts the chosen values, each facet counts its siblings.
        facets["post_filter"] = copy.deepcopy(post_filter)
    return {
        "page": sent if sent is not None else body,
        **({"page as one request": body} if sent is not None else {}),
        **({PAGE_HITS: page_body if page_body["size"] else _NOTHING} if page_body else {}),
        "page without facets": no_facets,
        "ranked hits alone": ranked,
        "total and facets alone": facets,
        "total alone": {"size": 0, "track_total_hits": True, "query": counted},
    }


# What each variant is compared at concurrency N (the other variants: sequentially only).
ES_CONCURRENT = ("page", "total and facets alone")
# "matching alone" at concurrency N is the embedded engine's match-and-count floor.
EMBEDDED_CONCURRENT = ("engine call", "matching alone", "ranking alone")


def uncached(searches: list[dict]) -> list[dict]:
    """A multi-search's header and body pairs with the node's request cache off in every header:
    the mix asks the same queries again and again, which the cache would answer without searching."""
    return [
        {**part, "request_cache": False} if n % 2 == 0 else part for n, part in enumerate(searches)
    ]


def _ask(client, index: str, body: dict | list[dict]) -> float:
    """The `took` of one request, or the sum over the several the view sends for one page asked
    one after the other: the node's work for the page. (The view asks them at once; side by side
    on the same cores each one's `took` would also count the time the other kept a core.)"""
    bodies = body if isinstance(body, list) else [body]
    return sum(
        float(client.search(index=index, body=one, request_cache=False)["took"]) for one in bodies
    )


def _send(client, index: str, body: dict | list[dict]) -> None:
    """A request as the view sends it: several for one page are asked at once (multi-search)."""
    if isinstance(body, list):
        client.msearch(index=index, searches=uncached([part for one in body for part in ({}, one)]))
    else:
        client.search(index=index, body=body, request_cache=False)


def _without(value, key: str):
    if isinstance(value, dict):
        value.pop(key, None)
        for item in value.values():
            _without(item, key)
    elif isinstance(value, list):
        for item in value:
            _without(item, key)
    return value


def es_floor(
    client,
    url: str,
    index: str,
    names: list[str],
    bodies: list[dict],
    config: dict,
    page_bodies: list[dict] | None = None,
    sent: list[list[dict]] | None = None,
) -> dict:
    """Each variant's median `took` per query (interleaved, the node's request cache off), and
    the client-side latency of ES_CONCURRENT variants at concurrency N."""
    variants = [
        es_variants(body, page_bodies[n] if page_bodies else None, sent[n] if sent else None)
        for n, body in enumerate(bodies)
    ]

    sequential = _sequential(
        names, variants, config["reps"], lambda body: _ask(client, index, body)
    )
    concurrent = {
        variant: _concurrent(
            _es_member,
            (url, index),
            [v[variant] for v in variants],
            config,
        )
        for variant in ES_CONCURRENT
    }
    return {"engine": "elasticsearch", "unit": "took", **sequential, "concurrent": concurrent}


def mix_requests(mix: list[tuple[tuple[str, str], ...]]) -> list:
    """The search requests of the mix's GET parameters, as the view makes them for an
    anonymous member: its synonyms and its access labels."""
    from dataclasses import replace
    from urllib.parse import urlencode

    from django.contrib.auth.models import AnonymousUser
    from django.http import QueryDict

    from library.access import viewer_labels
    from search.forms import read_search
    from search.synonyms import with_synonyms

    requests = []
    for params in mix:
        parsed = read_search(QueryDict(urlencode(params))).request
        query = with_synonyms(parsed.query)
        requests.append(replace(parsed, query=query, access=viewer_labels(AnonymousUser())))
    return requests


def embedded_floor(backend, names: list[str], mix: list, config: dict) -> dict:
    """Each part's median wall time per query, and EMBEDDED_CONCURRENT at concurrency N
    (processes, each with its own connection and catalogue)."""
    parts = [_embedded_parts(backend, request) for request in mix_requests(mix)]
    sequential = _sequential(names, parts, config["reps"], lambda call: call())
    concurrent = {
        # The members rebuild the requests from the parameters once Django is set up.
        part: _concurrent(_embedded_member, (backend.path, part), mix, config)
        for part in EMBEDDED_CONCURRENT
    }
    return {"engine": "embedded", "unit": "wall", **sequential, "concurrent": concurrent}


def _embedded_parts(backend, request) -> dict[str, Callable[[], float]]:
    # The engine's own steps (search.backends.embedded._Reading), as one search runs them, each
    # in the same snapshot and with the same in-memory catalogue.
    from search.backends.embedded import _Reading
    from search.backends.embedded_transactions import read_snapshot

    def timed(step: Callable) -> Callable[[], float]:
        def run() -> float:
            connection = backend._connect()
            t0 = time.perf_counter()
            with read_snapshot(connection) as snapshot:
                reading = _Reading(
                    connection, backend._catalogue.get(connection, share=snapshot.owned), request
                )
                step(reading)
            return (time.perf_counter() - t0) * 1000

        return run

    def engine_call() -> float:
        t0 = time.perf_counter()
        backend.search(request)
        return (time.perf_counter() - t0) * 1000

    return {
        "engine call": engine_call,
        "matching alone": timed(lambda reading: reading._matched_ids()),
        "ranking alone": timed(lambda reading: reading._scores()),
    }


def _sequential(names: list[str], variants: list[dict], reps: int, measure) -> dict:
    """Interleaved: every variant of a query, then the next query, `reps` rounds, after one
    round of warm-up; the median per query and variant, and their sums over the mix."""
    order = list(variants[0])
    samples = {variant: [[] for _ in names] for variant in order}
    for round_ in range(reps + 1):
        for index, forms in enumerate(variants):
            for variant in order:
                value = measure(forms[variant])
                if round_:
                    samples[variant][index].append(value)
    per_query = [
        {
            "query": name,
            **{variant: round(statistics.median(samples[variant][index]), 1) for variant in order},
        }
        for index, name in enumerate(names)
    ]
    totals = {variant: round(sum(row[variant] for row in per_query), 1) for variant in order}
    return {"variants": order, "per_query": per_query, "totals": totals}


def _concurrent(member, args: tuple, work: list, config: dict) -> dict:
    """`work` asked by N spawned processes at once (each all of it `reps` times, shuffled), as
    bench.load does for the view: the latency of each answer as its caller saw it."""
    gathered, _wall = run_processes(member, (*args, work, config["reps"]), config["concurrency"])
    return summary(gathered)


def _shuffled(seed: int, work: list, reps: int) -> list:
    order = [item for item in work for _ in range(reps)]
    random.Random(seed).shuffle(order)
    return order


def _es_member(seed: int, url: str, index: str, bodies: list, reps: int, barrier, results) -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url, request_timeout=120)
    for body in bodies:  # this process's own connection
        _send(client, index, body)
    order = _shuffled(seed, bodies, reps)
    barrier.wait()
    times = []
    for body in order:
        t0 = time.perf_counter()
        _send(client, index, body)
        times.append((time.perf_counter() - t0) * 1000)
    results.put(times)


def _embedded_member(
    seed: int, path: str, part: str, mix: list, reps: int, barrier, results
) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from search.backends.embedded import EmbeddedBackend

    backend = EmbeddedBackend(path)
    calls = [_embedded_parts(backend, request)[part] for request in mix_requests(mix)]
    for call in calls:  # this process's own connection and catalogue
        call()
    order = _shuffled(seed, calls, reps)
    barrier.wait()
    results.put([call() for call in order])
