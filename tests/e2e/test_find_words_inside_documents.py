"""The foundation's story end to end through the web layer, on both backends:
an editor uploads a PDF (or Word file), attaches it to a resource, publishes; a visitor searches
for words that appear only on page N and is taken to that page."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from hub.demo.files import make_docx, make_pdf
from library.models import GcmObjective, HubDocument, ResourcePage

PAGES = [
    "Introduction: why the network studied recruitment costs.",
    "Methods: interviews with returnees in Musanze and Rubavu.",
    'At the Nyabugogo bus terminal, recruiters <script>alert("x")</script> promised visas.',
]


def upload(admin_client, filename: str, content: bytes, capture):
    with capture(execute=True):
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {
                "title": filename,
                "file": SimpleUploadedFile(filename, content),
                "collection": Collection.get_first_root_node().pk,
            },
        )
    return response


def publish_resource(admin_client, library, document: HubDocument, capture, title: str):
    objective = GcmObjective.objects.get(number=6)
    data = nested_form_data(
        {
            "title": title,
            "slug": "recruitment-study",
            "summary": "A study of what Rwandan workers pay to be recruited abroad.",
            "resource_type": "study",
            "publication_date": "2025-03-14",
            "body": streamfield([]),
            "attachments": inline_formset([{"document": document.pk, "label": "Full study"}]),
            "action-publish": "publish",
        }
    )
    data["objectives"] = [objective.pk]  # a multiple choice: a list the helper would flatten
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    with capture(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302, (
        response.context["form"].errors,
        [f.errors for f in response.context["form"].formsets["attachments"].forms],
    )
    return ResourcePage.objects.get(slug="recruitment-study")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_visitor_finds_words_on_page_three_of_an_uploaded_file(
    kind, search_backend, library, admin_client, client, django_capture_on_commit_callbacks
):
    maker = make_pdf if kind == "pdf" else make_docx
    content = maker("Recruitment costs study", "IOM Rwanda", PAGES)
    response = upload(admin_client, f"study.{kind}", content, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    document = HubDocument.objects.get()
    assert document.extraction_status == "extracted", document.status_message
    assert document.page_count == 3
    assert document.file_hash and document.extracted_hash == document.file_hash

    page = publish_resource(
        admin_client, library, document, django_capture_on_commit_callbacks, "Recruitment costs"
    )
    assert page.live

    response = client.get("/search/", {"q": "Nyabugogo terminal"})
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html
    assert "<mark>Nyabugogo</mark>" in html
    assert "page 3" in html
    assert "Full study" in html
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    if kind == "pdf":
        assert f'{document.url}#page=3&amp;search=Nyabugogo%20terminal"' in html
    else:
        assert f'href="{document.url}"' in html

    # The link really serves the file: a PDF opens in the browser's viewer, Word downloads.
    served = client.get(document.url)
    assert served.status_code == 200
    disposition = "inline" if kind == "pdf" else "attachment"
    assert served["Content-Disposition"].startswith(disposition), served["Content-Disposition"]
    assert 'filename="study.' in served["Content-Disposition"]


@pytest.mark.django_db
def test_unpublished_and_deleted_resources_leave_the_results(
    search_backend, library, admin_client, client, django_capture_on_commit_callbacks
):
    content = make_pdf("Recruitment costs study", "IOM Rwanda", PAGES)
    upload(admin_client, "study.pdf", content, django_capture_on_commit_callbacks)
    page = publish_resource(
        admin_client,
        library,
        HubDocument.objects.get(),
        django_capture_on_commit_callbacks,
        "Recruitment costs",
    )
    assert search_backend.indexed_ids() == {page.pk}

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "Recruitment costs" not in client.get("/search/", {"q": "Nyabugogo"}).content.decode()
    assert search_backend.indexed_ids() == set()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert search_backend.indexed_ids() == {page.pk}
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert search_backend.indexed_ids() == set()


@pytest.mark.django_db
def test_draft_saves_are_not_indexed(search_backend, library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = ResourcePage(
            title="Draft brief on detention", slug="draft", summary="s", live=False
        )
        library.add_child(instance=draft)
        draft.save_revision()
    assert search_backend.indexed_ids() == set()
