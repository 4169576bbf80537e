"""The embedded backend: SQLite FTS5 in a file of its own, so the hub runs with no search service.

Declared limits: one analyser for every language (Porter stemming, which is English-only, and
Unicode accent folding); no per-language stemming for French text.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Set
from pathlib import Path

from ..contract import (
    PAGES_PER_DOCUMENT,
    SORT_RELEVANCE,
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
from ..places import name_places
from ..query import ParsedQuery
from .embedded_catalogue import (
    GENERATION_SCHEMA,
    STRICTER_PAGE_SQL,
    Catalogue,
    CatalogueCache,
    add_generation,
    bump_generation,
    has_generation,
    readable_page_sql,
)
from .embedded_operations import OPERATIONS, EmbeddedOperations
from .embedded_transactions import read_snapshot, write_transaction

_TOKENIZER = "porter unicode61 remove_diacritics 2"
# The same text unstemmed (resource_words): a word found as typed ("immigrants") scores above
# a word found only through its stem ("immigration", "immigré"), as Elasticsearch's exact
# analysis does beside its stemmed ones. Contentless: it holds the index, not a second copy.
_WORDS_TOKENIZER = "unicode61 remove_diacritics 2"
# A resource is ranked as one document: its fields and, in `files`, the text of every attached
# file whoever finds it may read (a stricter file's pages are matched on their own).
_TEXT_COLUMNS = "title, summary, labels, body, files"
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
    {_TEXT_COLUMNS}, tokenize = '{_TOKENIZER}'
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
{GENERATION_SCHEMA}"""
# Field weights for bm25, in the column order of resource_text: title over summary over labels
# over body and files. A stricter file's page, matched on its own, counts a little less.
_WEIGHTS = "10.0, 4.0, 3.0, 1.0, 1.0"
_PAGE_WEIGHT = 0.8
# What the words found as typed add to the stems' score, measured on ../shared/relevance
# (nDCG@10, embedded; categories below plain BM25 in brackets): none 0.866 (keyword 0.800,
# deep 0.916, place 0.910); 0.3 0.870 (place 0.917); 0.5 0.871 (place 0.916); 1.0 0.874 (none
# below: keyword 0.813 -> 0.818, place 0.950 -> 0.962).
_WORDS_WEIGHT = 1.0
_WORST = float("inf")
# Below one resource in this many of the library, only the found resources' rows are scored.
_FEW_TO_SCORE = 4
_SNIPPET_TOKENS = 24


def _fts_unit(unit: tuple[str, ...]) -> str:
    # Every unit is quoted, so nothing a reader types is read as FTS5 syntax.
    return '"' + " ".join(word.replace('"', '""') for word in unit) + '"'


def _fts_options(query: ParsedQuery, unit: tuple[str, ...]) -> str:
    """A unit or any of its alternatives (synonyms): ("a" OR NEAR("b" "c")). A synonym's
    multi-word form matches with its words near each other, never as a required phrase."""
    options = query.options(unit)
    if len(options) == 1:
        return _fts_unit(unit)
    alternatives = (
        _fts_unit(option)
        if len(option) == 1
        else "NEAR(" + " ".join(_fts_unit((word,)) for word in option) + f", {_NEAR})"
        for option in options[1:]
    )
    return "(" + " OR ".join((_fts_unit(unit), *alternatives)) + ")"


# What two neighbouring words typed add when a resource holds them side by side (bm25 here is
# negative: lower ranks first). Measured on ../shared/relevance (nDCG@10, embedded): none 0.855;
# 1.0 0.858; 2.0 0.866 (topic 0.762 -> 0.793, phrase 0.863 -> 0.942, French 0.944 -> 0.961;
# place 0.956 -> 0.910); 3.0 0.866. As on Elasticsearch, a constant, not a count.
PAIR_BONUS = 2.0
# How far apart a synonym's words may be (tokens between them), as Elasticsearch's slop.
_NEAR = 4


def _marks(values) -> str:
    return ", ".join("?" * len(values))


def _any_of(query: ParsedQuery) -> str:
    """Every word, phrase and alternative engines match (stop words aside), ORed: bm25 of this
    match adds up what each of them scores, as one BM25 query over the words would."""
    return " OR ".join(_fts_options(query, unit) for unit in query.matching_units)


class EmbeddedBackend(EmbeddedOperations):
    name = "embedded"
    # No "french_stemming": Porter is English-only (declared, and asserted by the contract tests).
    capabilities = frozenset(
        {"phrases", "exclusions", "highlights", "page_numbers", "english_stemming"}
    )
    capabilities |= OPERATIONS  # spelling, suggestions, related, drift check, rebuild

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._ready = False
        self._catalogue = CatalogueCache()

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
        """Add what older files lack: the title sort key, filled from the stored titles, and
        the version row the in-memory catalogue is kept by."""

        def has_column() -> bool:
            columns = {row[1] for row in connection.execute("PRAGMA table_info(resource)")}
            return "title_sort" in columns

        if not has_generation(connection):
            with write_transaction(connection):
                add_generation(connection)  # OR IGNORE: another process may have added it
        _add_files_column(connection)
        _add_words_table(connection)
        if has_column():
            return
        with write_transaction(connection):
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
            bump_generation(connection)

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

        def empty() -> None:
            for table in tables:
                connection.execute(f"DELETE FROM {table}")
            connection.execute("DELETE FROM document_page_text")
            connection.execute("INSERT INTO resource_words (resource_words) VALUES ('delete-all')")
            bump_generation(connection)

        if connection.in_transaction:  # a rebuild's: it commits the new rows with it
            empty()
        else:
            with write_transaction(connection):
                empty()

    # -- writing ----------------------------------------------------------------------------

    def index(self, records: list[ResourceRecord]) -> None:
        connection = self._connect()
        with write_transaction(connection):
            self._delete(connection, [record.resource_id for record in records])
            for record in records:
                self._insert(connection, record)

    def delete(self, resource_ids: list[int]) -> None:
        connection = self._connect()
        with write_transaction(connection):
            self._delete(connection, resource_ids)

    def _delete(self, connection: sqlite3.Connection, ids: list[int]) -> None:
        # Every write path (index, delete, a rebuild's inserts) passes here or through
        # _insert: the in-memory catalogue of the old rows is dropped with the transaction.
        bump_generation(connection)
        for resource_id in ids:
            connection.execute("DELETE FROM resource WHERE id = ?", (resource_id,))
            connection.execute(
                "DELETE FROM resource_objective WHERE resource_id = ?", (resource_id,)
            )
            connection.execute("DELETE FROM resource_facet WHERE resource_id = ?", (resource_id,))
            connection.execute("DELETE FROM resource_access WHERE resource_id = ?", (resource_id,))
            connection.execute("DELETE FROM document_access WHERE resource_id = ?", (resource_id,))
            # A contentless table forgets a row given the values it indexed: read them first.
            connection.execute(
                f"INSERT INTO resource_words (resource_words, rowid, {_TEXT_COLUMNS})"
                f" SELECT 'delete', rowid, {_TEXT_COLUMNS} FROM resource_text WHERE rowid = ?",
                (resource_id,),
            )
            connection.execute("DELETE FROM resource_text WHERE rowid = ?", (resource_id,))
            connection.execute(
                "DELETE FROM document_page_text WHERE rowid IN "
                "(SELECT id FROM document_page WHERE resource_id = ?)",
                (resource_id,),
            )
            connection.execute("DELETE FROM document_page WHERE resource_id = ?", (resource_id,))

    def _insert(self, connection: sqlite3.Connection, record: ResourceRecord) -> None:
        bump_generation(connection)
        rid = record.resource_id
        connection.execute(
            "INSERT INTO resource (id, url, title, published, title_sort) VALUES (?, ?, ?, ?, ?)",
            (rid, record.url, record.title, record.published, sortable_title(record.title)),
        )
        connection.executemany(
            "INSERT INTO resource_objective (resource_id, objective) VALUES (?, ?)",
            [(rid, number) for number in record.objectives],
        )
        files = "\n".join(
            page.text
            for document in record.documents
            if not record.stricter(document)
            for page in document.pages
        )
        text = (rid, record.title, record.summary, " · ".join(record.labels), record.body, files)
        for table in ("resource_text", "resource_words"):
            connection.execute(
                f"INSERT INTO {table} (rowid, {_TEXT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", text
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
            # One snapshot for every statement: the catalogue, the matches, the scores and the
            # highlights all read the same version of the index while the worker writes.
            with read_snapshot(connection) as snapshot:
                catalogue = self._catalogue.get(connection, share=snapshot.owned)
                reading = _Reading(connection, catalogue, request)
                found, hits, facets = reading.run()
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error
        return SearchResults(
            total=len(found),
            hits=hits,
            page=request.page,
            page_size=request.page_size,
            facets=facets,
        )


class _Reading:
    """One search: the full-text match runs once, and its ids are filtered, counted and
    ordered in memory by the catalogue; bm25 is computed only where an order or a hit needs it.

    Scores are those of the SQL this replaced: a resource's fields' bm25 over every unit and
    alternative, plus _PAGE_WEIGHT times its best readable attachment page's, lower is better.
    """

    def __init__(
        self, connection: sqlite3.Connection, catalogue: Catalogue, request: SearchRequest
    ) -> None:
        self.connection = connection
        self.catalogue = catalogue
        self.request = request
        self.any_of = _any_of(request.query)
        self.readers = catalogue.readers(connection, request.access)

    def run(self) -> tuple[Set[int], list[Hit], dict[str, list[FacetCount]]]:
        request, catalogue = self.request, self.catalogue
        query = request.query
        scores: dict[int, float] | None = None
        if (
            request.sort == SORT_RELEVANCE
            and len(query.matching_units) == 1
            and not request.filters
        ):
            # One unit and no filter: nearly every match is ranked, and the unit's match is
            # the scoring match, so the scoring pass finds the ids as well.
            scores = self._scores()
            matched = set(scores)
            for unit in query.excluded:
                matched -= self._resources_with(_fts_options(query, unit))
        else:
            matched = self._matched_ids()
        matched &= self.readers.resources
        bitmap = catalogue.bitmap(matched)
        chosen = catalogue.chosen(request.filters)
        facets = catalogue.facet_counts(bitmap, chosen)
        found = catalogue.members(catalogue.within(bitmap, chosen)) if chosen else matched
        if request.sort == SORT_RELEVANCE:
            if scores is None:
                # Naming the rows to score pays only when they are few: checking each matching
                # row against a long list costs about what scoring it does.
                few = len(found) * _FEW_TO_SCORE < catalogue.size
                scores = self._scores(found if few else None)
            newest = catalogue.positions(self.connection, "newest")
            ids = catalogue.ranked(found, scores, newest, request.offset, request.page_size)
        else:
            positions = catalogue.positions(self.connection, request.sort)
            ids = catalogue.page(found, positions, request.offset, request.page_size)
        hits = [Hit(resource_id=rid, score=0.0) for rid in ids]
        hit_scores = self._highlight(hits)
        for hit in hits:
            # The other orders rank without scores; a hit still carries its own, read on the way.
            hit.score = -(scores if scores is not None else hit_scores)[hit.resource_id]
        return found, hits, facets

    # -- matching ---------------------------------------------------------------------------

    def _matched_ids(self) -> set[int]:
        """The ids that hold every phrase, at least `query.required` of the single words (soft
        matching, see query.required_units) and no excluded unit."""
        query = self.request.query
        soft = query.soft_units
        every = query.strict_units + (soft if query.required >= len(soft) else ())
        matched: set[int] | None = None
        for unit in every:
            ids = self._resources_with(_fts_options(query, unit))
            matched = ids if matched is None else matched & ids
            if not matched:
                return set()
        if query.required < len(soft):
            held: Counter[int] = Counter()
            for unit in soft:
                held.update(self._resources_with(_fts_options(query, unit)))
            enough = {rid for rid, count in held.items() if count >= query.required}
            matched = enough if matched is None else matched & enough
        for unit in query.excluded:
            matched -= self._resources_with(_fts_options(query, unit))
        return matched or set()

    def _resources_with(self, fts: str) -> set[int]:
        """Resources where an FTS expression matches: in the record's fields or on a page of
        an attached file the viewer may read."""
        # group_concat: one string rather than a Python row per match. The files' text is in
        # resource_text; the page table is read only for stricter files this viewer may read.
        tables = ["resource_text"]
        if self.readers.stricter_pages:
            tables.append("document_page_text")
        fields, *pages = (
            self.connection.execute(
                f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?", (fts,)
            ).fetchone()[0]
            for table in tables
        )
        ids = set(map(int, fields.split(","))) if fields else set()
        if pages and pages[0]:
            readable = set(map(int, pages[0].split(","))) & self.readers.stricter_pages
            ids.update(map(self.catalogue.page_owner.get, readable))
            ids.discard(None)  # a page with no row in document_page: nobody's
        return ids

    # -- scoring ---------------------------------------------------------------------------

    def _scores(self, ids: Set[int] | None = None) -> dict[int, float]:
        """The score of each resource the scoring match finds (every unit and alternative), or
        of each of `ids`: bm25 then reads positions and sizes only for their rows, which is
        what costs (the match itself still walks every matching row). Pages of stricter files
        the viewer may read add their best page's score."""
        fields_sql = (
            f"SELECT rowid, bm25(resource_text, {_WEIGHTS}) FROM resource_text"
            " WHERE resource_text MATCH ?"
        )
        # `+rowid`: a filter on the scan, not a lookup per id (each lookup would run the match
        # and bm25's document frequencies again).
        wanted = " AND +rowid IN (SELECT value FROM json_each(?))"
        words_sql = (
            f"SELECT rowid, bm25(resource_words, {_WEIGHTS}) FROM resource_words"
            " WHERE resource_words MATCH ?"
        )
        if ids is None:
            fields = dict(self.connection.execute(fields_sql, (self.any_of,)))
            words = self.connection.execute(words_sql, (self.any_of,))
        else:
            chosen = json.dumps(list(ids))
            fields = dict(self.connection.execute(fields_sql + wanted, (self.any_of, chosen)))
            words = self.connection.execute(words_sql + wanted, (self.any_of, chosen))
        for rid, score in words:
            if rid in fields:  # a word as typed is always its stem too
                fields[rid] += _WORDS_WEIGHT * score
        best: dict[int, float] = {}
        stricter = self.readers.stricter_pages
        if stricter:
            pages = self.connection.execute(
                "SELECT rowid, bm25(document_page_text) FROM document_page_text"
                " WHERE document_page_text MATCH ?" + wanted,
                (self.any_of, json.dumps(sorted(stricter))),
            )
            best = self._best_pages(pages)
        scores = {
            rid: fields.get(rid, 0) + _PAGE_WEIGHT * best.get(rid, 0)
            for rid in (fields.keys() | best.keys() if ids is None else ids)
        }
        # Neighbouring words typed, held side by side: a fixed bonus (see PAIR_BONUS).
        for first, second, gap in self.request.query.word_pairs:
            near = f"NEAR({_fts_unit((first,))} {_fts_unit((second,))}, {gap})"
            for rid in self._resources_with(near) & scores.keys():
                scores[rid] -= PAIR_BONUS
        return scores

    def _best_pages(self, rows: Iterable[tuple[int, float]]) -> dict[int, float]:
        """Per resource, the best (lowest) score among the stricter pages in `rows`."""
        owner, readable = self.catalogue.page_owner, self.readers.stricter_pages
        best: dict[int, float] = {}
        for page, score in rows:
            rid = owner.get(page)
            if rid is not None and page in readable and score < best.get(rid, _WORST):
                best[rid] = score
        return best

    # -- what a hit shows -------------------------------------------------------------------

    def _highlight(self, hits: list[Hit]) -> dict[int, float]:
        """Fill the hits' highlighted title, fragments and matching pages; return their scores
        (read on the way, for orders that rank without them)."""
        if not hits:
            return {}
        by_id = {hit.resource_id: hit for hit in hits}
        fields: dict[int, float] = {}
        # A scan filtered on rowid: bm25 then reads the document frequencies once.
        for rid, title, summary, body, score in self.connection.execute(
            f"SELECT rowid, highlight(resource_text, 0, ?, ?),"
            f" snippet(resource_text, 1, ?, ?, '', {_SNIPPET_TOKENS}),"
            f" snippet(resource_text, 3, ?, ?, '', {_SNIPPET_TOKENS}),"
            f" bm25(resource_text, {_WEIGHTS})"
            f" FROM resource_text WHERE resource_text MATCH ? AND +rowid IN ({_marks(by_id)})",
            [MARK_START, MARK_END] * 3 + [self.any_of, *by_id],
        ):
            hit = by_id[rid]
            hit.title_html = marked_to_html(title)
            hit.fragments_html = [
                marked_to_html(text) for text in (summary, body) if MARK_START in text
            ]
            fields[rid] = score
        for rid, score in self.connection.execute(
            f"SELECT rowid, bm25(resource_words, {_WEIGHTS}) FROM resource_words"
            f" WHERE resource_words MATCH ? AND +rowid IN ({_marks(by_id)})",
            [self.any_of, *by_id],
        ):
            if rid in fields:  # as in _scores: the words as typed add to the stems
                fields[rid] += _WORDS_WEIGHT * score
        pages = self._page_matches(by_id)
        return {rid: fields.get(rid, 0) + _PAGE_WEIGHT * pages.get(rid, 0) for rid in by_id}

    def _page_matches(self, by_id: dict[int, Hit]) -> dict[int, float]:
        """The hits' matching pages the viewer may read, best first within a resource: the
        first PAGES_PER_DOCUMENT of each document are shown, the rest counted. Returns each
        hit's best score among the pages of stricter files (the rest is in `files`)."""
        documents: dict[tuple[int, int], DocumentMatch] = {}
        found: dict[tuple[int, int], int] = defaultdict(int)
        best: dict[int, float] = {}
        access = self.request.access
        # `+rowid`: one pass over the matching pages (bm25's document frequencies read once),
        # not a lookup per page that would redo the match each time.
        rows = self.connection.execute(
            "WITH s AS MATERIALIZED ("
            f" SELECT rowid AS id, snippet(document_page_text, 0, ?, ?, '', {_SNIPPET_TOKENS})"
            " AS fragment, bm25(document_page_text) AS score"
            " FROM document_page_text WHERE document_page_text MATCH ?"
            f" AND +rowid IN (SELECT id FROM document_page WHERE resource_id IN ({_marks(by_id)})))"
            " SELECT p.id, p.resource_id, p.document_id, p.document_title, p.document_url,"
            " p.kind, p.number, s.fragment, s.score FROM s JOIN document_page p ON p.id = s.id"
            f" WHERE {readable_page_sql(access)}"
            " ORDER BY p.resource_id, s.score, p.number",
            [MARK_START, MARK_END, self.any_of, *by_id, *access],
        )
        stricter = self.readers.stricter_pages
        for page, rid, document_id, title, url, kind, number, fragment, score in rows:
            if page in stricter:  # only a stricter file's pages score apart (see _scores)
                best.setdefault(rid, score)  # rows come best first
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
        name_places(list(documents.values()))
        return best


def _add_files_column(connection: sqlite3.Connection) -> None:
    """An index file from before whole-resource ranking: its text table is rebuilt with the
    `files` column, filled from the pages it holds (an FTS5 table cannot gain a column)."""

    def has_files() -> bool:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(resource_text)")}
        return "files" in columns

    if has_files():
        return
    with write_transaction(connection):
        if has_files():  # another process rebuilt it meanwhile
            return
        rows = connection.execute(
            "SELECT rowid, title, summary, labels, body FROM resource_text"
        ).fetchall()
        files = dict(
            connection.execute(
                "SELECT p.resource_id, group_concat(t.text, char(10)) FROM document_page p"
                " JOIN document_page_text t ON t.rowid = p.id"
                f" WHERE NOT ({STRICTER_PAGE_SQL}) GROUP BY p.resource_id"
            )
        )
        connection.execute("DROP TABLE resource_text")
        connection.execute(
            f"CREATE VIRTUAL TABLE resource_text USING fts5({_TEXT_COLUMNS},"
            f" tokenize = '{_TOKENIZER}')"
        )
        connection.executemany(
            "INSERT INTO resource_text (rowid, title, summary, labels, body, files)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(*row, files.get(row[0], "")) for row in rows],
        )
        bump_generation(connection)


def _add_words_table(connection: sqlite3.Connection) -> None:
    """The unstemmed twin of resource_text (see _WORDS_TOKENIZER), created and filled from the
    text an index file already holds (a file from before it)."""

    def exists() -> bool:
        return bool(
            connection.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'resource_words'"
            ).fetchone()
        )

    if exists():
        return
    with write_transaction(connection):
        if exists():  # another process added it meanwhile
            return
        connection.execute(
            f"CREATE VIRTUAL TABLE resource_words USING fts5({_TEXT_COLUMNS}, content = '',"
            f" tokenize = '{_WORDS_TOKENIZER}')"
        )
        connection.execute(
            f"INSERT INTO resource_words (rowid, {_TEXT_COLUMNS})"
            f" SELECT rowid, {_TEXT_COLUMNS} FROM resource_text"
        )
        bump_generation(connection)
