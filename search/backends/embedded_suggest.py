"""Title suggestions from the embedded engine: FTS5 on the title column, the last word a prefix."""

from __future__ import annotations

import sqlite3

from ..contract import SearchUnavailable
from ..suggest import CANDIDATES, starts_with, title_matches


def title_ids(
    connection: sqlite3.Connection, typed: list[str], access: tuple[str, ...]
) -> list[int]:
    """Every word quoted, the last one a prefix.

    The porter tokenizer stems prefixes too ("migratio"* finds nothing, the stem being "migrat"),
    so the last word is also tried shortened by up to three letters; the exact prefix is checked
    on the real title afterwards.
    """
    *complete, last = typed
    prefixes = dict.fromkeys(last[:n] for n in range(len(last), max(1, len(last) - 3), -1))
    last_unit = " OR ".join(f"{_quote(prefix)}*" for prefix in prefixes)
    parts = [_quote(word) for word in complete] + [f"({last_unit})"]
    match = "title : (" + " AND ".join(parts) + ")"
    try:
        rows = connection.execute(
            "SELECT t.rowid, r.title FROM resource_text t JOIN resource r ON r.id = t.rowid"
            " WHERE resource_text MATCH ? AND t.rowid IN (SELECT resource_id FROM"
            f" resource_access WHERE label IN ({', '.join('?' * len(access))}))"
            " ORDER BY bm25(resource_text) LIMIT ?",
            (match, *access, CANDIDATES),
        ).fetchall()
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error
    rows = [(rid, title) for rid, title in rows if title_matches(title, typed)]
    # Titles that begin with what was typed first; otherwise the engine's order.
    rows.sort(key=lambda row: not starts_with(row[1], typed))
    return [rid for rid, _title in rows]


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'
