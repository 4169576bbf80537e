"""Editors manage the library in the admin: listings with filters, and forms that catch mistakes."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from hub.organisations import Organisation
from library.models import GcmObjective, ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(library):
    iom = Organisation.objects.create(
        name="International Organization for Migration", acronym="IOM", slug="iom", member=True
    )
    made = []
    for n, (objective, kind) in enumerate([(6, "policy-brief"), (20, "study"), (6, "report")]):
        page = ResourcePage(title=f"Resource {n}", slug=f"r{n}", summary="s", resource_type=kind)
        library.add_child(instance=page)
        page.objectives.set([GcmObjective.objects.get(number=objective)])
        if n == 0:
            page.organisations.set([iom])
        page.save()  # parental many-to-many values reach the database when the page is saved
        made.append(page)
    made[2].unpublish()
    return made


@pytest.mark.parametrize(
    "url",
    [
        "wagtailsnippets_hub_organisation:list",
        "wagtailsnippets_hub_workinggroup:list",
        "wagtailsnippets_library_place:list",
        "wagtailsnippets_library_gcmobjective:list",
        "themes:list",
        "resources:index",
    ],
)
def test_admin_listings_open_and_search(admin_client, resources, url):
    response = admin_client.get(reverse(url), {"q": "a"})
    assert response.status_code == 200


def test_resource_listing_filters_by_objective_type_organisation_and_status(
    admin_client, resources
):
    url = reverse("resources:index")

    def titles(params) -> set[str]:
        html = admin_client.get(url, params).content.decode()
        return {page.title for page in resources if f">{page.title}<" in html or page.title in html}

    objective_6 = GcmObjective.objects.get(number=6).pk
    assert titles({"objectives": objective_6}) == {"Resource 0", "Resource 2"}
    assert titles({"resource_type": "study"}) == {"Resource 1"}
    iom = Organisation.objects.get(slug="iom").pk
    assert titles({"organisations": iom}) == {"Resource 0"}
    assert titles({"live": "False"}) == {"Resource 2"}


def _resource_form(library, **overrides) -> dict:
    data = nested_form_data(
        {
            "title": "Brief",
            "slug": "brief",
            "summary": "A brief.",
            "resource_type": "policy-brief",
            "body": streamfield([]),
            "attachments": inline_formset([]),
            "tagged_themes": "",
            **overrides,
        }
    )
    return data


def test_primary_objective_must_be_among_the_objectives(admin_client, library):
    data = _resource_form(library, primary_objective=GcmObjective.objects.get(number=9).pk)
    data["objectives"] = [GcmObjective.objects.get(number=10).pk]
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "primary objective must be one of the objectives" in response.content.decode()
    assert not ResourcePage.objects.exists()


def test_a_resource_cannot_be_its_own_translation_or_edition(admin_client, library):
    page = ResourcePage(title="Brief", slug="brief", summary="s")
    library.add_child(instance=page)
    page.objectives.set([GcmObjective.objects.get(number=1)])
    page.save_revision().publish()
    data = _resource_form(library, translation_of=page.pk, new_edition_of=page.pk)
    data["objectives"] = [GcmObjective.objects.get(number=1).pk]
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 200
    assert response.content.decode().count("A resource cannot point to itself") >= 2


def test_required_fields_get_form_errors(admin_client, library):
    # Drafts may be incomplete; publishing must name every missing field.
    data = _resource_form(library, title="", summary="")
    data["action-publish"] = "publish"
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"title", "summary", "objectives"}
