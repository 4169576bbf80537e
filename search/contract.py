"""The search backend contract: a SearchRequest goes in, SearchResults come out, whatever the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .query import ParsedQuery

# The page size readers get, and the most they may ask for.
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
# How many matching pages of one document a hit names.
PAGES_PER_DOCUMENT = 3
# The facets every index record carries: objective and principle numbers, resource type,
# organisation, TWG and place slugs, publication year, language codes.
FACETS = ("objective", "principle", "type", "organisation", "twg", "year", "language", "place")


@dataclass(frozen=True)
class SearchRequest:
    """What a reader asked for, already validated."""

    query: ParsedQuery
    objectives: tuple[int, ...] = ()
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class PageMatch:
    """One page of an attached document where the words were found."""

    number: int
    fragment_html: str


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


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    page: int
    page_size: int

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


class SearchUnavailable(Exception):
    """The search engine cannot be reached; the rest of the hub keeps working."""


class SearchBackend(Protocol):
    name: str

    def setup(self) -> None:
        """Create what the engine needs (index, tables) if it is missing."""

    def index(self, records: list[ResourceRecord]) -> None: ...

    def delete(self, resource_ids: list[int]) -> None: ...

    def search(self, request: SearchRequest) -> SearchResults: ...

    def indexed_ids(self) -> set[int]: ...

    def reset(self) -> None:
        """Drop everything and start empty (tests and rebuilds)."""
