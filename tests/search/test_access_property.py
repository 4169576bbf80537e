"""Property: for any resources, restrictions, groups and users, search returns exactly what the
database says the user may see and that matches, on both engines.

The oracle is Wagtail's own serving check (`restriction.accept_request`) applied to every
restriction on the page's path, not the hub's label code under test. Restrictions are generated
as Wagtail's privacy screen allows them: at most one per page path (a page under a restricted
section cannot get its own); a section may be restricted and hold several resources.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, Group, User
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.utils.text import slugify

from wagtail.models import PageViewRestriction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.access import viewer_labels
from library.models import LibraryIndexPage, ResourcePage
from search.contract import SearchRequest
from search.indexing import sync_resources
from search.query import parse_query

pytestmark = pytest.mark.django_db

WORDS = ("heron", "ibis", "stork")
GROUPS = ("alpha", "beta", "gamma")
# A restriction: none, signed-in members, or one or two groups (by index into GROUPS).
RESTRICTIONS = st.one_of(
    st.just(("none", ())),
    st.just(("login", ())),
    st.tuples(st.just("groups"), st.sets(st.sampled_from(range(3)), min_size=1, max_size=2)),
)
RESOURCE = st.tuples(
    st.sets(st.sampled_from(WORDS), min_size=1, max_size=3),  # the words it holds
    st.booleans(),  # in the restricted section (else directly in the library)
    RESTRICTIONS,  # its own restriction (ignored in the restricted section: inherited only)
)
WORLD = st.fixed_dictionaries(
    {
        "section": RESTRICTIONS,
        "resources": st.lists(RESOURCE, min_size=1, max_size=6),
        "users": st.lists(
            st.tuples(st.booleans(), st.sets(st.sampled_from(range(3)), max_size=2)),
            min_size=1,
            max_size=4,
        ),
    }
)


def _restrict(page, restriction, groups) -> None:
    kind, members = restriction
    if kind == "none":
        return
    made = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if kind == "groups":
        made.groups.set([groups[n] for n in sorted(members)])


def _oracle(user, page) -> bool:
    """Would Wagtail serve this page to this user? Every restriction on its path must pass; and
    "members only" means members: a signed-in account in no group is refused (hub rule)."""
    request = RequestFactory().get(page.url or "/")
    request.user = user if user is not None else AnonymousUser()
    request.session = SessionStore()
    restrictions = list(page.get_view_restrictions())
    if not all(restriction.accept_request(request) for restriction in restrictions):
        return False
    admitted = user is not None and (user.is_superuser or user.groups.exists())
    return admitted or all(r.restriction_type == "none" for r in restrictions) or not restrictions


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=WORLD)
def test_hits_equal_what_the_database_lets_each_user_see(library, search_backend, world):
    search_backend.reset()
    groups = [Group.objects.get_or_create(name=f"prop-{name}")[0] for name in GROUPS]
    section = library.add_child(instance=LibraryIndexPage(title="Section", slug="prop-section"))
    _restrict(section, world["section"], groups)
    pages = []
    for n, (words, in_section, restriction) in enumerate(world["resources"]):
        parent = section if in_section else library
        title = f"Resource {n}"
        page = parent.add_child(
            instance=ResourcePage(
                title=title, slug=slugify(f"prop-{n}"), summary=" ".join(sorted(words))
            )
        )
        page.save_revision().publish()
        if not in_section:
            _restrict(page, restriction, groups)
        pages.append((page, words))
    sync_resources([page.pk for page, _words in pages])
    users: list = [None]
    for n, (signed_in, memberships) in enumerate(world["users"]):
        if not signed_in:
            continue
        user = User.objects.create_user(f"prop-user-{n}", password="x")
        user.groups.set([groups[m] for m in memberships])
        users.append(user)
    users.append(User.objects.create_superuser("prop-root", password="x"))

    try:
        for user in users:
            for word in WORDS:
                expected = {
                    page.pk for page, words in pages if word in words and _oracle(user, page)
                }
                found = search_backend.search(
                    SearchRequest(query=parse_query(word), access=viewer_labels(user), page_size=50)
                )
                assert {hit.resource_id for hit in found.hits} == expected, (user, word)
                assert found.total == len(expected)
    finally:
        # Hypothesis runs many examples in one test transaction: leave it as found.
        section.delete()
        for page, _words in pages:
            ResourcePage.objects.filter(pk=page.pk).delete()
        User.objects.filter(username__startswith="prop-").delete()


def _publish_behind(parent, title: str, words, restriction, groups) -> ResourcePage:
    """A resource restricted before it is first published: the public never saw it, so no open
    format may name it, not even as a withdrawn record."""
    page = parent.add_child(
        instance=ResourcePage(
            title=title, slug=slugify(title), summary=" ".join(sorted(words)), live=False
        )
    )
    _restrict(page, restriction, groups)
    page.save_revision().publish()
    return page


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=WORLD)
def test_api_feeds_and_harvesting_show_exactly_what_each_viewer_may_see(
    library, search_backend, client, settings, world
):
    """The API (browse and search) answers each viewer as the oracle says; feeds and OAI-PMH
    answer everyone as the public, and name nothing else, not even as an identifier."""
    import feedparser
    from lxml import etree

    from opendata.oai import OAI, identifier

    settings.HUB_API_RATE_LIMIT = 0
    search_backend.reset()
    groups = [Group.objects.get_or_create(name=f"prop-{name}")[0] for name in GROUPS]
    section = library.add_child(
        instance=LibraryIndexPage(title="Section", slug="prop-open-section")
    )
    _restrict(section, world["section"], groups)
    pages = []
    for n, (words, in_section, restriction) in enumerate(world["resources"]):
        parent = section if in_section else library
        own = ("none", ()) if in_section else restriction
        page = _publish_behind(parent, f"Open resource {n}", words, own, groups)
        pages.append((page, words))
    sync_resources([page.pk for page, _words in pages])
    users: list = [None]
    for n, (signed_in, memberships) in enumerate(world["users"]):
        if signed_in:
            user = User.objects.create_user(f"prop-open-{n}", password="x")
            user.groups.set([groups[m] for m in memberships])
            users.append(user)

    def ids_of(response) -> set[int]:
        assert response.status_code == 200, response.content[:200]
        return {row["id"] for row in response.json()["results"]}

    try:
        for user in users:
            client.logout()
            if user is not None:
                client.force_login(user)
            visible = {page.pk for page, _words in pages if _oracle(user, page)}
            listed = client.get("/api/v1/resources/", {"per_page": "100"})
            assert ids_of(listed) == visible, user
            assert listed.json()["count"] == len(visible)
            for word in WORDS:
                expected = {page.pk for page, words in pages if word in words} & visible
                found = client.get("/api/v1/resources/", {"q": word, "per_page": "100"})
                assert ids_of(found) == expected, (user, word)
                assert found.json()["count"] == len(expected)

        client.logout()
        public = {page.pk for page, _words in pages if _oracle(None, page)}
        hidden_titles = {page.title for page, _words in pages if page.pk not in public}
        for word in WORDS:
            expected = {page.title for page, words in pages if word in words and page.pk in public}
            feed = feedparser.parse(client.get("/search/feed/", {"q": word}).content)
            assert {entry.title for entry in feed.entries} == expected, word
        latest = client.get("/feeds/latest/rss/").content.decode()
        assert not any(title in latest for title in hidden_titles)

        response = client.get("/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
        tree = etree.fromstring(response.content)
        harvested = set(tree.xpath("//o:identifier/text()", namespaces={"o": OAI}))
        assert harvested == {identifier(pk) for pk in public}
    finally:
        section.delete()
        for page, _words in pages:
            ResourcePage.objects.filter(pk=page.pk).delete()
        User.objects.filter(username__startswith="prop-").delete()
        from opendata.models import WithdrawnResource

        WithdrawnResource.objects.all().delete()
