"""Related resources (more-like-this) on both engines, and on the resource page: never a link to a
page the reader cannot see, whatever the index still holds."""

from __future__ import annotations

from wagtail.models import PageViewRestriction

import pytest

from library.pages import ResourcePage
from library.related import related_for
from search.backends import get_backend
from search.related import similar_resources
from tests.factories import ResourcePageFactory

from .records import record

REMITTANCES = "Remittance corridors and mobile money fees for diaspora transfers"


def corpus_records():
    return [
        record(1, "Remittance corridors in East Africa", summary=REMITTANCES),
        record(2, "Mobile money fees on remittance corridors", summary="Diaspora transfers cost."),
        record(3, "Labour migration statistics", summary="Census figures on workers abroad."),
        record(4, "Climate displacement in the Sahel", summary="Drought and seasonal herders."),
        record(5, "Diaspora bonds", summary="Financing development through diaspora savings."),
    ]


def test_similar_resources_share_distinctive_words(search_backend):
    search_backend.index(corpus_records())

    ids = similar_resources(search_backend, 1)

    assert ids[0] == 2
    assert 1 not in ids
    assert 3 not in ids and 4 not in ids
    # Sharing one distinctive word still relates, but below the resource sharing many.
    if 5 in ids:
        assert ids.index(5) > ids.index(2)


def test_similar_resources_respects_size_and_never_returns_itself(search_backend):
    search_backend.index(
        [record(n, f"Remittance corridors study {n}", summary=REMITTANCES) for n in range(1, 9)]
    )

    ids = similar_resources(search_backend, 3, size=4)

    assert len(ids) == 4 and 3 not in ids


def test_no_similar_resources_for_unknown_or_unique_resources(search_backend):
    search_backend.index(corpus_records())

    assert similar_resources(search_backend, 999) == []
    assert 4 not in similar_resources(search_backend, 4)


def test_engine_unreachable_gives_no_similar_resources(settings):
    settings.HUB_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    get_backend.cache_clear()
    try:
        assert similar_resources(get_backend(), 1) == []
    finally:
        get_backend.cache_clear()


# -- the resource page ---------------------------------------------------------------------------


def related_section(client, page: ResourcePage) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    if '<section class="related">' not in html:
        return ""
    return html.split('<section class="related">', 1)[1].split("</section>", 1)[0]


def index_pages(backend, pages, summary: str = REMITTANCES) -> None:
    backend.index([record(page.pk, page.title, summary=summary) for page in pages])


@pytest.mark.django_db
def test_page_shows_picks_first_then_similar_never_hidden_pages(client, library, search_backend):
    main = ResourcePageFactory(parent=library, title="Remittance corridors in East Africa")
    similar = ResourcePageFactory(parent=library, title="Mobile money remittance corridors")
    draft = ResourcePageFactory(parent=library, title="Draft remittance corridors", live=False)
    restricted = ResourcePageFactory(parent=library, title="Restricted remittance corridors")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    pick = ResourcePageFactory(parent=library, title="Climate displacement in the Sahel")
    unrelated = ResourcePageFactory(parent=library, title="Labour migration statistics")
    main.related_resources.set([pick])
    main.save_revision().publish()
    # The index is stale: the draft and the restricted page are still in it.
    index_pages(search_backend, [main, similar, draft, restricted])
    index_pages(search_backend, [pick, unrelated], summary="Drought and census figures.")

    engine_ids = similar_resources(search_backend, main.pk, size=10)
    assert {similar.pk, draft.pk, restricted.pk} <= set(engine_ids)

    section = related_section(client, main)

    assert pick.url in section and similar.url in section
    assert section.index(pick.url) < section.index(similar.url)
    assert "Draft remittance" not in section and "Restricted remittance" not in section
    assert unrelated.url not in section
    assert f'href="{main.url}"' not in section


@pytest.mark.django_db
def test_page_related_are_deduplicated_and_at_most_six(client, library, search_backend):
    main = ResourcePageFactory(parent=library, title="Remittance corridors main")
    others = [
        ResourcePageFactory(parent=library, title=f"Remittance corridors part {n}")
        for n in range(1, 10)
    ]
    main.related_resources.set([others[0], others[1]])
    main.save_revision().publish()
    index_pages(search_backend, [main, *others])

    related = related_for(main)

    assert len(related) == 6
    # The editor's picks first (ticked boxes have no order of their own; Django stores a set).
    assert set(related[:2]) == {others[0], others[1]}
    assert len({page.pk for page in related}) == 6 and main not in related
    section = related_section(client, main)
    assert section.count("<li>") == 6


@pytest.mark.django_db
def test_related_queries_are_bounded(library, search_backend, django_assert_max_num_queries):
    main = ResourcePageFactory(parent=library, title="Remittance corridors main")
    others = [
        ResourcePageFactory(parent=library, title=f"Remittance corridors part {n}")
        for n in range(1, 10)
    ]
    main.related_resources.set(others[:3])
    main.save_revision().publish()
    index_pages(search_backend, [main, *others])
    main = ResourcePage.objects.get(pk=main.pk)

    with django_assert_max_num_queries(5):
        related = related_for(main)
        assert [page.year for page in related] and [page.title for page in related]
    assert len(related) == 6


@pytest.mark.django_db
def test_engine_unreachable_page_shows_picks_only(client, library, settings):
    main = ResourcePageFactory(parent=library, title="Remittance corridors in East Africa")
    pick = ResourcePageFactory(parent=library, title="Climate displacement in the Sahel")
    main.related_resources.set([pick])
    main.save_revision().publish()
    settings.HUB_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    get_backend.cache_clear()
    try:
        section = related_section(client, main)
    finally:
        get_backend.cache_clear()

    assert pick.url in section and section.count("<li>") == 1
