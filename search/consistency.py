"""Does the index say what the database says? Records missing, extra or stale, and the repair.

Stale means the record the database would build now (records.build_record) differs from what the
engine holds. Neither engine stores a digest of its records yet, so the backend reads them
(backend.indexed_digests) and digests each expected record the same way (backend.expected_digests):
Elasticsearch's stored `_source` against `to_source(record)`; for the embedded engine, the rows a
record leaves in its SQLite tables against the rows the same record leaves in a scratch file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .contract import ResourceRecord, SearchBackend

BATCH = 200


@dataclass
class Drift:
    missing: list[int] = field(default_factory=list)  # in the database, not in the index
    extra: list[int] = field(default_factory=list)  # in the index, gone from the database
    stale: list[int] = field(default_factory=list)  # in both, but the index holds old content
    checked: int = 0  # records the database says the index should hold

    @property
    def total(self) -> int:
        return len(self.missing) + len(self.extra) + len(self.stale)

    @property
    def ids(self) -> list[int]:
        return sorted({*self.missing, *self.extra, *self.stale})


def expected_records() -> Iterator[ResourceRecord]:
    from .records import all_records

    return iter(all_records())


def check(backend: SearchBackend, records: Iterable[ResourceRecord] | None = None) -> Drift:
    """Compare the index with the database; raises SearchUnavailable when the engine is away."""
    expected = expected_digests(backend, expected_records() if records is None else records)
    indexed = indexed_digests(backend)
    both = expected.keys() & indexed.keys()
    return Drift(
        missing=sorted(expected.keys() - indexed.keys()),
        extra=sorted(indexed.keys() - expected.keys()),
        stale=sorted(rid for rid in both if expected[rid] != indexed[rid]),
        checked=len(expected),
    )


def fix(drift: Drift) -> None:
    """Index what is missing or stale and remove what is extra, reading each page afresh."""
    from .indexing import sync_resources

    ids = drift.ids
    for start in range(0, len(ids), BATCH):
        sync_resources(ids[start : start + BATCH])


# -- digests: the engine's to compute (search/backends/*_drift.py) ------------------------------


def expected_digests(backend: SearchBackend, records: Iterable[ResourceRecord]) -> dict[int, str]:
    """Digest of what each record would look like inside this backend's index."""
    return backend.expected_digests(records)


def indexed_digests(backend: SearchBackend) -> dict[int, str]:
    """Digest of every record the engine holds, by resource id."""
    return backend.indexed_digests()


def indexed_count(backend: SearchBackend) -> int:
    """How many records the engine holds, without reading them."""
    return backend.indexed_count()
