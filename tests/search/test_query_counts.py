"""The number of database queries a page makes does not grow with the resources or facet values
it shows: each page is counted with 5 resources and again with 40 (more rows, more facet values).
A count, not a time: the timings are in the benchmark (bench/)."""

from __future__ import annotations

import dataclasses

import pytest

from bench.generate import Library, Taxonomy, insert_pages

from ..query_counts import request_queries

FEW, MANY = 5, 40


@pytest.fixture
def grow(library):
    """add(n): bring the library to n synthetic resources, all about migration and objective 2."""
    from hub.demo.seed import SeedReport, ensure_publishers

    ensure_publishers(SeedReport())
    taxonomy = Taxonomy.from_db()
    synthetic = Library(taxonomy, MANY, seed=11)
    made: list[int] = []

    def add(total: int) -> list[int]:
        specs = [
            dataclasses.replace(
                spec,
                title=f"Migration {spec.title}",
                objectives=tuple(sorted({2, *spec.objectives})),
            )
            for spec in synthetic.specs(len(made), total, documents=False)
        ]
        insert_pages(library, specs, taxonomy)
        made.extend(spec.resource_id for spec in specs)
        return list(made)

    return add


def _collection(resource_ids: list[int]):
    from hub.models import HomePage
    from library.models import CollectionEntry, CollectionIndexPage, CollectionPage

    index = CollectionIndexPage.objects.first()
    if index is None:
        index = HomePage.objects.get().add_child(
            instance=CollectionIndexPage(title="Collections", slug="collections")
        )
    collection = CollectionPage.objects.filter(slug="counted").first()
    if collection is None:
        collection = index.add_child(
            instance=CollectionPage(title="Counted", slug="counted", introduction="Counted.")
        )
    CollectionEntry.objects.filter(collection=collection).delete()
    for order, resource_id in enumerate(resource_ids):
        CollectionEntry.objects.create(
            collection=collection, resource_id=resource_id, sort_order=order
        )
    return collection


def test_search_results_page(search_backend, grow, client):
    from search.indexing import sync_resources

    url = "/search/?q=migration&per_page=50"
    sync_resources(grow(FEW))
    few = _count(client, url)
    sync_resources(grow(MANY))
    many = _count(client, url)
    assert many <= few, f"search page: {few} queries for {FEW} results, {many} for {MANY}"


def test_library_browse(grow, client):
    grow(FEW)
    few = _count(client, "/library/")
    few_filtered = _count(client, "/library/?objective=2&type=report")
    grow(MANY)
    many = _count(client, "/library/")
    many_filtered = _count(client, "/library/?objective=2&type=report")
    assert many <= few, f"library browse: {few} queries for {FEW} resources, {many} for {MANY}"
    assert many_filtered <= few_filtered


def test_objective_page(grow, client):
    from library.models import GcmObjective

    url = GcmObjective.objects.get(number=2).get_absolute_url()
    grow(FEW)
    few = _count(client, url)
    grow(MANY)
    many = _count(client, url)
    assert many <= few, f"objective page: {few} queries for {FEW} resources, {many} for {MANY}"


def test_collection_page(grow, client):
    _collection([])  # first: the synthetic pages take ids of their own above it
    few_ids = grow(FEW)
    collection = _collection(few_ids)
    few = _count(client, collection.url)
    _collection(grow(MANY))
    many = _count(client, collection.url)
    assert many <= few, f"collection page: {few} queries for {FEW} entries, {many} for {MANY}"


def _count(client, url: str) -> int:
    return request_queries(client, url)[0]
