"""The search backend contract: a SearchRequest goes in, SearchResults come out, whatever the engine."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import InitVar, dataclass, field
from typing import Protocol

from foundation.access_labels import EVERYTHING, PUBLIC

from .query import ParsedQuery

# The page size readers get, and the most they may ask for.
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
# How many matching pages of one document a hit names.
PAGES_PER_DOCUMENT = 3
# The facets every index record carries: objective and principle numbers, resource type,
# organisation, TWG and place slugs, publication year, language codes.
FACETS = ("objective", "principle", "type", "organisation", "twg", "year", "language", "place")
# How many values of one facet an engine counts (the most frequent; years: the latest).
FACET_SIZE = 100
# Result orders: relevance (ties to the newer), newest and oldest by publication date (undated
# resources last), title A-Z by sortable_title(). Every order ends on the resource id, so a
# resource never shows on two pages.
SORT_RELEVANCE = "relevance"
SORTS = (SORT_RELEVANCE, "newest", "oldest", "title")
# The engine work beyond searching, each named in a backend's `capabilities` when it offers it,
# with the SearchBackend methods it implements (search/backends/base.py raises
# NotImplementedError for the others).
SPELLING = "spelling"
TITLE_SUGGESTIONS = "title_suggestions"
RELATED = "related"
DRIFT_CHECK = "drift_check"
REBUILD = "rebuild"
OPERATIONS = {
    SPELLING: ("spelling_corrections",),
    TITLE_SUGGESTIONS: ("title_suggestions",),
    RELATED: ("similar",),
    DRIFT_CHECK: ("indexed_count", "indexed_digests", "expected_digests"),
    REBUILD: ("rebuild",),
}


def sortable_title(title: str) -> str:
    """The key both engines sort titles by: accents dropped, case folded, spaces squeezed."""
    decomposed = unicodedata.normalize("NFKD", title)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


@dataclass(frozen=True)
class SearchRequest:
    """What a reader asked for, already validated.

    `filters` maps a facet name (see FACETS) to the values chosen: any value of one facet may
    match (OR), every facet must match (AND). `objectives=` is a shortcut kept for older callers:
    it adds to the "objective" filter.
    """

    query: ParsedQuery
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = SORT_RELEVANCE
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    objectives: InitVar[tuple[int, ...]] = ()
    # The viewer's access labels (library.access.viewer_labels): a record is found only when it
    # carries one of them. Nobody named means the public: fail closed.
    access: tuple[str, ...] = (PUBLIC,)

    def __post_init__(self, objectives: tuple[int, ...]) -> None:
        access = tuple(dict.fromkeys(label for label in self.access if label))
        object.__setattr__(self, "access", access or (PUBLIC,))
        filters = {name: tuple(values) for name, values in self.filters.items() if values}
        if objectives:
            merged = (*filters.get("objective", ()), *(str(n) for n in objectives))
            filters["objective"] = tuple(dict.fromkeys(merged))
        unknown = set(filters) - set(FACETS)
        if unknown:
            raise ValueError(f"unknown facets: {sorted(unknown)}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}, not {self.sort!r}")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be from 1 to {MAX_PAGE_SIZE}")
        object.__setattr__(self, "filters", {n: filters[n] for n in FACETS if n in filters})

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def filters_except(self, facet: str) -> dict[str, tuple[str, ...]]:
        """The filters a facet's counts obey: all but its own, so its siblings stay visible."""
        return {name: values for name, values in self.filters.items() if name != facet}


@dataclass
class PageMatch:
    """One page of an attached document where the words were found.

    On a workbook or deck (see search/places.py), ``label`` names the place ("sheet Returns
    2025, row 412", "slide 3"; plain text, escaped when shown) and ``anchor`` is the link's
    fragment ("#sheet=Returns%202025&row=412", "#slide=3"); both empty elsewhere."""

    number: int
    fragment_html: str
    label: str = ""
    anchor: str = ""


@dataclass
class DocumentMatch:
    """An attached document that matched, with the pages that matched (best first)."""

    document_id: int
    title: str
    url: str
    kind: str
    pages: list[PageMatch] = field(default_factory=list)
    more_pages: int = 0

    def page_url(self, number: int) -> str:
        # Browsers' PDF viewers open at #page=N; Word files have no such anchor.
        return f"{self.url}#page={number}" if self.kind == "pdf" else self.url


@dataclass
class Hit:
    """One resource found; the HTML fields are escaped by the engine, with <mark> around matches."""

    resource_id: int
    score: float
    title_html: str = ""
    fragments_html: list[str] = field(default_factory=list)
    documents: list[DocumentMatch] = field(default_factory=list)


@dataclass(frozen=True)
class FacetCount:
    """A raw facet value as indexed (a number, slug, code or year) and how many hits carry it."""

    value: str
    count: int


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    page: int
    page_size: int
    # Facet name -> counts over the query's hits and every selected filter except the facet's own.
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass(frozen=True)
class IndexedPage:
    number: int
    text: str


@dataclass(frozen=True)
class IndexedDocument:
    document_id: int
    title: str
    url: str
    kind: str
    pages: tuple[IndexedPage, ...]
    # Who may read this file's text when it is stricter than its resource (a file in a private
    # collection: the resource's and the collection's restrictions together); empty: the resource's.
    access: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResourceRecord:
    """What a resource page becomes in the index: everything search needs, and no more."""

    resource_id: int
    url: str
    title: str
    summary: str
    body: str
    objectives: tuple[int, ...]
    labels: tuple[str, ...]  # taxonomy, organisations, TWG, themes, places: searchable words
    published: str | None
    documents: tuple[IndexedDocument, ...]
    # Facet name -> values (see FACETS), stored by both backends so search can narrow on them.
    facets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Who may find it (library.access labels); a record that names nobody is for superusers only.
    access: tuple[str, ...] = (EVERYTHING,)

    def document_access(self, document: IndexedDocument) -> tuple[str, ...]:
        """The labels that may read a document's pages (records.py combines the resource's
        restrictions with the file's collection's, so this is never wider than the resource)."""
        return document.access or self.access

    def stricter(self, document: IndexedDocument) -> bool:
        """Whether some who may find the resource may not read this file's text."""
        return bool(document.access) and set(document.access) != set(self.access)


class SearchUnavailable(Exception):
    """The search engine cannot be reached; the rest of the hub keeps working."""


class SearchBackend(Protocol):
    """One search engine. Callers ask it for what they need and never look at which engine it is
    (its name is for messages only): what it can do is in `capabilities`, the query features
    ("phrases", "exclusions", "highlights", "page_numbers", "english_stemming",
    "french_stemming") and the operations of OPERATIONS it implements."""

    name: str
    capabilities: frozenset[str]
    # Another service, reached over the network: worth asking from a worker thread meanwhile.
    remote: bool
    # A rebuild misses writes made while it runs (they went to the old index): redo them after.
    rebuild_misses_writes: bool

    def setup(self) -> None:
        """Create what the engine needs (index, tables) if it is missing."""

    def index(self, records: list[ResourceRecord]) -> None: ...

    def delete(self, resource_ids: list[int]) -> None: ...

    def search(self, request: SearchRequest) -> SearchResults: ...

    def indexed_ids(self) -> set[int]: ...

    def reset(self) -> None:
        """Drop everything and start empty (tests and rebuilds)."""

    # -- operations (see OPERATIONS); each raises SearchUnavailable when the engine fails -----

    def spelling_corrections(
        self, words: list[str], *, unknown_only: bool = False, context: tuple[str, ...] = ()
    ) -> dict[str, str]:
        """Typed word -> the commoner indexed word it most likely meant (search.spelling's
        rules), for the words the index hardly knows and that have such a neighbour."""

    def title_suggestions(self, words: list[str], access: tuple[str, ...]) -> list[int]:
        """Ids of records the access labels reach whose title has every folded word, the last
        as a prefix, best first."""

    def similar(self, resource_id: int, size: int, access: tuple[str, ...]) -> list[int]:
        """Ids of up to `size` records most like resource_id that the access labels reach, best
        first, never itself."""

    def indexed_count(self) -> int:
        """How many records the engine holds, without reading them."""

    def indexed_digests(self) -> dict[int, str]:
        """A digest of every record the engine holds, by resource id."""

    def expected_digests(self, records: Iterable[ResourceRecord]) -> dict[int, str]:
        """The digest each record would have once indexed here, by resource id."""

    def rebuild(self, records: Iterable[ResourceRecord]) -> int:
        """Replace the whole index with these records without ever serving an empty or partial
        one; returns how many were indexed."""
