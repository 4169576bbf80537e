"""Objective, principle, organisation and TWG pages, and the home page: content, counts, addresses.

Every test mixes a draft and a restricted resource in with the public ones: neither may ever be
listed or counted.
"""

from __future__ import annotations

import datetime
import io

from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

import pytest
from PIL import Image as PILImage

from hub.models import HomePage
from hub.organisations import Organisation, OrganisationKind, WorkingGroup, WorkingGroupStatus
from library.models import (
    CollectionEntry,
    CollectionIndexPage,
    CollectionPage,
    GcmObjective,
    GuidingPrinciple,
)
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(library):
    """Two agencies, a government partner, one active and one closed TWG, and resources on
    objective 3 / principle 1: two public, one draft, one restricted."""
    iom = Organisation.objects.create(
        name="International Organization for Migration",
        acronym="IOM",
        slug="iom",
        member=True,
        executive_committee=True,
        website="https://rwanda.iom.int",
    )
    unhcr = Organisation.objects.create(name="UNHCR", slug="unhcr", member=True)
    minema = Organisation.objects.create(
        name="Ministry in charge of Emergency Management",
        acronym="MINEMA",
        slug="minema",
        kind=OrganisationKind.GOVERNMENT,
    )
    academia = Organisation.objects.create(
        name="University of Rwanda", slug="ur", kind=OrganisationKind.ACADEMIC
    )
    data_twg = WorkingGroup.objects.create(
        name="Migration Data TWG", slug="migration-data", description="Improves the data."
    )
    data_twg.chairs.add(iom)
    data_twg.members.add(iom, unhcr, minema)
    closed_twg = WorkingGroup.objects.create(
        name="Return TWG", slug="return", status=WorkingGroupStatus.CLOSED
    )
    closed_twg.members.add(iom)
    newer = ResourcePageFactory(
        parent=library,
        title="Labour migration brief",
        resource_type="policy-brief",
        publication_date=datetime.date(2024, 5, 1),
        objectives=[3, 6],
        principles=[1],
        organisations=[iom, minema],
        working_group=data_twg,
    )
    older = ResourcePageFactory(
        parent=library,
        title="Displacement data report",
        resource_type="report",
        publication_date=datetime.date(2021, 1, 1),
        objectives=[3],
        principles=[1],
        organisations=[iom],
        working_group=data_twg,
    )
    draft = ResourcePageFactory(
        parent=library,
        title="Draft minutes",
        live=False,
        objectives=[3],
        principles=[1],
        organisations=[iom, academia],
        working_group=data_twg,
    )
    secret = ResourcePageFactory(
        parent=library,
        title="Restricted assessment",
        restricted=True,
        objectives=[3],
        principles=[1],
        organisations=[iom, academia],
        working_group=data_twg,
    )
    return {
        "library": library,
        "iom": iom,
        "unhcr": unhcr,
        "minema": minema,
        "academia": academia,
        "data_twg": data_twg,
        "closed_twg": closed_twg,
        "newer": newer,
        "older": older,
        "draft": draft,
        "secret": secret,
    }


def assert_hidden(html: str) -> None:
    assert "Draft minutes" not in html
    assert "Restricted assessment" not in html


# Objectives -----------------------------------------------------------------------------------


def test_objective_list_shows_all_23_with_public_counts(client, network):
    response = client.get("/objectives/")
    assert response.status_code == 200
    counts = {term.number: term.resource_count for term in response.context["terms"]}
    assert len(counts) == 23
    assert counts[3] == 2 and counts[6] == 1 and counts[1] == 0
    html = response.content.decode()
    objective = GcmObjective.objects.get(number=3)
    assert objective.get_absolute_url() in html and objective.title in html


def test_objective_page_lists_public_resources_newest_first(client, network):
    objective = GcmObjective.objects.get(number=3)
    url = objective.get_absolute_url()
    assert url == f"/objectives/3/{objective.slug}/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert objective.title in html and "Objective 3" in html
    assert [r.title for r in response.context["resources"]] == [
        "Labour migration brief",
        "Displacement data report",
    ]
    assert response.context["resource_count"] == 2
    assert_hidden(html)


def test_objective_page_counts_types_and_contributors(client, network):
    response = client.get(GcmObjective.objects.get(number=3).get_absolute_url())
    types = {row["label"]: row["count"] for row in response.context["type_counts"]}
    assert types == {"Policy brief": 1, "Report": 1}
    contributors = {o.slug: o.resource_count for o in response.context["organisations"]}
    # UR only worked on the draft and the restricted resource: it must not appear.
    assert contributors == {"iom": 2, "minema": 1}
    html = response.content.decode()
    assert "Policy brief" in html and network["iom"].get_absolute_url() in html
    assert network["academia"].get_absolute_url() not in html


@pytest.mark.parametrize("path", ["/objectives/3/", "/objectives/3/an-old-title/"])
def test_objective_short_or_wrong_slug_redirects_permanently(client, path):
    objective = GcmObjective.objects.get(number=3)
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == objective.get_absolute_url()


@pytest.mark.parametrize(
    "path", ["/objectives/24/", "/objectives/99/anything/", "/objectives/0/", "/objectives/x/"]
)
def test_unknown_objective_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("page", ["abc", "0", "2", "-1"])
def test_bad_page_number_is_404(client, network, page):
    url = GcmObjective.objects.get(number=3).get_absolute_url()
    assert client.get(url, {"page": page}).status_code == 404


def test_objective_page_paginates_by_20(client, library):
    for day in range(1, 22):
        ResourcePageFactory(
            parent=library,
            title=f"Note {day:02d}",
            publication_date=datetime.date(2023, 1, day),
            objectives=[7],
        )
    url = GcmObjective.objects.get(number=7).get_absolute_url()
    first = client.get(url)
    assert len(first.context["resources"]) == 20
    assert first.context["resources"][0].title == "Note 21"
    second = client.get(url, {"page": 2})
    assert [r.title for r in second.context["resources"]] == ["Note 01"]
    assert 'href="?page=1"' in second.content.decode()


# Principles -----------------------------------------------------------------------------------


def test_principle_list_and_page(client, network):
    response = client.get("/principles/")
    assert response.status_code == 200
    counts = {term.number: term.resource_count for term in response.context["terms"]}
    assert len(counts) == 10 and counts[1] == 2 and counts[2] == 0
    principle = GuidingPrinciple.objects.get(number=1)
    page = client.get(principle.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert principle.title in html and "Guiding principle 1" in html
    assert "Labour migration brief" in html and "Displacement data report" in html
    assert_hidden(html)


def test_principle_redirects_and_404s(client):
    principle = GuidingPrinciple.objects.get(number=4)
    for path in ("/principles/4/", "/principles/4/wrong/"):
        response = client.get(path)
        assert response.status_code == 301
        assert response["Location"] == principle.get_absolute_url()
    assert client.get("/principles/11/").status_code == 404
    assert client.get("/principles/11/x/").status_code == 404
    assert client.get(principle.get_absolute_url(), {"page": "x"}).status_code == 404


# Organisations --------------------------------------------------------------------------------


def test_organisation_list_members_first_then_partners_by_kind(client, network):
    response = client.get("/organisations/")
    assert response.status_code == 200
    assert [o.slug for o in response.context["members"]] == ["iom", "unhcr"]
    groups = [
        (g["kind"], [o.slug for o in g["organisations"]])
        for g in response.context["partner_groups"]
    ]
    assert groups == [("government", ["minema"]), ("academic", ["ur"])]
    html = response.content.decode()
    assert html.index("International Organization for Migration") < html.index("MINEMA")
    assert "Executive Committee" in html
    counts = {o.slug: o.resource_count for o in response.context["members"]}
    assert counts == {"iom": 2, "unhcr": 0}


def test_organisation_page(client, network):
    response = client.get("/organisations/iom/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "International Organization for Migration",
        "(IOM)",
        "UN agency",
        "Executive Committee",
        "https://rwanda.iom.int",
        "Migration Data TWG",
        "Return TWG",
        "Labour migration brief",
        "Displacement data report",
    ):
        assert text in html, text
    assert response.context["chaired_groups"] == [network["data_twg"]]
    assert response.context["member_groups"] == [network["closed_twg"]]
    assert response.context["resource_count"] == 2
    assert_hidden(html)


def test_organisation_404s(client, network):
    assert client.get("/organisations/nobody/").status_code == 404
    assert client.get("/organisations/iom/", {"page": "9"}).status_code == 404


# Working groups -------------------------------------------------------------------------------


def test_working_group_list_active_first_closed_marked(client, network):
    late = WorkingGroup.objects.create(name="Alpha TWG", slug="alpha", status="closed")
    response = client.get("/working-groups/")
    assert [g.slug for g in response.context["groups"]] == ["migration-data", "alpha", "return"]
    html = response.content.decode()
    assert html.count("flag-closed") == 2
    counts = {g.slug: g.resource_count for g in response.context["groups"]}
    assert counts == {"migration-data": 2, "alpha": 0, "return": 0}
    assert late.get_absolute_url() in html


def test_working_group_page(client, network):
    response = client.get("/working-groups/migration-data/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Migration Data TWG", "Active", "Improves the data.", "/organisations/minema/"):
        assert text in html, text
    assert list(response.context["chairs"]) == [network["iom"]]
    assert {o.slug for o in response.context["members"]} == {"iom", "unhcr", "minema"}
    assert [r.title for r in response.context["resources"]] == [
        "Labour migration brief",
        "Displacement data report",
    ]
    assert_hidden(html)
    assert client.get("/working-groups/nope/").status_code == 404


# Home page ------------------------------------------------------------------------------------


def _image(title: str):
    buffer = io.BytesIO()
    PILImage.new("RGB", (960, 540), "#0b5cad").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{slugify(title)}.png")
    )


def _collection(index, title: str, resource, *, featured=True, live=True, image=None):
    collection = CollectionPage(
        title=title,
        slug=slugify(title),
        introduction=f"Intro to {title}.",
        featured=featured,
        live=live,
        cover_image=image,
    )
    collection.entries = [CollectionEntry(resource=resource)]
    index.add_child(instance=collection)
    return collection


@pytest.fixture
def collections(network):
    home = HomePage.objects.get()
    index = home.add_child(instance=CollectionIndexPage(title="Collections", slug="collections"))
    resource = network["newer"]
    _collection(index, "Labour mobility pack", resource, image=_image("Cover"))
    _collection(index, "Returnee toolkit", resource)
    _collection(index, "Not featured pack", resource, featured=False)
    _collection(index, "Draft featured pack", resource, live=False)
    restricted = _collection(index, "Restricted featured pack", resource)
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    return index


def test_home_page_shows_featured_collections_objectives_and_groups(client, collections):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    titles = [c.title for c in response.context["featured_collections"]]
    assert titles == ["Labour mobility pack", "Returnee toolkit"]
    assert "<img" in html and "Not featured pack" not in html and "Draft featured pack" not in html
    assert "Restricted featured pack" not in html
    counts = {o.number: o.resource_count for o in response.context["objectives"]}
    assert len(counts) == 23 and counts[3] == 2 and counts[6] == 1
    assert GcmObjective.objects.get(number=3).get_absolute_url() in html
    assert [g.slug for g in response.context["working_groups"]] == ["migration-data"]
    assert "Return TWG" not in html
    assert "Labour migration brief" in html
    assert_hidden(html)
    assert 'name="q"' in html


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_home_page_query_count_does_not_grow_with_resources(client, library, collections):
    twg = WorkingGroup.objects.create(name="Second TWG", slug="second")
    twg.chairs.add(Organisation.objects.get(slug="unhcr"))
    for n in range(6):
        ResourcePageFactory(parent=library, title=f"Batch one {n}", objectives=[n + 1, 9])
    _home_queries(client)  # warm up: renditions are created on the first view
    small = _home_queries(client)
    for n in range(12):
        ResourcePageFactory(
            parent=library, title=f"Batch two {n}", objectives=[n + 1, 10], principles=[2]
        )
    WorkingGroup.objects.create(name="Third TWG", slug="third").chairs.add(
        Organisation.objects.get(slug="minema")
    )
    big = _home_queries(client)
    assert big == small
