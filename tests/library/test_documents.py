"""Uploads are judged by content, and a broken file leaves the resource published and findable."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

import pytest

from hub.demo.files import make_pdf
from library.models import GcmObjective, HubDocument, ResourceAttachment, ResourcePage
from search.indexing import sync_resources

pytestmark = pytest.mark.django_db


def post_upload(admin_client, filename: str, content: bytes):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": filename,
            "file": SimpleUploadedFile(filename, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    "filename, content",
    [
        ("report.pdf", b"This is plain text pretending to be a PDF.\n" * 20),
        ("report.docx", b"PK\x03\x04 not really a zip"),
        ("report.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    ],
)
def test_a_file_that_is_not_really_pdf_or_docx_is_refused_with_a_message(
    admin_client, filename, content
):
    response = post_upload(admin_client, filename, content)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert "not a PDF or Word" in html or "damaged Word (.docx) file" in html
    assert not HubDocument.objects.exists()


def test_a_damaged_pdf_keeps_its_resource_published_and_searchable_by_metadata(
    admin_client, library, search_backend, client, django_capture_on_commit_callbacks
):
    good = make_pdf("Border management", "IOM", ["one", "two"])
    broken = good[: len(good) // 3]  # truncated: header intact, body gone
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(admin_client, "border.pdf", broken)
    assert response.status_code == 302
    document = HubDocument.objects.get()
    assert document.extraction_status in {"damaged", "no_text_layer"}
    assert document.status_message  # says why, in words an editor reads

    page = ResourcePage(
        title="Integrated border management in the Great Lakes",
        slug="borders",
        summary="Coordinated border posts.",
    )
    library.add_child(instance=page)
    page.objectives.set([GcmObjective.objects.get(number=11)])
    ResourceAttachment.objects.create(page=page, document=document, label="Report")
    page.save_revision().publish()
    sync_resources([page.pk])

    html = client.get("/search/", {"q": "border posts"}).content.decode()
    assert "Integrated <mark>border</mark> management" in html
    resource_html = client.get(page.url).content.decode()
    assert document.get_extraction_status_display() in resource_html


def test_unchanged_file_is_not_read_twice(db, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    from library.reading import read_document

    document = HubDocument(title="x")
    document.file.save("x.pdf", ContentFile(make_pdf("X", "Y", ["alpha"])), save=False)
    document._set_document_file_metadata()
    document.save()
    read_document(document.pk)
    document.refresh_from_db()
    first = document.extracted_at
    read_document(document.pk)
    document.refresh_from_db()
    assert document.extracted_at == first
