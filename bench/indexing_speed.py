"""The indexing steps: `index_es` (the project's ElasticsearchBackend.index beside a plain
helpers.bulk of the same sources, batch by batch) and `index_embedded` (the SQLite FTS5 engine).

Records are generated as they are indexed (bench.generate), so a step never holds the whole
synthetic library in memory; generating them is timed apart from indexing.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from .step_support import load_taxonomy, peak_rss_mb


@dataclass
class _Tally:
    """Running totals of an index_es step over its batches."""

    project_seconds: float = 0.0
    plain_seconds: float = 0.0
    generate_seconds: float = 0.0
    source_bytes: int = 0
    documents: int = 0
    pages: int = 0
    reference_records: int = 0
    reference_project_seconds: float = 0.0
    stopped_early: bool = False


def _time_project(backend, batch: list) -> float:
    """Seconds the project's path takes to index this batch."""
    t0 = time.perf_counter()
    backend.index(batch)
    return time.perf_counter() - t0


def _time_plain(client, plain_index: str, sources: list[tuple[int, dict]]) -> float:
    """Seconds a plain helpers.bulk takes to index the same sources into the twin index."""
    from elasticsearch.helpers import bulk

    t0 = time.perf_counter()
    bulk(
        client,
        ({"_index": plain_index, "_id": rid, "_source": s} for rid, s in sources),
        refresh=False,
    )
    return time.perf_counter() - t0


def _index_both(
    backend, plain_index: str, batch: list, sources: list, reference: bool, plain_first: bool
) -> tuple[float, float]:
    """Index one batch by the project's path and, for reference batches, by plain bulk:
    (project seconds, plain seconds)."""
    # Which path goes first alternates per batch: neither always meets the other's merges.
    if reference and plain_first:
        plain_batch = _time_plain(backend.client, plain_index, sources)
        project_batch = _time_project(backend, batch)
    else:
        project_batch = _time_project(backend, batch)
        plain_batch = _time_plain(backend.client, plain_index, sources) if reference else 0.0
    return project_batch, plain_batch


def _index_batches(backend, plain_index: str, config: dict, tally: _Tally) -> None:
    """Generate and index records [start, stop) batch by batch, adding up into tally; stop early
    (tally.stopped_early) when the step's time budget is spent."""
    from search.backends.elasticsearch_index import to_source

    from .generate import Library, Sizes

    synthetic = Library(load_taxonomy(), config["size"], seed=config["seed"], sizes=Sizes())
    reference_stop = config.get("reference_stop") or config["stop"]
    deadline = time.monotonic() + config["max_seconds"] if config.get("max_seconds") else None
    started = time.perf_counter()
    for batch in synthetic.batches(config["batch"], config["start"], config["stop"]):
        tally.generate_seconds += time.perf_counter() - started
        tally.documents += len(batch)
        tally.pages += sum(len(d.pages) for r in batch for d in r.documents)
        reference = batch[0].resource_id - synthetic.first_id < reference_stop
        sources = [(r.resource_id, to_source(r)) for r in batch] if reference else []
        plain_first = bool((tally.documents // config["batch"]) % 2)
        project_batch, plain_batch = _index_both(
            backend, plain_index, batch, sources, reference, plain_first
        )
        tally.project_seconds += project_batch
        if reference:
            tally.source_bytes += sum(len(json.dumps(s)) for _i, s in sources)
            tally.plain_seconds += plain_batch
            tally.reference_records += len(batch)
            tally.reference_project_seconds += project_batch
        if deadline is not None and time.monotonic() > deadline:
            tally.stopped_early = True  # the time budget is spent: report what was indexed
            break
        started = time.perf_counter()


def index_es(config: dict) -> dict:
    """Index records [start, stop) through ElasticsearchBackend.index and, alternately, the same
    sources with a plain helpers.bulk into a twin index of the same mapping."""
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.backends.elasticsearch_index import build_index

    backend = ElasticsearchBackend(config["url"], config["prefix"], timeout=120)
    client = backend.client
    plain_index = f"{config['prefix']}-plain"
    if config["start"] == 0:
        backend.reset()
        client.indices.delete(index=plain_index, ignore_unavailable=True)
        build_index(plain_index).create(using=client)
    tally = _Tally()
    _index_batches(backend, plain_index, config, tally)
    t0 = time.perf_counter()
    client.indices.refresh(index=backend.alias)
    client.indices.refresh(index=plain_index)
    refresh_seconds = time.perf_counter() - t0
    counts = {
        "project": client.count(index=backend.alias)["count"],
        "plain": client.count(index=plain_index)["count"],
    }
    return {
        "records": tally.documents,
        "attachment_pages": tally.pages,
        "project_seconds": round(tally.project_seconds, 2),
        "plain_seconds": round(tally.plain_seconds, 2),
        "generate_seconds": round(tally.generate_seconds, 2),
        "refresh_seconds": round(refresh_seconds, 2),
        "plain_records": tally.reference_records,
        "reference_project_seconds": round(tally.reference_project_seconds, 2),
        "stopped_early": tally.stopped_early,
        "source_mb": round(tally.source_bytes / 1e6, 1),
        "counts": counts,
        "peak_rss_mb": peak_rss_mb(),
    }


def index_embedded(config: dict) -> dict:
    """Index the whole synthetic library into the embedded engine: its speed and file size."""
    from search.backends.embedded import EmbeddedBackend

    from .generate import Library, Sizes

    backend = EmbeddedBackend(config["path"])
    backend.reset()
    synthetic = Library(load_taxonomy(), config["size"], seed=config["seed"], sizes=Sizes())
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
        "peak_rss_mb": peak_rss_mb(),
    }
