"""Rebuilding Elasticsearch's index with no moment of empty or partial results: a new index is
filled and the alias moved to it in one step; a failure deletes the half-built index and the old
one keeps serving. Writes made meanwhile go to the old index (the caller redoes them after)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..contract import ResourceRecord

# Records sent to the engine in one bulk request.
BATCH = 200


def _batches(records: Iterable[ResourceRecord]) -> Iterator[list[ResourceRecord]]:
    batch: list[ResourceRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def rebuild(backend, records: Iterable[ResourceRecord]) -> int:
    """backend: an ElasticsearchBackend."""
    backend.setup()
    new_index = backend.create_index(make_live=False)
    count = 0
    try:
        for batch in _batches(records):
            backend.index(batch, index_name=new_index)
            count += len(batch)
        backend.client.indices.refresh(index=new_index)
        backend.swap_alias(new_index)
    except BaseException:
        # The alias never moved: the old index keeps serving; drop the half-built one.
        backend.client.indices.delete(index=new_index, ignore_unavailable=True)
        raise
    return count
