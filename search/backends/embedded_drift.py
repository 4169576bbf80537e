"""What the embedded engine holds, digested for the drift check (search.consistency).

The rows a record leaves in the SQLite tables are compared with the rows the same record leaves
in a scratch file, written by the same backend code, so both sides agree on the format whatever
the schema.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..contract import ResourceRecord, SearchUnavailable
from .digest import digest

# Records written to the scratch file at a time.
BATCH = 200


def indexed_digests(connection: sqlite3.Connection) -> dict[int, str]:
    try:
        return _rows_digests(connection)
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error


def indexed_count(connection: sqlite3.Connection) -> int:
    try:
        return connection.execute("SELECT count(*) FROM resource").fetchone()[0]
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error


def expected_digests(records: Iterable[ResourceRecord], backend_class: type) -> dict[int, str]:
    """The digests `records` get once indexed: written to a scratch index of `backend_class`
    (the EmbeddedBackend) made for the check and thrown away."""
    digests: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="hub-check-") as folder:
        scratch = backend_class(Path(folder) / "scratch.sqlite3")
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
    digests = _rows_digests(scratch._connect())
    scratch.reset()
    return digests


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _rows_digests(connection: sqlite3.Connection) -> dict[int, str]:
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
        rid: digest(sorted(entries, key=lambda entry: json.dumps(entry, default=str)))
        for rid, entries in rows.items()
    }
