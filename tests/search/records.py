"""Building index records by hand, so contract tests talk to the engines without pages."""

from library.access import EVERYTHING, PUBLIC
from search.contract import IndexedDocument, IndexedPage, ResourceRecord, SearchRequest
from search.query import parse_query

PUBLIC_ACCESS = (PUBLIC, EVERYTHING)


def record(
    rid: int,
    title: str,
    *,
    summary: str = "",
    body: str = "",
    objectives: tuple[int, ...] = (),
    published: str | None = "2025-01-01",
    pages: list[str] | None = None,
    kind: str = "pdf",
    facets: dict[str, tuple[str, ...]] | None = None,
    access: tuple[str, ...] = PUBLIC_ACCESS,
    document_access: tuple[str, ...] = (),
) -> ResourceRecord:
    """A record; `facets` adds to (or replaces) the "objective" facet built from `objectives`."""
    documents = ()
    if pages is not None:
        documents = (
            IndexedDocument(
                document_id=rid * 10,
                title=f"{title} (full text)",
                url=f"/documents/{rid * 10}/file.{kind}",
                kind=kind,
                pages=tuple(IndexedPage(n, text) for n, text in enumerate(pages, start=1)),
                access=document_access,
            ),
        )
    return ResourceRecord(
        resource_id=rid,
        url=f"/library/r{rid}/",
        title=title,
        summary=summary,
        body=body,
        objectives=objectives,
        labels=tuple(f"objective {n}" for n in objectives),
        facets={"objective": tuple(str(n) for n in objectives), **(facets or {})},
        published=published,
        documents=documents,
        access=access,
    )


def search(backend, text: str = "migration", **kwargs):
    return backend.search(SearchRequest(query=parse_query(text), **kwargs))


def ids(results) -> list[int]:
    return [hit.resource_id for hit in results.hits]


def counts(results, facet: str) -> dict[str, int]:
    return {c.value: c.count for c in results.facets[facet]}
