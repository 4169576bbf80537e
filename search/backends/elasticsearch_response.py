"""How the Elasticsearch backend reads an answer: hits, their marks and matching pages, facet
counts, from the plain response body (only the parts named here come back from the node)."""

from __future__ import annotations

from collections import defaultdict

from ..contract import FACETS, PAGES_PER_DOCUMENT, DocumentMatch, FacetCount, Hit, PageMatch
from ..places import name_places
from .elasticsearch_marks import with_folded
from .elasticsearch_query import MAX_PAGES_PER_HIT

# What search() reads of a response; the rest (shard counts, nested offsets, max scores...)
# is left on the node.
RESPONSE_PARTS = [
    "took",
    "hits.total.value",
    "hits.hits._id",
    "hits.hits._score",
    "hits.hits._source",
    "hits.hits.highlight",
    "hits.hits.inner_hits.*.hits.hits._source",
    "hits.hits.inner_hits.*.hits.hits._score",
    "hits.hits.inner_hits.*.hits.hits.highlight",
    "aggregations.*.values.buckets.key",
    "aggregations.*.values.buckets.doc_count",
]
# The same parts of each answer to a multi-search (search() asks the page's two requests at once).
MSEARCH_PARTS = ["took", "responses.error", *(f"responses.{part}" for part in RESPONSE_PARTS)]
PAGE_RESPONSE_PARTS = [
    "took",
    "hits.hits._id",
    "hits.hits.inner_hits.*.hits.hits._source",
    "hits.hits.inner_hits.*.hits.hits._score",
    "hits.hits.inner_hits.*.hits.hits.highlight",
]


def read_hit(raw: dict) -> Hit:
    """One hit of the ranked page: its score, marked title and fragments, matching pages."""
    marked = raw.get("highlight")
    hit = Hit(resource_id=int(raw["_id"]), score=raw.get("_score") or 0.0)
    if marked:
        source = raw.get("_source", {})
        titles = with_folded(marked, "title", source.get("title", ""), 1)
        hit.title_html = titles[0] if titles else ""
        for field, limit in (("summary", 1), ("body", 2)):
            hit.fragments_html += with_folded(marked, field, source.get(field, ""), limit)
    pages = pages_found(raw.get("inner_hits", {}))
    if pages:
        hit.documents = documents(pages)
    return hit


def facet_counts(response: dict) -> dict[str, list[FacetCount]]:
    aggregations = response.get("aggregations", {})
    return {
        facet: [
            FacetCount(value=str(bucket["key"]), count=bucket["doc_count"])
            for bucket in aggregations.get(f"facet_{facet}", {})
            .get("values", {})
            .get("buckets", [])
        ]
        for facet in FACETS
    }


def pages_found(inner_hits: dict) -> list[dict]:
    """The pages every unit found, each once, best first: a page's weight is the sum of what
    each unit scored on it (as one query over all the words would add them up), at most
    MAX_PAGES_PER_HIT of them."""
    pages: dict[tuple, dict] = {}
    weights: dict[tuple, float] = defaultdict(float)
    for found in inner_hits.values():
        for page in found.get("hits", {}).get("hits", []):
            source = page.get("_source", {})
            key = (source.get("document_id"), source.get("number"))
            pages.setdefault(key, page)
            weights[key] += page.get("_score") or 0.0
    order = sorted(pages, key=lambda key: (-weights[key], key[0] or 0, key[1] or 0))
    return [pages[key] for key in order[:MAX_PAGES_PER_HIT]]


def documents(page_hits: list[dict]) -> list[DocumentMatch]:
    """The files the pages belong to, each with its first pages found and how many more."""
    matches: dict[int, DocumentMatch] = {}
    found: dict[int, int] = defaultdict(int)
    for page in page_hits:
        source = page.get("_source", {})
        document_id = source["document_id"]
        found[document_id] += 1
        match = matches.get(document_id)
        if match is None:
            match = matches[document_id] = DocumentMatch(
                document_id=document_id,
                title=source["document_title"],
                url=source["document_url"],
                kind=source["kind"],
            )
        if len(match.pages) < PAGES_PER_DOCUMENT:
            fragments = page.get("highlight", {}).get("pages.text", [""])
            match.pages.append(PageMatch(number=source["number"], fragment_html=fragments[0]))
    for document_id, match in matches.items():
        match.more_pages = found[document_id] - len(match.pages)
    name_places(list(matches.values()))
    return list(matches.values())
