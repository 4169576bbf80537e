"""The embedded engine's index tables that are not text, held in memory between searches.

Access, filters, facet counts and the date and title orders need each resource's labels, facet
values and sort position, and each attachment page's resource and readers. Asked of SQLite per
search they cost more than the full-text match itself (a common word matches most of the
library), so they are read once per version of the index: a filter is then a set intersection
and a facet count the popcount of a bitmap AND.

A version is `index_generation`'s row, which the backend's writes bump in their own transaction
(see bump_generation); a search reads it inside its snapshot, so the catalogue it uses holds the
rows it matches against. (Not triggers: a trigger opens a statement journal, and FTS5 flushes its
pending terms at each one, which made indexing 2.5 times slower.) A commit that did not bump it
(a writer from an older release, say) still shows in the connection's data_version: the
catalogue is then read again.
"""

from __future__ import annotations

import heapq
import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..contract import FACET_SIZE, FACETS, FacetCount

# The ORDER BY of each stored order (see contract.SORTS); relevance breaks score ties by the
# newest order. Kept in SQL so the positions follow SQLite's own comparisons: ISO dates as text,
# undated resources last in both date orders, every order ending on the id.
_ORDERS = {
    "newest": "published IS NULL, published DESC, id DESC",
    "oldest": "published IS NULL, published ASC, id ASC",
    "title": "title_sort ASC, id ASC",
}
# Readers kept per catalogue, one per distinct set of viewer labels (public, members, each
# TWG's members...): a bound, not a working size.
_READERS_KEPT = 32
# Byte value -> the positions of its set bits, to list a bitmap's members a byte at a time.
_BITS = tuple(tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256))

Generation = tuple[bytes, int]

GENERATION_SCHEMA = """
CREATE TABLE IF NOT EXISTS index_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    epoch BLOB NOT NULL,
    number INTEGER NOT NULL
);
"""


def has_generation(connection: sqlite3.Connection) -> bool:
    """Whether the version row exists: adding it is a write, done only when it is missing."""
    return connection.execute("SELECT 1 FROM index_generation").fetchone() is not None


def add_generation(connection: sqlite3.Connection) -> None:
    # A random epoch: a file built anew never reuses another file's versions.
    connection.execute(
        "INSERT OR IGNORE INTO index_generation (id, epoch, number) VALUES (1, randomblob(8), 0)"
    )


def bump_generation(connection: sqlite3.Connection) -> None:
    """Mark the index changed; call inside the transaction that changes it."""
    # One row by its key: no statement journal, so FTS5 keeps its pending terms.
    connection.execute("UPDATE index_generation SET number = number + 1 WHERE id = 1")


def readable_page_sql(access: tuple[str, ...]) -> str:
    """SQL true when the viewer may read document page `p` (its file's access labels)."""
    marks = ", ".join("?" * len(access))
    return (
        "EXISTS (SELECT 1 FROM document_access a WHERE a.resource_id = p.resource_id"
        f" AND a.document_id = p.document_id AND a.label IN ({marks}))"
    )


# True for page `p` when its file's labels are not its resource's (a file in a private
# collection): who finds the resource may not read the file.
STRICTER_PAGE_SQL = (
    "EXISTS (SELECT label FROM document_access a WHERE a.resource_id = p.resource_id"
    " AND a.document_id = p.document_id EXCEPT SELECT label FROM resource_access r"
    " WHERE r.resource_id = p.resource_id)"
    " OR EXISTS (SELECT label FROM resource_access r WHERE r.resource_id = p.resource_id"
    " EXCEPT SELECT label FROM document_access a WHERE a.resource_id = p.resource_id"
    " AND a.document_id = p.document_id)"
)


def _ids(text: str | None) -> list[int]:
    # group_concat hands one string per group: far fewer Python rows than one per resource.
    return [int(rid) for rid in text.split(",")] if text else []


@dataclass(frozen=True)
class Readers:
    """What one set of viewer labels may see, worked out once per catalogue."""

    # Resources carrying any of the labels.
    resources: frozenset[int]
    # Attachment pages whose file carries none of them (usually few).
    hidden_pages: frozenset[int]
    # Pages of files stricter than their resource that these labels may read: their text is
    # not in the resource's `files` column, so they are matched on their own.
    stricter_pages: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Catalogue:
    generation: Generation | None
    # Access label -> resources carrying it.
    access: Mapping[str, frozenset[int]]
    # Every resource with an access label or a facet value has a slot: a bit in the bitmaps.
    slots: Mapping[int, int]
    slot_ids: Sequence[int]
    # Facet -> value -> bitmap of the resources carrying it.
    facets: Mapping[str, Mapping[str, int]]
    # Attachment page -> its resource, and resource -> its attachment pages.
    page_owner: Mapping[int, int]
    resource_pages: Mapping[int, tuple[int, ...]]
    # Pages of files more restricted than their resource (usually none).
    stricter_pages: frozenset[int]
    # Filled on first use: stored order -> resource id -> position; labels -> Readers.
    _positions: dict[str, Mapping[int, int]] = field(default_factory=dict, compare=False)
    _readers: dict[tuple[str, ...], Readers] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, connection: sqlite3.Connection, generation: Generation | None) -> Catalogue:
        values = [
            (facet, value, _ids(ids))
            for facet, value, ids in connection.execute(
                "SELECT facet, value, group_concat(resource_id) FROM resource_facet"
                " GROUP BY facet, value"
            )
        ]
        access = {
            label: frozenset(_ids(ids))
            for label, ids in connection.execute(
                "SELECT label, group_concat(resource_id) FROM resource_access GROUP BY label"
            )
        }
        slot_ids = sorted(set().union(*access.values(), *(ids for _f, _v, ids in values)))
        slots = {rid: slot for slot, rid in enumerate(slot_ids)}
        facets: dict[str, dict[str, int]] = {}
        for facet, value, ids in values:
            facets.setdefault(facet, {})[value] = _bitmap(map(slots.__getitem__, ids), len(slots))
        page_owner: dict[int, int] = {}
        resource_pages: dict[int, tuple[int, ...]] = {}
        for rid, ids in connection.execute(
            "SELECT resource_id, group_concat(id) FROM document_page GROUP BY resource_id"
        ):
            pages = resource_pages[rid] = tuple(_ids(ids))
            page_owner.update(dict.fromkeys(pages, rid))
        (stricter,) = connection.execute(
            f"SELECT group_concat(p.id) FROM document_page p WHERE {STRICTER_PAGE_SQL}"
        ).fetchone()
        return cls(
            generation,
            access,
            slots,
            slot_ids,
            facets,
            page_owner,
            resource_pages,
            frozenset(_ids(stricter)),
        )

    @property
    def size(self) -> int:
        """How many resources the index holds (with labels or facet values: all of them)."""
        return len(self.slot_ids)

    # -- who may see what -------------------------------------------------------------------

    def readers(self, connection: sqlite3.Connection, labels: tuple[str, ...]) -> Readers:
        """What a viewer with these labels may see (connection: the snapshot's)."""
        readers = self._readers.get(labels)
        if readers is None:
            (hidden,) = connection.execute(
                "SELECT group_concat(p.id) FROM document_page p"
                f" WHERE NOT {readable_page_sql(labels)}",
                labels,
            ).fetchone()
            hidden_pages = frozenset(_ids(hidden))
            readers = Readers(
                resources=frozenset().union(*(self.access.get(label, ()) for label in labels)),
                hidden_pages=hidden_pages,
                stricter_pages=self.stricter_pages - hidden_pages,
            )
            if len(self._readers) >= _READERS_KEPT:
                self._readers.clear()
            self._readers[labels] = readers
        return readers

    # -- filters and counts -----------------------------------------------------------------

    def bitmap(self, ids: Iterable[int]) -> int:
        """`ids` as a bitmap; each must be a visible resource (see readers)."""
        return _bitmap(map(self.slots.__getitem__, ids), len(self.slots))

    def members(self, bitmap: int) -> set[int]:
        """The resources a bitmap holds."""
        ids = self.slot_ids
        members: set[int] = set()
        for index, byte in enumerate(bitmap.to_bytes((len(ids) + 7) // 8, "little")):
            if byte:
                base = index * 8
                members.update(ids[base + bit] for bit in _BITS[byte])
        return members

    def chosen(self, filters: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
        """Per filtered facet, the bitmap of resources with any of its chosen values."""
        chosen = {}
        for facet, values in filters.items():
            carriers = self.facets.get(facet, {})
            chosen[facet] = _or(carriers.get(value, 0) for value in values)
        return chosen

    @staticmethod
    def within(bitmap: int, chosen: Mapping[str, int], but: str = "") -> int:
        """`bitmap` narrowed by every filter (see chosen) except the facet `but`'s."""
        for facet, kept in chosen.items():
            if facet != but:
                bitmap &= kept
        return bitmap

    def facet_counts(self, matched: int, chosen: Mapping[str, int]) -> dict[str, list[FacetCount]]:
        """Per facet, how many `matched` resources carry each value, under every filter but the
        facet's own (so its siblings stay visible): the most frequent values first (years: the
        latest), capped at FACET_SIZE."""
        counts: dict[str, list[FacetCount]] = {}
        for facet in FACETS:
            within = self.within(matched, chosen, but=facet)
            found = [
                (value, n)
                for value, carriers in self.facets.get(facet, {}).items()
                if (n := (carriers & within).bit_count())
            ]
            if facet == "year":
                found.sort(key=lambda pair: pair[0], reverse=True)
            else:
                found.sort(key=lambda pair: (-pair[1], pair[0]))
            counts[facet] = [FacetCount(value=value, count=n) for value, n in found[:FACET_SIZE]]
        return counts

    # -- order ------------------------------------------------------------------------------

    def positions(self, connection: sqlite3.Connection, order: str) -> Mapping[int, int]:
        """Resource id -> its position in a stored order (connection: the snapshot's)."""
        positions = self._positions.get(order)
        if positions is None:
            (ids,) = connection.execute(
                f"SELECT group_concat(id) FROM (SELECT id FROM resource ORDER BY {_ORDERS[order]})"
            ).fetchone()
            positions = self._positions[order] = {rid: n for n, rid in enumerate(_ids(ids))}
        return positions

    @staticmethod
    def page(ids: Iterable[int], positions: Mapping[int, int], offset: int, size: int) -> list[int]:
        """One page of `ids` in a stored order. Ids with no resource row are left out, as a
        join on `resource` would."""
        present = [rid for rid in ids if rid in positions]
        return heapq.nsmallest(offset + size, present, key=positions.__getitem__)[offset:]

    @staticmethod
    def ranked(
        ids: Iterable[int],
        scores: Mapping[int, float],
        newest: Mapping[int, int],
        offset: int,
        size: int,
    ) -> list[int]:
        """One page of `ids` by score, lower first, ties to the newer (every id has a score)."""
        # Positions are unique, so the tuples never compare ids.
        keyed = [(scores[rid], newest[rid], rid) for rid in ids if rid in newest]
        return [rid for _score, _position, rid in heapq.nsmallest(offset + size, keyed)[offset:]]


def _bitmap(slots: Iterable[int], size: int) -> int:
    buffer = bytearray((size + 7) // 8)
    for slot in slots:
        buffer[slot >> 3] |= 1 << (slot & 7)
    return int.from_bytes(buffer, "little")


def _or(bitmaps: Iterable[int]) -> int:
    result = 0
    for bitmap in bitmaps:
        result |= bitmap
    return result


class CatalogueCache:
    """The newest catalogue, shared by every thread's connection to one index file."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: Catalogue | None = None
        # Per thread: its connection, and the data_version and generation it last saw.
        self._seen = threading.local()

    def get(self, connection: sqlite3.Connection, share: bool = True) -> Catalogue:
        """The catalogue of the snapshot `connection` reads in (call inside a transaction).
        `share=False` inside a writer's own transaction: what it reads may never be committed."""
        row = connection.execute("SELECT epoch, number FROM index_generation").fetchone()
        if row is None or not share:
            return Catalogue.load(connection, None)  # nothing another snapshot could reuse
        generation = (bytes(row[0]), row[1])
        (data_version,) = connection.execute("PRAGMA data_version").fetchone()
        seen = getattr(self._seen, "state", None)
        self._seen.state = (connection, data_version, generation)
        # Another connection committed, yet the generation did not move: an unversioned write.
        unversioned = (
            seen is not None
            and seen[0] is connection
            and seen[1] != data_version
            and seen[2] == generation
        )
        current = self._current
        if not unversioned and current is not None and current.generation == generation:
            return current
        # One thread loads while the others wait for it, rather than all loading at once.
        with self._lock:
            current = self._current
            if not unversioned and current is not None and current.generation == generation:
                return current
            catalogue = Catalogue.load(connection, generation)
            # A reader still in an older snapshot must not replace a newer catalogue.
            if (
                current is None
                or current.generation is None
                or current.generation[0] != generation[0]
                or current.generation[1] <= generation[1]
            ):
                self._current = catalogue
            return catalogue
