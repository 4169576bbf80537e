"""The synthetic library: reproducible, spread over the taxonomy, and the same in the index as
the hub would make it from the database rows."""

from __future__ import annotations

from collections import Counter

from bench.generate import MIGRATION_WORDS, TYPES, Library, Sizes, insert_pages, to_record


def test_the_same_seed_gives_the_same_library_and_a_resource_does_not_depend_on_the_size(
    taxonomy,
):
    small = Library(taxonomy, 20, seed=5)
    large = Library(taxonomy, 1000, seed=5)
    other = Library(taxonomy, 20, seed=6)
    assert [small.spec(i) for i in range(20)] == [large.spec(i) for i in range(20)]
    assert small.spec(3) != other.spec(3)
    # Without documents the other fields are the same (the database rows skip the page text).
    assert small.spec(3, documents=False) == small.spec(3).__class__(
        **{**small.spec(3).__dict__, "documents": ()}
    )


def test_resources_spread_over_the_taxonomy_with_realistic_sizes(taxonomy):
    specs = list(Library(taxonomy, 400, seed=1).specs())
    objectives = Counter(n for spec in specs for n in spec.objectives)
    assert len(objectives) >= 20  # skewed, but most of the 23 objectives occur
    assert set(objectives) <= {n for n, _title in taxonomy.objectives}
    assert {spec.type for spec in specs} == set(TYPES)
    assert len({spec.published.year for spec in specs}) >= 10
    assert len({o for spec in specs for o in spec.organisations}) == len(taxonomy.organisations)
    assert any(spec.twg for spec in specs) and any(not spec.twg for spec in specs)
    pages = [page for spec in specs for _t, _k, doc in spec.documents for page in doc]
    sizes = Sizes()
    assert len(pages) > 400  # several pages per attachment, most resources have files
    assert all(sizes.page_words[0] <= len(page.split()) <= sizes.page_words[1] for page in pages)
    bodies = [len(spec.body.split()) for spec in specs]
    assert min(bodies) >= sizes.body[0] and max(bodies) <= sizes.body[1]
    # Every title names a domain word, so the query mix finds titles too.
    assert all(set(spec.title.lower().split()) & set(MIGRATION_WORDS) for spec in specs)


def test_inserted_pages_are_live_served_and_index_as_the_generated_records(
    taxonomy, library, client
):
    from library.models import ResourcePage
    from search.records import build_record

    library.refresh_from_db()  # the organisations' pages may sit below it already
    before = library.get_children().count()
    synthetic = Library(taxonomy, 6, seed=3)
    specs = list(synthetic.specs(documents=False))
    assert insert_pages(library, specs, taxonomy) == 6
    library.refresh_from_db()
    assert library.numchild == before + 6 == library.get_children().count()
    pages = {page.pk: page for page in ResourcePage.objects.live().order_by("path")}
    assert set(pages) == {spec.resource_id for spec in specs}
    for spec in specs:
        page = pages[spec.resource_id]
        assert client.get(page.url).status_code == 200
        built = build_record(page)
        generated = to_record(spec, taxonomy)
        # The same values per facet (their order follows the database's ordering of each model).
        assert {k: sorted(v) for k, v in built.facets.items()} == {
            k: sorted(v) for k, v in generated.facets.items()
        }
        assert built.title == generated.title
        assert built.summary == generated.summary
        assert sorted(built.labels) == sorted(generated.labels)
        assert built.published == generated.published
        assert built.url == generated.url
    # A second batch continues the tree below the first.
    more = list(Library(taxonomy, 9, seed=3).specs(6, 9, documents=False))
    insert_pages(library, more, taxonomy)
    assert ResourcePage.objects.child_of(library).count() == 9
    library.refresh_from_db()
    assert library.numchild == before + 9
    assert client.get("/library/").status_code == 200
