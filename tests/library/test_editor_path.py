"""The editor's first resource: "Add resource" opens the form under the Library, the upload page
says what it takes, the form has no silent type and names organisations in full."""

from django.urls import reverse

import pytest

from hub.organisations import Organisation

pytestmark = pytest.mark.django_db


def test_add_resource_opens_the_form_under_the_library(admin_client, library):
    response = admin_client.get(reverse("library_add_resource"))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:add", args=("library", "resourcepage", library.pk)
    )
    menu = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Add resource" in menu


def test_the_form_has_no_silent_type_and_names_organisations_in_full(admin_client, library):
    Organisation.objects.create(
        name="International Organization for Migration", acronym="IOM", slug="iom"
    )
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    response = admin_client.get(url)
    html = response.content.decode()
    form = response.context["form"]
    assert form.initial.get("resource_type") == ""
    assert form.fields["resource_type"].required
    assert "International Organization for Migration (IOM)" in html
    assert 'name="primary_objective"' in html and 'type="radio"' in html
    # The files come first, under a label that says what they are.
    assert html.index("Files (PDF, Word, Excel, CSV or PowerPoint)") < html.index("Classification")
    assert "resource_editor.js" in html


def test_publishing_without_a_type_asks_for_one(admin_client, library):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    data = nested_form_data(
        {
            "title": "Untyped brief",
            "slug": "untyped",
            "summary": "s",
            "resource_type": "",
            "body": streamfield([]),
            "attachments": inline_formset([]),
            "action-publish": "publish",  # a draft may wait for its type; publishing may not
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "resource_type" in response.context["form"].errors


def test_the_upload_page_says_what_it_accepts(admin_client):
    for name in ("wagtaildocs:add_multiple", "wagtaildocs:add"):
        html = admin_client.get(reverse(name)).content.decode()
        assert "PDF or Word" in html, name
        assert "scanned PDF" in html
