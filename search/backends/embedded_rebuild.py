"""Rebuilding the embedded index as one SQLite transaction: readers (WAL mode) keep reading the
old contents until it commits, and a failure rolls it back. Writers wait for the lock, so no
write made meanwhile is lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..contract import ResourceRecord, SearchUnavailable
from .embedded_transactions import write_transaction


def rebuild(backend, records: Iterable[ResourceRecord]) -> int:
    """backend: an EmbeddedBackend."""
    # Built before the write lock is taken: the lock is then held only while rows are written.
    records = list(records)
    try:
        connection = backend._connect()
        with write_transaction(connection):
            backend.reset()  # inside the transaction: no reader ever sees it empty
            for record in records:
                backend._insert(connection, record)
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error
    return len(records)
