"""The editors' picks come first in "Related resources"; the search engine is asked for similar
resources only when its answer can be shown (not when the picks the reader may see fill the list),
once per page view, as soon as routing has found the page, and only for that request's viewer."""

from __future__ import annotations

import re

from django.contrib.auth.models import AnonymousUser, Group, User
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

import pytest

import search.related
from library.models import ResourcePage
from library.related import MAX_RELATED
from library.resource_context import resource_context, start_resource_context
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine(monkeypatch):
    """A search engine that names the given resources as similar, and counts the times asked."""

    class Engine:
        asked = 0
        similar: list[int] = []

        def later(self, backend, resource_id, size=5, access=("public",)):
            self.asked += 1
            self.access = access
            return lambda: list(self.similar)

    fake = Engine()
    monkeypatch.setattr(search.related, "similar_resources_later", fake.later)
    return fake


def related_titles(client, page: ResourcePage) -> list[str]:
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    if '<section class="related">' not in html:
        return []
    section = html.split('<section class="related">', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<li><a href="[^"]*">([^<]*)</a>', section)


def test_engine_is_not_asked_when_picks_fill_the_list(client, library, engine):
    main = ResourcePageFactory(parent=library, title="Main report")
    picks = [ResourcePageFactory(parent=library, title=f"Pick {n}") for n in range(MAX_RELATED)]
    engine.similar = [ResourcePageFactory(parent=library, title="Similar report").pk]
    # Ticked boxes have no order: Django stores the picks as a set (ids' order on PostgreSQL).
    for pick in picks:
        main.related_resources.add(pick)
    main.save_revision().publish()

    assert sorted(related_titles(client, main)) == [f"Pick {n}" for n in range(MAX_RELATED)]
    assert engine.asked == 0


def test_engine_fills_the_places_of_picks_the_reader_may_not_see(client, library, engine):
    main = ResourcePageFactory(parent=library, title="Main report")
    picks = [ResourcePageFactory(parent=library, title=f"Pick {n}") for n in range(MAX_RELATED)]
    PageViewRestriction.objects.create(page=picks[2], restriction_type="login")
    engine.similar = [ResourcePageFactory(parent=library, title="Similar report").pk]
    # Ticked boxes have no order: Django stores the picks as a set (ids' order on PostgreSQL).
    for pick in picks:
        main.related_resources.add(pick)
    main.save_revision().publish()

    shown = [f"Pick {n}" for n in range(MAX_RELATED) if n != 2]
    titles = related_titles(client, main)
    assert sorted(titles[:-1]) == shown and titles[-1] == "Similar report"
    assert engine.asked == 1


def test_engine_is_asked_when_there_are_fewer_picks_than_places(client, library, engine):
    main = ResourcePageFactory(parent=library, title="Main report")
    pick = ResourcePageFactory(parent=library, title="Pick")
    engine.similar = [pick.pk, ResourcePageFactory(parent=library, title="Similar report").pk]
    main.related_resources.set([pick])
    main.save_revision().publish()

    assert related_titles(client, main) == ["Pick", "Similar report"]
    assert engine.asked == 1


def test_engine_is_asked_once_per_page_view(client, library, engine):
    main = ResourcePageFactory(parent=library, title="Main report")
    engine.similar = [ResourcePageFactory(parent=library, title="Similar report").pk]

    assert related_titles(client, main) == ["Similar report"]
    assert engine.asked == 1


def test_page_served_without_routing_asks_the_engine_itself(library, engine):
    # As a preview is: Wagtail calls get_context without routing to the page first.
    main = ResourcePageFactory(parent=library, title="Main report")
    engine.similar = [ResourcePageFactory(parent=library, title="Similar report").pk]
    request = RequestFactory().get(main.url)
    request.user = AnonymousUser()

    related = main.get_context(request)["related"]

    assert [page.title for page in related] == ["Similar report"]
    assert engine.asked == 1


def test_work_started_for_one_request_is_never_shown_to_another(library, engine):
    main = ResourcePageFactory(parent=library, title="Main report")
    engine.similar = [ResourcePageFactory(parent=library, title="Similar report").pk]
    member = User.objects.create_user("member", password="not-used")
    member.groups.add(Group.objects.get_or_create(name="Members")[0])
    routed = RequestFactory().get(main.url)
    routed.user = member
    start_resource_context(main, routed)
    other = RequestFactory().get(main.url)
    other.user = AnonymousUser()

    context = resource_context(main, other)

    assert [page.title for page in context["related"]] == ["Similar report"]
    assert engine.asked == 2 and engine.access == ("public",)
