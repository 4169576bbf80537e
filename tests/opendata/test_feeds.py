"""Atom and RSS feeds, read back with a real feed parser."""

from __future__ import annotations

import feedparser
import pytest
from lxml import html

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def _feed(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return response, parsed


def test_search_feed_runs_the_search_and_names_the_pages_found(client, indexed_network):
    response, feed = _feed(client, "/search/feed/", q="remittances")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert "Labour migration baseline" in titles
    assert not any(SECRET in title for title in titles)
    assert SECRET.encode() not in response.content
    baseline = next(e for e in feed.entries if e.title == "Labour migration baseline")
    assert "page(s) 2" in baseline.summary
    assert "GCM objective 6: " in " ".join(t.term for t in baseline.tags)
    assert "Study or assessment" in [t.term for t in baseline.tags]
    [enclosure] = baseline.enclosures
    assert enclosure.type == "application/pdf"
    assert enclosure.href.startswith("http://testserver/documents/")
    assert baseline.published.startswith("2020-03-15")


def test_search_feed_as_rss(client, indexed_network):
    response, feed = _feed(client, "/search/feed/rss/", q="remittances", objective="6")
    assert feed.version == "rss20"
    assert [entry.title for entry in feed.entries] == ["Labour migration baseline"]
    assert len(feed.entries[0].enclosures) == 1


def test_browse_feed_without_words_filters_like_the_library(client, network):
    _response, feed = _feed(client, "/search/feed/", objective="6")
    assert [e.title for e in feed.entries] == [
        "Border crossings dataset",
        "Labour migration baseline",
    ]
    _response, feed = _feed(client, "/feeds/latest/")
    assert [e.title for e in feed.entries] == [
        "Remittance corridors",
        "Border crossings dataset",
        "Labour migration baseline",
    ]


def test_feeds_of_objective_organisation_twg_and_collection(client, network):
    from hub.organisations import WorkingGroup

    group = WorkingGroup.objects.create(name="Labour Migration TWG", slug="labour-twg")
    corridors = network.public["corridors"]
    corridors.working_group = group
    corridors.save_revision().publish()
    network.restricted.working_group = group
    network.restricted.save_revision().publish()

    _r, feed = _feed(client, "/feeds/objectives/20/")
    assert [e.title for e in feed.entries] == ["Remittance corridors"]
    _r, feed = _feed(client, "/feeds/organisations/iom/rss/")
    assert [e.title for e in feed.entries] == ["Remittance corridors", "Labour migration baseline"]
    _r, feed = _feed(client, "/feeds/working-groups/labour-twg/")
    assert [e.title for e in feed.entries] == ["Remittance corridors"]
    _r, feed = _feed(client, f"/feeds/collections/{network.collection.pk}/")
    assert {e.title for e in feed.entries} == {"Remittance corridors", "Labour migration baseline"}
    assert client.get("/feeds/objectives/99/").status_code == 404
    assert client.get("/feeds/collections/999999/").status_code == 404


def test_feeds_are_for_the_public_even_for_members(client, network, django_user_model):
    from django.contrib.auth.models import Group

    member = django_user_model.objects.create_user("member", password="pw-member-1")
    member.groups.add(Group.objects.get_or_create(name="Members")[0])
    client.force_login(member)
    response, feed = _feed(client, "/feeds/organisations/iom/")
    assert SECRET.encode() not in response.content


def test_bad_search_feed_is_a_400_not_a_500(client, network):
    response = client.get("/search/feed/", {"q": "x\x00y"})
    assert response.status_code == 400


def test_pages_link_their_feeds(client, indexed_network):
    response = client.get("/search/", {"q": "remittances", "objective": "6", "page": "1"})
    tree = html.fromstring(response.content)
    links = tree.xpath('//head/link[@rel="alternate"]')
    types = {link.get("type"): link.get("href") for link in links}
    assert types["application/atom+xml"] == "/search/feed/?q=remittances&objective=6"
    assert types["application/rss+xml"] == "/search/feed/rss/?q=remittances&objective=6"
    response = client.get(indexed_network.collection.url)
    hrefs = html.fromstring(response.content).xpath('//head/link[@rel="alternate"]/@href')
    assert f"/feeds/collections/{indexed_network.collection.pk}/" in hrefs
    response = client.get("/objectives/6/", follow=True)
    hrefs = html.fromstring(response.content).xpath('//head/link[@rel="alternate"]/@href')
    assert "/feeds/objectives/6/" in hrefs
    response = client.get("/organisations/iom/")
    hrefs = html.fromstring(response.content).xpath('//head/link[@rel="alternate"]/@href')
    assert "/feeds/organisations/iom/" in hrefs
    from hub.organisations import WorkingGroup

    WorkingGroup.objects.create(name="Returns TWG", slug="returns-twg")
    response = client.get("/working-groups/returns-twg/")
    hrefs = html.fromstring(response.content).xpath('//head/link[@rel="alternate"]/@href')
    assert "/feeds/working-groups/returns-twg/" in hrefs
