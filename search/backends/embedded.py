"""The embedded backend: SQLite FTS5 in a file of its own, so the hub runs with no search service.

Declared limits: one analyser for every language (Porter stemming, which is English-only, and
Unicode accent folding); no per-language stemming for French text.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from pathlib import Path

from ..contract import (
    FACET_SIZE,
    FACETS,
    PAGES_PER_DOCUMENT,
    DocumentMatch,
    FacetCount,
    Hit,
    PageMatch,
    ResourceRecord,
    SearchRequest,
    SearchResults,
    SearchUnavailable,
    sortable_title,
)
from ..highlight import MARK_END, MARK_START, marked_to_html
from ..query import ParsedQuery

_TOKENIZER = "porter unicode61 remove_diacritics 2"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS resource (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT,
    title_sort TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS resource_objective (
    resource_id INTEGER NOT NULL,
    objective INTEGER NOT NULL,
    PRIMARY KEY (resource_id, objective)
);
CREATE TABLE IF NOT EXISTS resource_facet (
    resource_id INTEGER NOT NULL,
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (facet, value, resource_id)
);
CREATE INDEX IF NOT EXISTS resource_facet_resource ON resource_facet (resource_id);
CREATE VIRTUAL TABLE IF NOT EXISTS resource_text USING fts5(
    title, summary, labels, body, tokenize = '{_TOKENIZER}'
);
CREATE TABLE IF NOT EXISTS document_page (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resource_id INTEGER NOT NULL,
    document_id INTEGER NOT NULL,
    document_title TEXT NOT NULL,
    document_url TEXT NOT NULL,
    kind TEXT NOT NULL,
    number INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS document_page_resource ON document_page (resource_id);
CREATE TABLE IF NOT EXISTS resource_access (
    resource_id INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (label, resource_id)
);
CREATE INDEX IF NOT EXISTS resource_access_resource ON resource_access (resource_id);
CREATE TABLE IF NOT EXISTS document_access (
    resource_id INTEGER NOT NULL,
    document_id INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (resource_id, document_id, label)
);
CREATE VIRTUAL TABLE IF NOT EXISTS document_page_text USING fts5(text, tokenize = '{_TOKENIZER}');
"""
# Field weights for bm25, in the column order of resource_text: title over summary over labels
# over body. Attachment pages count a little less than the body.
_WEIGHTS = "10.0, 4.0, 3.0, 1.0"
_PAGE_WEIGHT = 0.8
_SNIPPET_TOKENS = 24
# ORDER BY per sort (see contract.SORTS); `score` is bm25's, lower is better. ISO dates compare
# as text; undated resources go last in both date orders.
_ORDER_BY = {
    "relevance": "score ASC, r.published IS NULL, r.published DESC, m.rid DESC",
    "newest": "r.published IS NULL, r.published DESC, m.rid DESC",
    "oldest": "r.published IS NULL, r.published ASC, m.rid ASC",
    "title": "r.title_sort ASC, m.rid ASC",
}


def _fts_unit(unit: tuple[str, ...]) -> str:
    # Every unit is quoted, so nothing a reader types is read as FTS5 syntax.
    return '"' + " ".join(word.replace('"', '""') for word in unit) + '"'


def _fts_options(query: ParsedQuery, unit: tuple[str, ...]) -> str:
    """A unit or any of its alternatives (synonyms): ("a" OR "b c")."""
    options = query.options(unit)
    if len(options) == 1:
        return _fts_unit(unit)
    return "(" + " OR ".join(_fts_unit(option) for option in options) + ")"


def _marks(values) -> str:
    return ", ".join("?" * len(values))


def _readable_page(access: tuple[str, ...]) -> str:
    """SQL true when the viewer may read document page `p` (its file's access labels)."""
    return (
        "EXISTS (SELECT 1 FROM document_access a WHERE a.resource_id = p.resource_id"
        f" AND a.document_id = p.document_id AND a.label IN ({_marks(access)}))"
    )


def _any_of(query: ParsedQuery) -> str:
    return " OR ".join(_fts_unit(unit) for unit in query.all_options)


class EmbeddedBackend:
    name = "embedded"
    # No "french_stemming": Porter is English-only (declared, and asserted by the contract tests).
    capabilities = frozenset(
        {"phrases", "exclusions", "highlights", "page_numbers", "english_stemming"}
    )

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._ready = False

    # -- connection -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        if not self._ready:
            connection.executescript(_SCHEMA)
            self._upgrade(connection)
            self._ready = True
        return connection

    @staticmethod
    def _upgrade(connection: sqlite3.Connection) -> None:
        """Add what older files lack (the title sort key), filled from the stored titles."""

        def has_column() -> bool:
            columns = {row[1] for row in connection.execute("PRAGMA table_info(resource)")}
            return "title_sort" in columns

        if has_column():
            return
        with _transaction(connection):
            if has_column():  # another process upgraded it meanwhile
                return
            connection.execute(
                "ALTER TABLE resource ADD COLUMN title_sort TEXT NOT NULL DEFAULT ''"
            )
            connection.executemany(
                "UPDATE resource SET title_sort = ? WHERE id = ?",
                [
                    (sortable_title(title), rid)
                    for rid, title in connection.execute("SELECT id, title FROM resource")
                ],
            )

    def setup(self) -> None:
        try:
            self._connect()
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error

    def reset(self) -> None:
        connection = self._connect()
        tables = (
            "resource",
            "resource_objective",
            "resource_facet",
            "resource_text",
            "document_page",
            "resource_access",
            "document_access",
        )
        for table in tables:
            connection.execute(f"DELETE FROM {table}")
        connection.execute("DELETE FROM document_page_text")

    # -- writing ----------------------------------------------------------------------------

    def index(self, records: list[ResourceRecord]) -> None:
        connection = self._connect()
        with _transaction(connection):
            self._delete(connection, [record.resource_id for record in records])
            for record in records:
                self._insert(connection, record)

    def delete(self, resource_ids: list[int]) -> None:
        connection = self._connect()
        with _transaction(connection):
            self._delete(connection, resource_ids)

    def _delete(self, connection: sqlite3.Connection, ids: list[int]) -> None:
        for resource_id in ids:
            connection.execute("DELETE FROM resource WHERE id = ?", (resource_id,))
            connection.execute(
                "DELETE FROM resource_objective WHERE resource_id = ?", (resource_id,)
            )
            connection.execute("DELETE FROM resource_facet WHERE resource_id = ?", (resource_id,))
            connection.execute("DELETE FROM resource_access WHERE resource_id = ?", (resource_id,))
            connection.execute("DELETE FROM document_access WHERE resource_id = ?", (resource_id,))
            connection.execute("DELETE FROM resource_text WHERE rowid = ?", (resource_id,))
            connection.execute(
                "DELETE FROM document_page_text WHERE rowid IN "
                "(SELECT id FROM document_page WHERE resource_id = ?)",
                (resource_id,),
            )
            connection.execute("DELETE FROM document_page WHERE resource_id = ?", (resource_id,))

    def _insert(self, connection: sqlite3.Connection, record: ResourceRecord) -> None:
        rid = record.resource_id
        connection.execute(
            "INSERT INTO resource (id, url, title, published, title_sort) VALUES (?, ?, ?, ?, ?)",
            (rid, record.url, record.title, record.published, sortable_title(record.title)),
        )
        connection.executemany(
            "INSERT INTO resource_objective (resource_id, objective) VALUES (?, ?)",
            [(rid, number) for number in record.objectives],
        )
        connection.execute(
            "INSERT INTO resource_text (rowid, title, summary, labels, body) VALUES (?, ?, ?, ?, ?)",
            (rid, record.title, record.summary, " · ".join(record.labels), record.body),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO resource_facet (resource_id, facet, value) VALUES (?, ?, ?)",
            [(rid, facet, value) for facet, values in record.facets.items() for value in values],
        )
        connection.executemany(
            "INSERT OR IGNORE INTO resource_access (resource_id, label) VALUES (?, ?)",
            [(rid, label) for label in record.access],
        )
        for document in record.documents:
            connection.executemany(
                "INSERT OR IGNORE INTO document_access (resource_id, document_id, label)"
                " VALUES (?, ?, ?)",
                [(rid, document.document_id, label) for label in record.document_access(document)],
            )
            for page in document.pages:
                cursor = connection.execute(
                    "INSERT INTO document_page (resource_id, document_id, document_title,"
                    " document_url, kind, number) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        rid,
                        document.document_id,
                        document.title,
                        document.url,
                        document.kind,
                        page.number,
                    ),
                )
                connection.execute(
                    "INSERT INTO document_page_text (rowid, text) VALUES (?, ?)",
                    (cursor.lastrowid, page.text),
                )

    def indexed_ids(self) -> set[int]:
        return {row[0] for row in self._connect().execute("SELECT id FROM resource")}

    # -- reading ----------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        query = request.query
        if query.is_empty:
            return SearchResults(total=0, hits=[], page=request.page, page_size=request.page_size)
        try:
            connection = self._connect()
            matched_sql, params = self._matched(request)
            total = connection.execute(f"SELECT COUNT(*) FROM ({matched_sql})", params).fetchone()[
                0
            ]
            rows = connection.execute(
                self._ranked_sql(matched_sql, request.sort, request.access),
                [
                    *params,
                    _any_of(query),
                    _any_of(query),
                    *request.access,
                    request.page_size,
                    request.offset,
                ],
            ).fetchall()
            hits = [Hit(resource_id=row[0], score=-row[1]) for row in rows]
            self._highlight(connection, query, hits, request.access)
            facets = self._facet_counts(connection, request)
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error
        return SearchResults(
            total=total,
            hits=hits,
            page=request.page,
            page_size=request.page_size,
            facets=facets,
        )

    def _resources_with(self, access: tuple[str, ...]) -> str:
        """The ids of resources where a unit occurs: in the record's fields or on a page of an
        attached file the viewer may read. Params: the unit twice, then the access labels."""
        return (
            "SELECT rowid FROM resource_text WHERE resource_text MATCH ? "
            "UNION SELECT p.resource_id FROM document_page_text t "
            "JOIN document_page p ON p.id = t.rowid WHERE document_page_text MATCH ?"
            f" AND {_readable_page(access)}"
        )

    def _query_matched(self, request: SearchRequest) -> tuple[str, list]:
        """The ids every unit of the query matches and no excluded unit does, among those the
        viewer may see (one clause on the access labels), before any facet filter."""
        parts: list[str] = []
        params: list = []
        query = request.query
        access = request.access
        for unit in query.units:
            parts.append(self._resources_with(access))
            params += [_fts_options(query, unit)] * 2 + list(access)
        sql = " INTERSECT ".join(f"SELECT * FROM ({part})" for part in parts)
        for unit in query.excluded:
            sql += f" EXCEPT SELECT * FROM ({self._resources_with(access)})"
            params += [_fts_options(query, unit)] * 2 + list(access)
        sql += (
            f" INTERSECT SELECT resource_id FROM resource_access WHERE label IN ({_marks(access)})"
        )
        params += list(access)
        return sql, params

    def _matched(self, request: SearchRequest) -> tuple[str, list]:
        """The query's ids narrowed by every filter: OR within a facet, AND across facets."""
        sql, params = self._query_matched(request)
        filter_sql, filter_params = _filter_sql(request.filters)
        return sql + filter_sql, params + filter_params

    def _facet_counts(
        self, connection: sqlite3.Connection, request: SearchRequest
    ) -> dict[str, list[FacetCount]]:
        """One grouped COUNT per facet, over the query's matches and every filter but its own.

        The full-text match runs once, in a materialised CTE that every facet's count reads.
        """
        query_sql, params = self._query_matched(request)
        selects: list[str] = []
        for facet in FACETS:
            filter_sql, filter_params = _filter_sql(request.filters_except(facet))
            # Within a facet: the most frequent values first (years: the latest), capped.
            order = "value DESC" if facet == "year" else "n DESC, value ASC"
            selects.append(
                "SELECT * FROM (SELECT facet, value, COUNT(*) AS n FROM resource_facet"
                f" WHERE facet = ? AND resource_id IN (SELECT rid FROM base{filter_sql})"
                f" GROUP BY value ORDER BY {order} LIMIT {FACET_SIZE})"
            )
            params += [facet, *filter_params]
        sql = f"WITH base(rid) AS MATERIALIZED ({query_sql}) " + " UNION ALL ".join(selects)
        facets: dict[str, list[FacetCount]] = {facet: [] for facet in FACETS}
        for facet, value, count in connection.execute(sql, params):
            facets[facet].append(FacetCount(value=value, count=count))
        return facets

    def _ranked_sql(self, matched_sql: str, sort: str, access: tuple[str, ...]) -> str:
        # FTS5's bm25() only works where the FTS table is scanned by MATCH, so each score is
        # computed in a materialised CTE of its own. The scores are then gathered by one GROUP BY
        # over a UNION ALL (no join between CTEs, which SQLite would run as nested loops: seconds
        # for a common word at 10,000 resources); `m` marks the resources the query matched.
        return f"""
            WITH matched(rid) AS MATERIALIZED ({matched_sql}),
            fields AS MATERIALIZED (
                SELECT rowid AS rid, bm25(resource_text, {_WEIGHTS}) AS score
                FROM resource_text WHERE resource_text MATCH ?
            ),
            page_scores AS MATERIALIZED (
                SELECT rowid AS id, bm25(document_page_text) AS score
                FROM document_page_text WHERE document_page_text MATCH ?
            ),
            scores(rid, field, page, hit) AS (
                SELECT rid, NULL, NULL, 1 FROM matched
                UNION ALL SELECT rid, score, NULL, 0 FROM fields
                UNION ALL SELECT p.resource_id, NULL, s.score, 0
                    FROM page_scores s JOIN document_page p ON p.id = s.id
                    WHERE {_readable_page(access)}
            ),
            ranked AS (
                SELECT rid,
                    COALESCE(MIN(field), 0) + {_PAGE_WEIGHT} * COALESCE(MIN(page), 0) AS score
                FROM scores GROUP BY rid HAVING MAX(hit) = 1
            )
            SELECT m.rid, m.score
            FROM ranked m
            JOIN resource r ON r.id = m.rid
            ORDER BY {_ORDER_BY[sort].replace("score ASC", "m.score ASC")}
            LIMIT ? OFFSET ?
        """

    def _highlight(
        self,
        connection: sqlite3.Connection,
        query: ParsedQuery,
        hits: list[Hit],
        access: tuple[str, ...],
    ) -> None:
        if not hits:
            return
        by_id = {hit.resource_id: hit for hit in hits}
        marks = ", ".join("?" * len(by_id))
        any_of = _any_of(query)
        for rid, title, summary, body in connection.execute(
            f"SELECT rowid, highlight(resource_text, 0, ?, ?),"
            f" snippet(resource_text, 1, ?, ?, '', {_SNIPPET_TOKENS}),"
            f" snippet(resource_text, 3, ?, ?, '', {_SNIPPET_TOKENS})"
            f" FROM resource_text WHERE resource_text MATCH ? AND rowid IN ({marks})",
            [MARK_START, MARK_END] * 3 + [any_of, *by_id],
        ):
            hit = by_id[rid]
            hit.title_html = marked_to_html(title)
            hit.fragments_html = [
                marked_to_html(text) for text in (summary, body) if MARK_START in text
            ]
        self._page_matches(connection, any_of, by_id, marks, access)

    def _page_matches(
        self, connection, any_of: str, by_id: dict[int, Hit], marks: str, access: tuple[str, ...]
    ) -> None:
        documents: dict[tuple[int, int], DocumentMatch] = {}
        found: dict[tuple[int, int], int] = defaultdict(int)
        rows = connection.execute(
            "WITH s AS MATERIALIZED ("
            f" SELECT rowid AS id, snippet(document_page_text, 0, ?, ?, '', {_SNIPPET_TOKENS})"
            " AS fragment, bm25(document_page_text) AS score"
            " FROM document_page_text WHERE document_page_text MATCH ?"
            f" AND rowid IN (SELECT id FROM document_page WHERE resource_id IN ({marks})))"
            " SELECT p.resource_id, p.document_id, p.document_title, p.document_url, p.kind,"
            " p.number, s.fragment FROM s JOIN document_page p ON p.id = s.id"
            f" WHERE {_readable_page(access)}"
            " ORDER BY p.resource_id, s.score, p.number",
            [MARK_START, MARK_END, any_of, *by_id, *access],
        )
        for rid, document_id, title, url, kind, number, fragment in rows:
            key = (rid, document_id)
            found[key] += 1
            match = documents.get(key)
            if match is None:
                match = documents[key] = DocumentMatch(document_id, title, url, kind)
                by_id[rid].documents.append(match)
            if len(match.pages) < PAGES_PER_DOCUMENT:
                match.pages.append(PageMatch(number=number, fragment_html=marked_to_html(fragment)))
        for key, match in documents.items():
            match.more_pages = found[key] - len(match.pages)


def _filter_sql(filters: dict[str, tuple[str, ...]]) -> tuple[str, list]:
    """INTERSECT clauses, one per facet, each keeping resources with any of its values."""
    sql = ""
    params: list = []
    for facet, values in filters.items():
        marks = ", ".join("?" * len(values))
        sql += (
            " INTERSECT SELECT resource_id FROM resource_facet"
            f" WHERE facet = ? AND value IN ({marks})"
        )
        params += [facet, *values]
    return sql, params


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, so the worker and the web process never interleave writes."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")
