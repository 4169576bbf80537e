"""The embedded engine's SQLite transactions: a read snapshot, and a write that holds the lock."""

from __future__ import annotations

import sqlite3


class read_snapshot:
    """BEGIN ... COMMIT around reads: in WAL mode one read transaction is one snapshot. Inside a
    caller's own transaction (a rebuild reading what it wrote) that one is the snapshot."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.owned = False

    def __enter__(self) -> read_snapshot:
        if not self.connection.in_transaction:
            self.connection.execute("BEGIN")
            self.owned = True
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if self.owned:
            self.connection.execute("ROLLBACK" if exc_type else "COMMIT")


class write_transaction:
    """BEGIN IMMEDIATE ... COMMIT, so the worker and the web process never interleave writes."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")
