"""Collections: an editor's ordered pick of resources, with notes, browsable by the same facets."""

from __future__ import annotations

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from library.models import CollectionEntry, CollectionIndexPage, CollectionPage
from tests.factories import ShelfResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def collections(library):
    home = library.get_parent()
    return home.add_child(
        instance=CollectionIndexPage(
            title="Collections", slug="collections", intro="Packs put together by the network."
        )
    )


def make_collection(index, title: str, entries, *, cover_image=None) -> CollectionPage:
    """entries: (resource, note) in the editor's order; stored with gaps and out of insert order."""
    collection = index.add_child(
        instance=CollectionPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            introduction=f"Why {title}.",
            cover_image=cover_image,
        )
    )
    # Inserted backwards so only sort_order, not the primary key, can give the right order.
    for position, (resource, note) in reversed(list(enumerate(entries))):
        CollectionEntry.objects.create(
            collection=collection, resource=resource, note=note, sort_order=position * 10
        )
    return collection


@pytest.fixture
def pack(library, collections):
    oldest = ShelfResourceFactory(
        parent=library,
        title="Labour migration baseline",
        resource_type="study",
        publication_date=datetime.date(2020, 1, 1),
        objectives=(6,),
        languages=("en",),
    )
    newest = ShelfResourceFactory(
        parent=library,
        title="Anti-trafficking brief",
        resource_type="policy-brief",
        publication_date=datetime.date(2024, 1, 1),
        objectives=(10,),
        languages=("fr",),
    )
    middle = ShelfResourceFactory(
        parent=library,
        title="Recruitment code of conduct",
        resource_type="guidance",
        publication_date=datetime.date(2022, 1, 1),
        objectives=(6, 10),
        languages=("en", "rw"),
    )
    ShelfResourceFactory(parent=library, title="Not in the pack", objectives=(6,))
    collection = make_collection(
        collections,
        "Decent work pack",
        [
            (oldest, "Start here: the numbers."),
            (middle, "What employers sign up to."),
            (newest, "Where recruitment goes wrong."),
        ],
    )
    return collection, [oldest, middle, newest]


def result_titles(html: str) -> list[str]:
    return re.findall(r'<li class="card result">\s*<h3><a href="[^"]*">([^<]*)</a>', html)


def test_entries_follow_the_editors_order_with_their_notes(client, pack):
    collection, resources = pack
    response = client.get(collection.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert result_titles(html) == [r.title for r in resources]
    assert html.index("Start here: the numbers.") < html.index("What employers sign up to.")
    assert "Where recruitment goes wrong." in html
    assert "Not in the pack" not in html
    assert "Why Decent work pack." in html


def test_the_reader_can_sort_a_collection_by_date_or_title(client, pack):
    collection, _resources = pack
    newest = client.get(collection.url, {"sort": "newest"}).content.decode()
    assert result_titles(newest) == [
        "Anti-trafficking brief",
        "Recruitment code of conduct",
        "Labour migration baseline",
    ]
    by_title = client.get(collection.url, {"sort": "title"}).content.decode()
    assert result_titles(by_title) == sorted(result_titles(by_title))
    assert "What employers sign up to." in by_title  # notes travel with their resource


def test_facets_filter_the_collection_and_count_only_its_entries(client, pack):
    collection, _resources = pack
    response = client.get(collection.url, {"objective": "6"})
    html = response.content.decode()
    assert result_titles(html) == ["Labour migration baseline", "Recruitment code of conduct"]
    browse = response.context["browse"]
    objective = next(f for f in browse.facets if f.name == "objective")
    # "Not in the pack" also has objective 6 but is outside the collection.
    assert {o.value: o.count for o in objective.options} == {"6": 2, "10": 2}
    language = next(f for f in browse.facets if f.name == "language")
    assert {o.value: o.count for o in language.options} == {"en": 2, "rw": 1}
    assert objective.options[0].toggle_url == collection.url  # shareable, back to the whole pack


def test_collection_defaults_to_curated_and_rejects_unknown_sorts(client, pack):
    collection, _resources = pack
    response = client.get(collection.url, {"sort": "random", "type": "banana"})
    assert response.status_code == 200
    browse = response.context["browse"]
    assert browse.sort == "curated"
    assert len(browse.notices) == 2
    assert [s.value for s in browse.sorts] == ["curated", "newest", "title"]


def test_unpublished_and_restricted_entries_are_hidden(client, library, pack):
    collection, resources = pack
    resources[1].unpublish()
    secret = ShelfResourceFactory(parent=library, title="Exco minutes", objectives=(6,))
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    CollectionEntry.objects.create(collection=collection, resource=secret, note="", sort_order=5)
    response = client.get(collection.url)
    html = response.content.decode()
    assert result_titles(html) == ["Labour migration baseline", "Anti-trafficking brief"]
    assert "What employers sign up to." not in html
    objective = next(f for f in response.context["browse"].facets if f.name == "objective")
    assert {o.value: o.count for o in objective.options} == {"6": 1, "10": 1}


def test_bad_page_in_a_collection_is_404(client, pack):
    collection, _resources = pack
    assert client.get(collection.url, {"page": "2"}).status_code == 404
    assert client.get(collection.url, {"page": "x"}).status_code == 404


def test_index_lists_live_collections_with_visible_entry_counts_and_covers(
    client, library, collections, pack
):
    from wagtail_factories import ImageFactory

    collection, resources = pack
    resources[2].unpublish()
    make_collection(collections, "Returns kit", [(resources[0], "")], cover_image=ImageFactory())
    draft = make_collection(collections, "Draft pack", [(resources[0], "")])
    draft.unpublish()
    response = client.get(collections.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Packs put together by the network." in html
    assert "Decent work pack" in html and "2 resources" in html
    assert "Returns kit" in html and "1 resource" in html
    assert "Draft pack" not in html
    assert re.search(r'<img alt="" [^>]*src="[^"]*\.fill-400x225\.', html)


def test_index_query_count_does_not_grow_with_collections(client, library, collections, pack):
    from wagtail_factories import ImageFactory

    _collection, resources = pack

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(collections.url).status_code == 200
        return len(captured)

    make_collection(collections, "Kit 0", [(resources[0], "")], cover_image=ImageFactory())
    client.get(collections.url)  # renditions are created on first view
    small = count()
    for n in range(1, 4):
        make_collection(collections, f"Kit {n}", [(resources[0], "")], cover_image=ImageFactory())
    client.get(collections.url)
    assert count() == small
