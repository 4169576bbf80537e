"""Does the index say what the database says? Records missing, extra or stale, and the repair.

Stale means the record the database would build now (records.build_record) differs from what the
engine holds. Neither engine stores a digest of its records yet, so the comparison reads them:
Elasticsearch's stored `_source` against `to_source(record)`; for the embedded engine, the rows a
record leaves in its SQLite tables against the rows the same record leaves in a scratch file
(written by the same backend code, so both sides agree on the format whatever the schema).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .contract import ResourceRecord, SearchBackend, SearchUnavailable

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


# -- digests --------------------------------------------------------------------------------------


def _digest(value) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def expected_digests(backend: SearchBackend, records: Iterable[ResourceRecord]) -> dict[int, str]:
    """Digest of what each record would look like inside this backend's index."""
    if backend.name == "elasticsearch":
        from .backends.elasticsearch_index import to_source

        # Through JSON and back, as the engine stores it (tuples become lists).
        return {r.resource_id: _digest(json.loads(json.dumps(to_source(r)))) for r in records}
    return _embedded_expected(records)


def indexed_digests(backend: SearchBackend) -> dict[int, str]:
    """Digest of every record the engine holds, by resource id."""
    if backend.name == "elasticsearch":
        return _elasticsearch_indexed(backend)
    try:
        return _embedded_rows_digests(backend._connect())
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error


def indexed_count(backend: SearchBackend) -> int:
    """How many records the engine holds, without reading them."""
    if backend.name == "elasticsearch":
        from elasticsearch import ConnectionError as EsConnectionError
        from elasticsearch import TransportError

        backend.setup()
        try:
            return int(backend.client.count(index=backend.alias)["count"])
        except (EsConnectionError, TransportError) as error:
            raise SearchUnavailable(str(error)) from error
    try:
        return backend._connect().execute("SELECT count(*) FROM resource").fetchone()[0]
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error


def _elasticsearch_indexed(backend) -> dict[int, str]:
    from elasticsearch import ConnectionError as EsConnectionError
    from elasticsearch import TransportError
    from elasticsearch.helpers import scan

    backend.setup()
    try:
        return {
            int(hit["_id"]): _digest(hit["_source"])
            for hit in scan(backend.client, index=backend.alias, query={"query": {"match_all": {}}})
        }
    except (EsConnectionError, TransportError) as error:
        raise SearchUnavailable(str(error)) from error


def _embedded_expected(records: Iterable[ResourceRecord]) -> dict[int, str]:
    from .backends.embedded import EmbeddedBackend

    digests: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="hub-check-") as folder:
        scratch = EmbeddedBackend(Path(folder) / "scratch.sqlite3")
        try:
            batch: list[ResourceRecord] = []
            for record in records:
                batch.append(record)
                if len(batch) == BATCH:
                    digests.update(_scratch_digests(scratch, batch))
                    batch = []
            if batch:
                digests.update(_scratch_digests(scratch, batch))
        finally:
            connection = getattr(scratch._local, "connection", None)
            if connection is not None:
                connection.close()
    return digests


def _scratch_digests(scratch, records: list[ResourceRecord]) -> dict[int, str]:
    scratch.index(records)
    digests = _embedded_rows_digests(scratch._connect())
    scratch.reset()
    return digests


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _embedded_rows_digests(connection: sqlite3.Connection) -> dict[int, str]:
    """Every row each resource has in the embedded engine's tables, digested per resource.

    Rows are found by the resource's id: `resource.id`, the FTS row of `resource_text`, any
    table with a `resource_id` column (so tables added later are covered), and the text of each
    `document_page` through its FTS twin. Autoincrement ids are left out: they differ between
    two files holding the same records.
    """
    rows: dict[int, list] = defaultdict(list)
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    for table in tables:
        columns = _columns(connection, table)
        if table == "resource":
            query = "SELECT id, * FROM resource"
        elif table == "resource_text":
            query = "SELECT rowid, * FROM resource_text"
        elif table == "document_page":
            kept = ", ".join(f"p.{c}" for c in columns if c not in {"id", "resource_id"})
            query = (
                f"SELECT p.resource_id, {kept}, t.text FROM document_page p"
                " LEFT JOIN document_page_text t ON t.rowid = p.id"
            )
        elif "resource_id" in columns:
            kept = ", ".join(f'"{c}"' for c in columns if c not in {"id", "resource_id"})
            query = f'SELECT resource_id, {kept or "1"} FROM "{table}"'
        else:
            continue
        for resource_id, *values in connection.execute(query):
            rows[int(resource_id)].append((table, *values))
    return {
        rid: _digest(sorted(entries, key=lambda entry: json.dumps(entry, default=str)))
        for rid, entries in rows.items()
    }
