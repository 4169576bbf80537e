"""Browsing the library by facets: filters, true counts, shareable URLs, constant queries."""

from __future__ import annotations

import datetime
import re
from urllib.parse import parse_qsl, urlsplit

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from hub.models import Organisation, WorkingGroup
from library.browse import PER_PAGE, browse
from library.models import ResourcePage
from tests.factories import ShelfResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs():
    return {
        "iom": Organisation.objects.create(
            name="International Organization for Migration", acronym="IOM", slug="iom"
        ),
        "unhcr": Organisation.objects.create(
            name="UN Refugee Agency", acronym="UNHCR", slug="unhcr"
        ),
        "minema": Organisation.objects.create(
            name="Ministry in charge of Emergency Management", acronym="MINEMA", slug="minema"
        ),
    }


@pytest.fixture
def twgs():
    return {
        "data": WorkingGroup.objects.create(name="Migration data", slug="data"),
        "labour": WorkingGroup.objects.create(name="Labour migration", slug="labour"),
    }


@pytest.fixture
def shelf(library, orgs, twgs):
    """Five resources spread over every facet, so each filter has something to tell apart."""
    return {
        "remittances": ShelfResourceFactory(
            parent=library,
            title="Remittance corridors",
            resource_type="study",
            publication_date=datetime.date(2023, 5, 1),
            objectives=(20, 6),
            principles=(1,),
            organisations=[orgs["iom"]],
            working_group=twgs["labour"],
            languages=("en",),
            places=("rwanda",),
        ),
        "returnees": ShelfResourceFactory(
            parent=library,
            title="Returnee reintegration in Musanze",
            resource_type="report",
            publication_date=datetime.date(2024, 2, 1),
            objectives=(21,),
            principles=(1, 2),
            organisations=[orgs["iom"], orgs["unhcr"]],
            working_group=twgs["data"],
            languages=("en", "fr"),
            places=("musanze",),
        ),
        "labour": ShelfResourceFactory(
            parent=library,
            title="Bilateral labour agreements",
            resource_type="policy-brief",
            publication_date=datetime.date(2024, 9, 1),
            objectives=(6,),
            organisations=[orgs["minema"]],
            working_group=twgs["labour"],
            languages=("rw",),
            places=("kigali-city",),
        ),
        "census": ShelfResourceFactory(
            parent=library,
            title="Census migration tables",
            resource_type="dataset",
            publication_date=datetime.date(2022, 3, 1),
            objectives=(1,),
            organisations=[orgs["minema"]],
            working_group=twgs["data"],
            languages=("en",),
            places=("rwanda",),
        ),
        "checklist": ShelfResourceFactory(
            parent=library,
            title="Arrival checklist",
            resource_type="guidance",
            publication_date=datetime.date(2024, 3, 1),
            objectives=(6, 21),
            organisations=[orgs["unhcr"]],
            languages=("fr",),
            places=("musanze", "kigali-city"),
        ),
    }


def run(library, query: str = ""):
    request = RequestFactory().get(f"/library/{'?' + query if query else ''}")
    return browse(request, within=library)


def titles(result) -> list[str]:
    return [r.title for r in result.results]


def facet(result, name: str):
    return next(f for f in result.facets if f.name == name)


def counts(result, name: str) -> dict[str, int]:
    return {o.value: o.count for o in facet(result, name).options}


# --- filters ---------------------------------------------------------------------------------


def test_everything_live_is_listed_newest_first(library, shelf):
    result = run(library)
    assert titles(result) == [
        "Bilateral labour agreements",
        "Arrival checklist",
        "Returnee reintegration in Musanze",
        "Remittance corridors",
        "Census migration tables",
    ]
    assert result.total == 5 and result.notices == []


@pytest.mark.parametrize(
    "query, expected",
    [
        ("objective=20", {"Remittance corridors"}),
        ("principle=2", {"Returnee reintegration in Musanze"}),
        ("type=dataset", {"Census migration tables"}),
        ("organisation=unhcr", {"Returnee reintegration in Musanze", "Arrival checklist"}),
        ("twg=labour", {"Remittance corridors", "Bilateral labour agreements"}),
        (
            "year=2024",
            {
                "Returnee reintegration in Musanze",
                "Bilateral labour agreements",
                "Arrival checklist",
            },
        ),
        ("language=fr", {"Returnee reintegration in Musanze", "Arrival checklist"}),
        ("place=musanze", {"Returnee reintegration in Musanze", "Arrival checklist"}),
        ("place=rwanda", {"Remittance corridors", "Census migration tables"}),
    ],
)
def test_each_facet_filters_alone(library, shelf, query, expected):
    assert set(titles(run(library, query))) == expected


def test_several_values_of_one_facet_are_or(library, shelf):
    result = run(library, "objective=20&objective=1")
    assert set(titles(result)) == {"Remittance corridors", "Census migration tables"}
    result = run(library, "type=dataset&type=study&type=guidance")
    assert result.total == 3


def test_different_facets_are_and(library, shelf):
    assert titles(run(library, "objective=6&organisation=minema")) == [
        "Bilateral labour agreements"
    ]
    assert titles(run(library, "objective=6&objective=21&language=fr&year=2024")) == [
        "Arrival checklist",
        "Returnee reintegration in Musanze",
    ]
    assert run(library, "twg=data&place=kigali-city").total == 0


def test_a_resource_in_several_selected_values_is_listed_once(library, shelf):
    result = run(library, "objective=6&objective=21&place=musanze&place=kigali-city")
    assert titles(result) == [
        "Bilateral labour agreements",
        "Arrival checklist",
        "Returnee reintegration in Musanze",
    ]
    assert result.total == 3


def test_year_falls_back_on_first_publication(library, shelf):
    undated = ShelfResourceFactory(
        parent=library, title="Undated note", publication_date=None, objectives=(1,)
    )
    ResourcePage.objects.filter(pk=undated.pk).update(
        first_published_at=timezone.make_aware(datetime.datetime(2019, 6, 1, 12))
    )
    result = run(library, "year=2019")
    assert titles(result) == ["Undated note"]
    assert counts(run(library), "year") == {"2024": 3, "2023": 1, "2022": 1, "2019": 1}


# --- counts ----------------------------------------------------------------------------------


def test_counts_with_nothing_selected(library, shelf):
    result = run(library)
    assert counts(result, "objective") == {"1": 1, "6": 3, "20": 1, "21": 2}
    assert counts(result, "organisation") == {"iom": 2, "minema": 2, "unhcr": 2}
    assert counts(result, "type") == {
        "policy-brief": 1,
        "report": 1,
        "study": 1,
        "dataset": 1,
        "guidance": 1,
    }
    assert counts(result, "language") == {"en": 3, "fr": 2, "rw": 1}


def test_selecting_an_option_keeps_its_siblings_with_counts_for_the_other_filters(library, shelf):
    result = run(library, "objective=6&organisation=minema")
    # Objective counts ignore the objective filter but obey the organisation one...
    assert counts(result, "objective") == {"1": 1, "6": 1}
    # ...and organisation counts obey the objective filter but not their own.
    assert counts(result, "organisation") == {"iom": 1, "minema": 1, "unhcr": 1}
    # Other facets obey both.
    assert counts(result, "type") == {"policy-brief": 1}
    selected = {o.value for o in facet(result, "objective").options if o.selected}
    assert selected == {"6"}


def test_options_in_order_with_labels(library, shelf):
    result = run(library)
    assert [o.value for o in facet(result, "objective").options] == ["1", "6", "20", "21"]
    assert facet(result, "objective").options[0].label.startswith("1. ")
    assert [o.value for o in facet(result, "year").options] == ["2024", "2023", "2022"]
    assert [o.label for o in facet(result, "organisation").options] == [
        "IOM – International Organization for Migration",
        "MINEMA – Ministry in charge of Emergency Management",
        "UNHCR – UN Refugee Agency",
    ]
    assert [o.value for o in facet(result, "language").options] == ["en", "fr", "rw"]


def test_places_are_grouped_by_level(library, shelf):
    groups = facet(run(library), "place").groups
    assert [(g.label, [o.value for o in g.options]) for g in groups] == [
        ("National", ["rwanda"]),
        ("Province", ["kigali-city"]),
        ("District", ["musanze"]),
    ]


def test_a_selected_option_stays_visible_at_zero(library, shelf):
    result = run(library, "twg=data&place=kigali-city")
    place = {o.value: (o.count, o.selected) for o in facet(result, "place").options}
    assert place["kigali-city"] == (0, True)
    twg = {o.value: (o.count, o.selected) for o in facet(result, "twg").options}
    assert twg["data"] == (0, True)
    # An objective no resource has, chosen by hand, is shown so it can be removed.
    result = run(library, "objective=7")
    assert result.total == 0
    assert [
        (o.value, o.count, o.selected) for o in facet(result, "objective").options if o.value == "7"
    ] == [("7", 0, True)]


def test_unselected_options_at_zero_are_hidden(library, shelf):
    result = run(library, "organisation=minema")
    assert "fr" not in counts(result, "language")
    assert "2" not in counts(result, "principle")


# --- sorting, pages, notices -----------------------------------------------------------------


def test_sort_by_title_and_newest(library, shelf):
    assert titles(run(library, "sort=title")) == sorted(titles(run(library)))
    assert titles(run(library, "sort=newest")) == titles(run(library))
    assert run(library, "sort=title").sort == "title"


def test_undated_resources_sort_after_dated_ones(library, shelf):
    ShelfResourceFactory(parent=library, title="Undated note", publication_date=None)
    assert titles(run(library))[-1] == "Undated note"


@pytest.mark.parametrize(
    "query, notice",
    [
        ("objective=99", "There is no GCM objective “99”; that filter was ignored."),
        ("objective=abc", "There is no GCM objective “abc”; that filter was ignored."),
        ("principle=11", "There is no guiding principle “11”"),
        ("type=banana", "There is no resource type “banana”"),
        ("organisation=nope", "There is no organisation “nope”"),
        ("twg=nope", "There is no technical working group “nope”"),
        ("year=20x4", "“20x4” is not a year"),
        ("language=xx", "There is no language “xx”"),
        ("place=atlantis", "There is no place “atlantis”"),
        ("sort=random", "There is no sort order “random”"),
    ],
)
def test_unknown_values_are_ignored_with_a_notice(client, library, shelf, query, notice):
    response = client.get(f"/library/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert "5 resources" in html  # the bad filter did not narrow anything


def test_unknown_value_beside_a_good_one_keeps_the_good_one(library, shelf):
    result = run(library, "objective=20&objective=99&type=banana")
    assert titles(result) == ["Remittance corridors"]
    assert len(result.notices) == 2
    # The links the page offers drop the bad values, so the notices go away on the next click.
    assert all("99" not in o.toggle_url for o in facet(result, "type").options)


def test_unknown_parameters_are_ignored(client, library, shelf):
    response = client.get("/library/?colour=blue&utm_source=mail")
    assert response.status_code == 200
    assert "5 resources" in response.content.decode()


@pytest.fixture
def many(library):
    return [
        ShelfResourceFactory(parent=library, title=f"Brief {n:02}", objectives=(6,))
        for n in range(PER_PAGE + 2)
    ]


def test_pages_of_24(client, library, many):
    first = client.get("/library/")
    assert first.content.decode().count('class="card result"') == PER_PAGE
    assert "page=2" in first.content.decode()
    second = client.get("/library/?page=2")
    assert second.status_code == 200
    assert second.content.decode().count('class="card result"') == 2


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "3", "99"])
def test_bad_or_past_the_end_page_is_404(client, library, many, page):
    assert client.get(f"/library/?page={page}").status_code == 404


def test_an_empty_result_is_a_page_not_a_404(client, library, shelf):
    response = client.get("/library/?objective=7")
    assert response.status_code == 200
    assert "No resource matches these filters." in response.content.decode()


# --- shareable URLs --------------------------------------------------------------------------


def test_toggle_urls_add_and_remove_a_value_and_reset_the_page(library, many):
    result = run(library, "objective=6&sort=title&page=2")
    option = next(o for o in facet(result, "objective").options if o.value == "6")
    assert option.selected and option.toggle_url == "/library/?sort=title"
    result = run(library, "sort=title&page=2")
    option = next(o for o in facet(result, "objective").options if o.value == "6")
    assert option.toggle_url == "/library/?objective=6&sort=title"


def test_urls_are_canonical_whatever_the_click_order(library, shelf):
    a = run(library, "year=2024&objective=6")
    b = run(library, "objective=6&year=2024")
    assert a.current_url == b.current_url == "/library/?objective=6&year=2024"


def test_a_shared_url_round_trips(client, library, shelf):
    result = run(library, "objective=6&objective=21")
    url = next(o.toggle_url for o in facet(result, "language").options if o.value == "fr")
    response = client.get(url)
    assert response.status_code == 200
    shared = response.context["browse"]
    assert shared.current_url == url
    assert titles(shared) == ["Arrival checklist", "Returnee reintegration in Musanze"]
    assert parse_qsl(urlsplit(url).query) == [
        ("objective", "6"),
        ("objective", "21"),
        ("language", "fr"),
    ]


def test_page_renders_state_without_javascript(client, library, shelf):
    html = client.get("/library/?objective=6&organisation=iom").content.decode()
    # The only script is the search box's optional suggestions; browsing needs none.
    assert html.count("<script") == html.count('src="/static/hub/js/suggest.js"') <= 1
    assert "onclick" not in html
    selected = re.findall(
        r'<a class="facet-option is-selected" href="([^"]*)"[^>]*aria-current="true"', html
    )
    assert sorted(selected) == ["/library/?objective=6", "/library/?organisation=iom"]
    assert "Clear all filters" in html and 'href="/library/"' in html
    assert html.count(">remove<") == 2
    assert "1 resource" in html
    assert "Remittance corridors" in html and "IOM" in html
    assert (
        'title="Facilitate fair and ethical recruitment' in html
    )  # objective numbers carry titles


# --- visibility ------------------------------------------------------------------------------


def test_unpublished_and_restricted_resources_are_neither_listed_nor_counted(library, shelf, orgs):
    ShelfResourceFactory(
        parent=library,
        title="Draft memo",
        objectives=(20,),
        organisations=[orgs["iom"]],
        live=False,
    )
    secret = ShelfResourceFactory(
        parent=library,
        title="Exco minutes",
        objectives=(20,),
        organisations=[orgs["iom"]],
        resource_type="meeting-record",
    )
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    result = run(library)
    assert "Draft memo" not in titles(result) and "Exco minutes" not in titles(result)
    assert result.total == 5
    assert counts(result, "objective")["20"] == 1
    assert counts(result, "organisation")["iom"] == 2
    assert "meeting-record" not in counts(result, "type")


# --- queries ---------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_results(client, library, orgs, twgs):
    def add(start: int, stop: int):
        for n in range(start, stop):
            ShelfResourceFactory(
                parent=library,
                title=f"Resource {n:03}",
                publication_date=datetime.date(2000 + n % 20, 1, 1),
                objectives=(1 + n % 23, 6),
                principles=(1 + n % 10,),
                organisations=[orgs["iom"], orgs["unhcr"]],
                working_group=twgs["data"],
                languages=("en", "fr"),
                places=("rwanda", "musanze"),
            )

    url = "/library/?objective=6&language=en&sort=title"
    add(0, 10)
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    small = _queries(client, url)
    add(10, 40)
    large = _queries(client, url)
    assert large == small
    assert _queries(client, "/library/") <= small
