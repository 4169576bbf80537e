"""Confidentiality, as a matrix: six kinds of viewer against everything that could name a resource.

{anonymous, member, TWG-A member, TWG-B member, Executive Committee, superuser} x {search hits,
totals, highlights, facet counts, suggestions, related, browse counts, page view, document
download, sitemap}, on both engines. Nothing restricted may show, not even as a number.
"""

from __future__ import annotations

import json
import re

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from library.access import EVERYTHING, MEMBERS, PUBLIC, group_label, viewer_labels
from search.contract import SearchRequest
from search.query import parse_query

from .access_world import EXPECTED, RESOURCES, SHARED_WORD, VIEWERS, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(library, search_backend):
    return build_world(library)


def client_for(world, viewer: str) -> Client:
    client = Client()
    user = world.users[viewer]
    if user is not None:
        client.force_login(user)
    return client


def hit_titles(html: str) -> set[str]:
    return {
        re.sub(r"<[^>]+>", "", title).strip()
        for title in re.findall(
            r'<li class="hit[^"]*">\s*(?:<p[^>]*>.*?</p>\s*)?<h2><a [^>]*>(.*?)</a>', html, re.S
        )
    }


def test_search_hits_totals_and_facets_show_only_what_the_viewer_may_see(world):
    for viewer in VIEWERS:
        expected = world.titles(EXPECTED[viewer])

        response = client_for(world, viewer).get("/search/", {"q": SHARED_WORD})

        assert response.status_code == 200
        results = response.context["results"]
        assert results.total == len(expected)
        assert hit_titles(response.content.decode()) == expected
        # Facet counts are counted over the same hits: the type facet sums to the total.
        assert sum(count.count for count in results.facets["type"]) == len(expected)
        html = response.content.decode()
        for name, (_kind, word) in RESOURCES.items():
            if name not in EXPECTED[viewer]:
                assert word not in html, f"{viewer} sees the word {word}"


def test_a_restricted_resource_own_word_finds_nothing_for_others(world):
    for viewer in VIEWERS:
        for name, (_kind, word) in RESOURCES.items():
            response = client_for(world, viewer).get("/search/", {"q": word})
            allowed = name in EXPECTED[viewer]
            assert (response.context["results"].total == 1) is allowed, (viewer, name)
            # Highlights (title, summary fragments, file pages) only for those allowed.
            assert (f"<mark>{word}</mark>" in response.content.decode()) is allowed


def test_text_of_a_file_in_a_private_collection_is_found_by_members_only(world):
    for viewer in VIEWERS:
        response = client_for(world, viewer).get("/search/", {"q": "marabou"})
        html = response.content.decode()

        allowed = viewer not in ("anonymous", "no_group")
        assert (response.context["results"].total == 1) is allowed
        assert ("<mark>marabou</mark>" in html) is allowed
        assert ("secret word" in html) is allowed
        # The resource itself is public: found by its own words, with no page of its file quoted.
        public = client_for(world, "anonymous").get("/search/", {"q": "gazelle"})
        assert public.context["results"].total == 1
        assert "marabou" not in public.content.decode()


def test_suggestions_name_only_what_the_viewer_may_see(world):
    for viewer in VIEWERS:
        client = client_for(world, viewer)
        for name, (_kind, word) in RESOURCES.items():
            response = client.get("/search/suggest", {"q": word[:4]})
            labels = [s["label"] for s in json.loads(response.content)["suggestions"]]
            assert (f"{word} report" in labels) is (name in EXPECTED[viewer]), (viewer, name)
            if world.users[viewer] is not None:
                assert "private" in response["Cache-Control"]
                assert "public" not in response["Cache-Control"]


def test_related_resources_name_only_what_the_viewer_may_see(world):
    for viewer in VIEWERS:
        response = client_for(world, viewer).get(world.pages["public"].url)
        html = response.content.decode()
        section = html.split('<section class="related">', 1)[1] if "related" in html else ""
        for name, (_kind, word) in RESOURCES.items():
            if name == "public":
                continue
            if name not in EXPECTED[viewer]:
                assert f"{word} report" not in section, (viewer, name)


def test_browse_and_objective_counts_exclude_restricted(world):
    for viewer in VIEWERS:
        response = client_for(world, viewer).get("/library/")
        assert response.context["browse"].page.paginator.count == len(EXPECTED[viewer])
        html = response.content.decode()
        for name, (_kind, word) in RESOURCES.items():
            assert (f"{word} report" in html) is (name in EXPECTED[viewer])


def test_objective_organisation_and_home_pages_count_only_what_the_viewer_may_see(world):
    objective = world.pages["public"].objectives.get()
    for viewer in VIEWERS:
        client = client_for(world, viewer)
        expected = len(EXPECTED[viewer])
        page = client.get(objective.get_absolute_url())
        assert page.context["resource_count"] == expected, viewer
        listing = client.get("/objectives/")
        counts = {term.number: term.resource_count for term in listing.context["terms"]}
        assert counts[1] == expected, viewer
        organisation = client.get("/organisations/access-test-agency/")
        html = organisation.content.decode()
        for name, (_kind, word) in RESOURCES.items():
            assert (f"{word} report" in html) is (name in EXPECTED[viewer]), (viewer, name)


def test_page_view_and_document_download(world):
    for viewer in VIEWERS:
        client = client_for(world, viewer)
        for name in RESOURCES:
            page = world.pages[name]
            allowed = name in EXPECTED[viewer]
            response = client.get(page.url)
            assert (response.status_code == 200) is allowed, (viewer, name, response.status_code)
            if not allowed:
                assert page.title not in response.content.decode()
            document = world.documents[name]
            download = client.get(document.url)
            assert (download.status_code == 200) is allowed, (viewer, name, download.status_code)
            if allowed:
                assert download["X-Content-Type-Options"] == "nosniff"
                assert "default-src 'none'" in download["Content-Security-Policy"]
                assert download["Content-Disposition"].startswith("inline")  # a PDF
        # A correct id with a wrong file name is not found.
        document = world.documents["public"]
        assert client.get(f"/documents/{document.pk}/other-name.pdf").status_code == 404


def test_sitemap_lists_public_resources_only(world):
    for viewer in VIEWERS:
        xml = client_for(world, viewer).get("/sitemap.xml").content.decode()
        assert world.pages["public"].slug in xml
        for name in ("members", "twg_a", "twg_b", "excom"):
            assert world.pages[name].slug not in xml


def test_signed_in_pages_are_private_to_the_browser(world):
    response = client_for(world, "member").get("/library/")
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    anonymous = client_for(world, "anonymous").get("/library/")
    assert "private" not in anonymous.get("Cache-Control", "")


def test_leaving_a_twg_takes_effect_on_the_next_search_without_reindexing(world):
    user = world.users["twg_a_member"]
    client = client_for(world, "twg_a_member")
    assert client.get("/search/", {"q": "flamingo"}).context["results"].total == 1

    user.groups.remove(world.groups["twg_a"])

    assert client.get("/search/", {"q": "flamingo"}).context["results"].total == 0


def test_changing_a_restriction_reindexes_the_page(world, django_capture_on_commit_callbacks):
    client = client_for(world, "anonymous")
    page = world.pages["members"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=page).delete()
    assert client.get("/search/", {"q": "pangolin"}).context["results"].total == 1

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get("/search/", {"q": "pangolin"}).context["results"].total == 0


def test_moving_a_page_under_a_restricted_section_reindexes_it(
    world, library, django_capture_on_commit_callbacks
):
    from library.models import LibraryIndexPage

    section = library.add_child(instance=LibraryIndexPage(title="TWG A section", slug="twg-a"))
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="groups")
    restriction.groups.set([world.groups["twg_a"]])
    with django_capture_on_commit_callbacks(execute=True):
        world.pages["public"].move(section, pos="last-child")

    assert (
        client_for(world, "anonymous").get("/search/", {"q": "okapi"}).context["results"].total == 0
    )
    assert (
        client_for(world, "twg_a_member").get("/search/", {"q": "okapi"}).context["results"].total
        == 1
    )


def test_crafted_parameters_never_reach_the_access_field(world):
    client = client_for(world, "anonymous")
    for params in (
        {"q": SHARED_WORD, "access": "all"},
        {"q": SHARED_WORD, "access": EVERYTHING},
        {"q": f"access:{EVERYTHING} {SHARED_WORD}"},
        {"q": SHARED_WORD, "facets.access": "all"},
        {"q": SHARED_WORD, "type": "all", "labels": "group:1"},
    ):
        response = client.get("/search/", params)
        assert response.status_code in (200, 400)
        if response.status_code == 200 and "results" in response.context:
            titles = hit_titles(response.content.decode())
            assert titles <= world.titles(EXPECTED["anonymous"]), params


def test_viewer_labels_fail_closed(world):
    assert viewer_labels(None) == (PUBLIC,)
    member = viewer_labels(world.users["member"])
    assert member[:2] == (PUBLIC, MEMBERS) and len(member) == 3  # + the Members group
    assert viewer_labels(world.users["no_group"]) == (PUBLIC,)
    assert group_label(world.groups["twg_a"].pk) in viewer_labels(world.users["twg_a_member"])
    assert EVERYTHING in viewer_labels(world.users["superuser"])
    # A request naming nobody is the public's.
    request = SearchRequest(query=parse_query(SHARED_WORD), access=())
    assert request.access == (PUBLIC,)


def test_the_access_filter_is_one_clause_however_many_groups(world, search_backend):
    if search_backend.name != "elasticsearch":
        pytest.skip("inspects the Elasticsearch query")
    many = tuple(group_label(n) for n in range(500))
    request = SearchRequest(query=parse_query(SHARED_WORD), access=(PUBLIC, MEMBERS, *many))
    body = search_backend._build(request).to_dict()
    filters = body["query"]["bool"]["filter"]
    assert filters == [{"terms": {"access": list(request.access)}}]


def test_did_you_mean_never_offers_a_word_only_restricted_resources_hold(world):
    outsider = client_for(world, "anonymous").get("/search/", {"q": "flamingi"})
    assert outsider.context["did_you_mean"] == ""
    assert "flamingo" not in outsider.content.decode().lower()
    assert "showing_results_for" not in outsider.context
    # A member who may read it: the word no resource holds is corrected at once.
    insider = client_for(world, "twg_a_member").get("/search/", {"q": "flamingi"})
    assert insider.context["showing_results_for"] == "flamingo"
    typed = client_for(world, "twg_a_member").get("/search/", {"q": "flamingi", "as_typed": "1"})
    assert typed.context["did_you_mean"] == "flamingo"


def test_making_a_collection_private_reindexes_the_files_in_it(
    world, django_capture_on_commit_callbacks
):
    from wagtail.models import CollectionViewRestriction

    client = client_for(world, "anonymous")
    assert client.get("/search/", {"q": "okapi"}).context["results"].total == 1
    assert "<mark>lagoon</mark>" in client.get("/search/", {"q": "okapi lagoon"}).content.decode()
    collection = world.documents["public"].collection.add_child(name="Now private")
    with django_capture_on_commit_callbacks(execute=True):
        document = world.documents["public"]
        document.collection = collection
        document.save()
        CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")

    # The resource is still public; the text of its file is no longer found by the public.
    assert client.get("/search/", {"q": "okapi"}).context["results"].total == 1
    response = client.get("/search/", {"q": "okapi file cover"})
    assert "Cover of the Okapi file" not in response.content.decode()
    assert client.get(document.url).status_code != 200
    member = client_for(world, "member")
    assert (
        "Cover of the <mark>Okapi</mark>" in member.get("/search/", {"q": "okapi"}).content.decode()
    )


def test_an_alias_has_its_source_privacy_everywhere(
    world, library, django_capture_on_commit_callbacks
):
    from library.models import LibraryIndexPage

    public_section = library.add_child(
        instance=LibraryIndexPage(title="Elsewhere", slug="elsewhere")
    )
    source = world.pages["twg_a"]
    with django_capture_on_commit_callbacks(execute=True):
        alias = source.create_alias(parent=public_section, update_slug="flamingo-alias")
    from search.indexing import sync_resources

    sync_resources([alias.pk])
    for viewer in ("anonymous", "twg_b_member", "twg_a_member"):
        client = client_for(world, viewer)
        allowed = viewer == "twg_a_member"
        assert (client.get("/search/", {"q": "flamingo"}).context["results"].total >= 1) is allowed
        browse = client.get("/library/").content.decode()
        assert ("Flamingo report" in browse) is allowed, viewer
        assert (client.get(alias.url).status_code == 200) is allowed, viewer
