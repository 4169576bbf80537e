"""A Dataset resource shows the years, places and columns its workbook names (sheet and column
names; places also from its first rows), filled where the editor left them empty, editable."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset

import pytest

from library.dataset_facts import dataset_facts
from library.models import GcmObjective, HubDocument, Place, ResourcePage
from library.reading import read_document
from tests.library.test_admin import _resource_form

pytestmark = pytest.mark.django_db


def _returns_workbook() -> HubDocument:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Returns 2019-2023"
    sheet.append(["District", 2019, 2023, "Sex"])
    sheet.append(["Nyagatare", 10, 12, "F"])
    sheet.append(["Huye", 3, 4, "M"])
    workbook.create_sheet("Notes").append(["Source", "DGIE"])
    out = io.BytesIO()
    workbook.save(out)
    document = HubDocument(title="returns.xlsx")
    document.file.save("returns.xlsx", ContentFile(out.getvalue()), save=False)
    document._set_document_file_metadata()
    document.save()
    read_document(document.pk)
    document.refresh_from_db()
    return document


def _post_dataset(admin_client, library, document: HubDocument, places=(), **fields):
    data = _resource_form(
        library,
        resource_type="dataset",
        attachments=inline_formset([{"document": document.pk, "label": "Data", "language": ""}]),
        **fields,
    )
    data["objectives"] = [GcmObjective.objects.get(number=1).pk]
    if places:
        data["places"] = list(places)
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return ResourcePage.objects.get(slug="brief").get_latest_revision_as_object()


def test_facts_are_read_from_sheet_and_column_names(library):
    facts = dataset_facts([_returns_workbook()])
    assert facts.span == (2019, 2023)
    assert facts.columns == ["Returns 2019-2023: District, 2019, 2023, Sex", "Notes: Source, DGIE"]
    names = set(Place.objects.filter(pk__in=facts.place_ids).values_list("name", flat=True))
    assert names == {"Nyagatare", "Huye"}


def test_a_new_dataset_takes_its_facts_from_its_workbook(admin_client, library):
    page = _post_dataset(admin_client, library, _returns_workbook())
    assert (page.data_from_year, page.data_to_year) == (2019, 2023)
    assert page.data_columns.splitlines()[0] == "Returns 2019-2023: District, 2019, 2023, Sex"
    assert {place.name for place in page.places.all()} == {"Nyagatare", "Huye"}


def test_the_editors_own_facts_are_kept(admin_client, library):
    kigali = Place.objects.get(name="Kigali City")
    page = _post_dataset(
        admin_client,
        library,
        _returns_workbook(),
        data_from_year="2015",
        data_columns="District, people",
        places=[kigali.pk],
    )
    assert (page.data_from_year, page.data_to_year) == (2015, 2023)
    assert page.data_columns == "District, people"
    assert [place.name for place in page.places.all()] == ["Kigali City"]


def test_a_span_that_ends_before_it_starts_is_refused(admin_client, library):
    data = _resource_form(
        library, resource_type="dataset", data_from_year="2024", data_to_year="2020"
    )
    data["objectives"] = [GcmObjective.objects.get(number=1).pk]
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()


def test_a_report_takes_no_dataset_facts(admin_client, library):
    data = _resource_form(
        library,
        attachments=inline_formset(
            [{"document": _returns_workbook().pk, "label": "Data", "language": ""}]
        ),
    )
    data["objectives"] = [GcmObjective.objects.get(number=1).pk]
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    assert admin_client.post(url, data).status_code == 302
    page = ResourcePage.objects.get(slug="brief").get_latest_revision_as_object()
    assert (page.data_from_year, page.data_columns) == (None, "")


def test_the_dataset_page_shows_its_span_and_columns(client, library):
    page = ResourcePage(
        title="Returns data",
        slug="returns-data",
        summary="Data.",
        resource_type="dataset",
        data_from_year=2019,
        data_to_year=2023,
        data_columns="Returns: District, <Sex>",
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<dd class="data-span">2019–2023</dd>' in html
    assert "<li>Returns: District, &lt;Sex&gt;</li>" in html
