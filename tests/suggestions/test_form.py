"""The resource form shows what the hub read in the attached files, for the editor to accept."""

import re

from django.urls import reverse

import pytest

from hub.demo.files import make_docx, make_pdf
from library.models import GcmObjective, ResourceAttachment, ResourcePage
from tests.suggestions.test_reading import REPORT, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def read_documents(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        old = upload("old", make_pdf("Trafficking report 2022", "IOM", REPORT), "old.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        new = upload(
            "new",
            make_docx("Trafficking report 2024", "IOM", ["Cover 2024"] + REPORT[1:]),
            "n.docx",
        )
    return old, new


def _page(library, title, slug, document):
    page = ResourcePage(title=title, slug=slug, summary="s")
    library.add_child(instance=page)
    ResourceAttachment.objects.create(page=page, document=document)
    return page


def test_the_form_shows_suggestions_likenesses_and_facts(admin_client, library, read_documents):
    old, new = read_documents
    earlier = _page(library, "Trafficking report 2022", "trafficking-2022", old)
    page = _page(library, "Trafficking report 2024", "trafficking-2024", new)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Suggestions from the attached files" in html
    objective = GcmObjective.objects.get(number=10)
    # The Accept button names the very checkbox the form has for objective 10.
    assert f'data-hub-accept="objectives" data-pk="{objective.pk}"' in html
    assert re.search(rf'name="objectives" value="{objective.pk}"', html)
    assert "From the GCM text of each objective." in html
    assert "Because of" in html
    # The earlier report is found, with one-click links and the way to attach the file there.
    assert "looks like the same text as “old”" in html
    assert f'data-hub-link="new_edition_of" data-pk="{earlier.pk}"' in html
    assert f'data-hub-link="translation_of" data-pk="{earlier.pk}"' in html
    assert "Attach this file to “Trafficking report 2022” instead" in html
    # Facts with their source, and a button to use them.
    assert 'data-hub-fact="title"' in html and "file properties" in html
    assert 'data-hub-fill="title" data-value="Trafficking report 2024"' in html
    assert 'data-hub-fill="publication_date"' in html and "file properties (created)" in html
    assert "/static/suggestions/reading-panel.js" in html
    # Nothing was tagged by reading the file.
    assert not page.objectives.exists()


def test_accepting_a_suggestion_tags_the_resource_on_save(admin_client, library, read_documents):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    _old, new = read_documents
    page = _page(library, "Trafficking report 2024", "trafficking-2024", new)
    objective = GcmObjective.objects.get(number=10)
    attachment = page.attachments.get()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "s",
            "resource_type": "report",
            "body": streamfield([]),
            "attachments": inline_formset(
                [{"id": attachment.pk, "document": new.pk, "label": "", "language": ""}],
                initial=1,
            ),
            "tagged_themes": "",
        }
    )
    data["objectives"] = [objective.pk]  # what the Accept button ticks
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert [o.number for o in latest.objectives.all()] == [10]


def test_a_resource_without_files_is_told_what_to_do(admin_client, library):
    page = ResourcePage(title="Note", slug="note", summary="s")
    library.add_child(instance=page)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Attach a file and save a draft" in html


def test_the_document_page_says_what_the_file_looks_like(admin_client, library, read_documents):
    old, new = read_documents
    earlier = _page(library, "Trafficking report 2022", "trafficking-2022", old)
    html = admin_client.get(reverse("wagtaildocs:edit", args=[new.pk])).content.decode()
    assert "looks like the same text as “old”" in html
    assert reverse("wagtaildocs:edit", args=[old.pk]) in html
    assert "Edit “Trafficking report 2022”" in html
    assert reverse("wagtailadmin_pages:edit", args=[earlier.pk]) in html
    # The earlier file's own page says nothing: it was read before the new one came.
    html = admin_client.get(reverse("wagtaildocs:edit", args=[old.pk])).content.decode()
    assert "data-hub-likeness" not in html
