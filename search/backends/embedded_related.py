"""Related resources from the embedded engine.

The resource's own title, summary, labels and body are read back from resource_text; its most
distinctive words (search.related.distinctive, kept when found in at least one other resource,
fewest resources first) are ORed into an FTS5 query, every word quoted, ranked by bm25 with the
search weights.
"""

from __future__ import annotations

import sqlite3

from ..contract import SearchUnavailable
from ..related import MAX_QUERY_WORDS, distinctive

# bm25 column weights of resource_text (title, summary, labels, body), as in search.
_WEIGHTS = "10.0, 4.0, 3.0, 1.0"


def similar_ids(
    connection: sqlite3.Connection, resource_id: int, size: int, access: tuple[str, ...]
) -> list[int]:
    try:
        row = connection.execute(
            "SELECT title, summary, labels, body FROM resource_text WHERE rowid = ?",
            (resource_id,),
        ).fetchone()
        if row is None:
            return []
        candidates = distinctive(tuple(row))
        # How many resources hold each word (by its stem, as the index does); the word must be in
        # at least one other resource to be of any use.
        rarity = []
        for position, word in enumerate(candidates):
            docs = connection.execute(
                "SELECT COUNT(*) FROM resource_text WHERE resource_text MATCH ?", (_quoted(word),)
            ).fetchone()[0]
            if docs >= 2:
                rarity.append((docs, position, word))
        words = [word for _docs, _position, word in sorted(rarity)[:MAX_QUERY_WORDS]]
        if not words:
            return []
        # `+rowid`: a bare `rowid IN (...)` is handed to FTS5 as a rowid lookup, which then runs
        # the whole MATCH once per resource the viewer may see (a second and more at 2,000
        # resources); with the plus it filters the matches instead. Same rows, same order.
        rows = connection.execute(
            f"SELECT rowid FROM resource_text WHERE resource_text MATCH ? AND rowid != ?"
            " AND +rowid IN (SELECT resource_id FROM resource_access"
            f" WHERE label IN ({', '.join('?' * len(access))}))"
            f" ORDER BY bm25(resource_text, {_WEIGHTS}), rowid DESC LIMIT ?",
            (" OR ".join(_quoted(word) for word in words), resource_id, *access, size),
        ).fetchall()
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error
    return [rid for (rid,) in rows]


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'
