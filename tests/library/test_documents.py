"""Uploads are judged by content, and a broken file leaves the resource published and findable."""

import re
import tempfile
from pathlib import Path

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
    assert "not a PDF, Word (.docx), Excel" in html or "damaged Office (.docx, .xlsx" in html
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


# Stored names, duplicates, status and retry ------------------------------------------------------

ENGLISH_PAGE = (
    "The Government of Rwanda and the partners of the network have agreed that migration is a "
    "matter for all of us, and it should be managed with care by those who work on it."
)


def test_an_upload_is_stored_under_a_generated_name_and_keeps_its_own(
    admin_client, django_capture_on_commit_callbacks
):
    content = make_pdf("Border posts", "IOM", ["one"])
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(admin_client, "../../etc/Border posts (final).pdf", content)
    assert response.status_code == 302
    document = HubDocument.objects.get()
    stored = document.file.name
    assert re.fullmatch(r"documents/[0-9a-f]{32}\.pdf", stored), stored
    assert document.original_filename == "Border posts (final).pdf"
    assert document.filename == "Border_posts_final.pdf"  # what a download is called
    download = admin_client.get(document.url)
    assert download.status_code == 200
    # The browser names it by the title the upload form gave it, never by the stored name.
    assert "Border posts (final).pdf" in download["Content-Disposition"]


def test_a_file_without_a_known_extension_is_named_by_its_content(admin_client):
    from library.documents import stored_file_name

    document = HubDocument(title="x")
    document.file = SimpleUploadedFile("report", make_pdf("R", "A", ["x"]))
    assert stored_file_name(document, "report").endswith(".pdf")
    assert stored_file_name(document, "report.exe").endswith(".pdf")
    assert stored_file_name(document, "Notes.DOCM").endswith(".docm")


def test_a_duplicate_upload_points_to_the_existing_document(admin_client):
    content = make_pdf("Border posts", "IOM", ["one"])
    assert post_upload(admin_client, "first.pdf", content).status_code == 302
    existing = HubDocument.objects.get()

    response = post_upload(admin_client, "copy.pdf", content)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert "already in the library as “first.pdf”" in html
    assert f'href="{reverse("wagtaildocs:edit", args=[existing.pk])}"' in html
    assert HubDocument.objects.count() == 1


def test_a_duplicate_in_the_multiple_upload_is_refused_with_a_link(admin_client):
    content = make_pdf("Border posts", "IOM", ["one"])
    assert post_upload(admin_client, "first.pdf", content).status_code == 302
    existing = HubDocument.objects.get()
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("again.pdf", content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    answer = response.json()
    assert answer["success"] is False
    assert "already in the library" in answer["error_message"]
    assert reverse("wagtaildocs:edit", args=[existing.pk]) in answer["error_message"]
    assert HubDocument.objects.count() == 1


def test_replacing_a_file_with_the_same_content_is_no_duplicate_of_itself(admin_client):
    content = make_pdf("Border posts", "IOM", ["one"])
    post_upload(admin_client, "first.pdf", content)
    document = HubDocument.objects.get()
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Renamed",
            "file": SimpleUploadedFile("first.pdf", content),
            "collection": document.collection_id,
        },
    )
    assert response.status_code == 302
    assert HubDocument.objects.get().title == "Renamed"


def _stored_document(title: str, content: bytes, name: str = "file.pdf") -> HubDocument:
    from django.core.files.base import ContentFile

    document = HubDocument(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def test_the_listing_and_edit_page_say_what_was_read(admin_client):
    from library.reading import read_document

    document = _stored_document("Return", make_pdf("Return", "IOM", [ENGLISH_PAGE, "two"]))
    read_document(document.pk)
    document.refresh_from_db()
    assert document.extraction_status == "extracted"
    assert document.language == "en" and document.page_count == 2
    summary = document.status_summary
    assert summary.startswith("Text extracted: 2 pages, ")
    assert summary.endswith(" characters, English")

    listing = admin_client.get(reverse("wagtaildocs:index")).content.decode()
    assert "Text for search" in listing and summary in listing
    edit = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert summary in edit
    assert reverse("hub_document_retry_extraction", args=[document.pk]) in edit
    assert "Retry extraction" in edit
    assert "IOM" in edit  # the author read from the file


def test_a_scanned_pdf_tells_the_editor_ocr_is_needed(admin_client):
    from library.reading import read_document
    from tests.library.test_extraction import make_pdf as make_test_pdf

    path = make_test_pdf(Path(tempfile.mkdtemp()) / "scan.pdf", ["", ""])
    document = _stored_document("Scan", path.read_bytes())
    read_document(document.pk)
    document.refresh_from_db()
    assert document.extraction_status == "no_text_layer"
    edit = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "OCR" in edit


def test_retry_extraction_reads_the_file_again(admin_client, django_capture_on_commit_callbacks):
    from library.reading import read_document

    document = _stored_document("Retry me", make_pdf("Retry me", "IOM", ["alpha"]))
    read_document(document.pk)
    document.refresh_from_db()
    first = document.extracted_at
    url = reverse("hub_document_retry_extraction", args=[document.pk])

    assert admin_client.get(url).status_code == 405  # a change: POST only
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"next": "https://elsewhere.example/"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtaildocs:edit", args=[document.pk])
    document.refresh_from_db()
    # Read again although the file did not change (tasks run at once in tests).
    assert document.extracted_at > first
    assert document.extraction_status == "extracted"


def test_retry_extraction_needs_permission_to_change_the_document(client, django_user_model):
    from django.contrib.auth.models import Permission

    document = _stored_document("Locked", make_pdf("Locked", "IOM", ["alpha"]))
    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(reverse("hub_document_retry_extraction", args=[document.pk]))
    assert response.status_code in (302, 403)
    document.refresh_from_db()
    assert document.extraction_status == "pending"  # untouched: never read, never queued


def test_a_title_read_from_the_file_replaces_one_made_from_its_name():
    from library.reading import read_document

    named = _stored_document("annual_report_2024", make_pdf("Annual report 2024", "IOM", ["a"]))
    named.original_filename = "annual_report_2024.pdf"
    named.save(update_fields=["original_filename"])
    typed = _stored_document("Our own title", make_pdf("Title in the file", "IOM", ["b"]))
    read_document(named.pk)
    read_document(typed.pk)
    named.refresh_from_db()
    typed.refresh_from_db()
    assert named.title == "Annual report 2024"
    assert typed.title == "Our own title"


@pytest.mark.parametrize("extension", ["docm", "dotx"])
def test_macro_enabled_and_template_word_files_are_accepted_and_read(
    admin_client, tmp_path, extension, django_capture_on_commit_callbacks
):
    from hub.demo.files import make_docx
    from tests.library.test_extraction import as_word_variant

    source = tmp_path / "notes.docx"
    source.write_bytes(make_docx("Notes", "Secretariat", [ENGLISH_PAGE]))
    variant = as_word_variant(source, extension)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(admin_client, variant.name, variant.read_bytes())
    assert response.status_code == 302
    document = HubDocument.objects.get()
    assert document.file.name.endswith(f".{extension}")
    assert (document.extraction_status, document.extraction_engine) == ("extracted", "docx-xml")
    assert document.language == "en"


def test_metadata_from_the_file_fills_a_resource_forms_empty_fields():
    import datetime

    from library.models import Language
    from library.prefill import file_facts, prefill_resource_data
    from library.reading import read_document

    french = _stored_document(
        "Rapport",
        make_pdf(
            "Rapport annuel",
            "OIM",
            [
                "Le gouvernement du Rwanda et les partenaires du réseau sont d'accord que la "
                "migration est une question pour nous tous et qu'elle doit être gérée avec soin."
            ],
        ),
    )
    read_document(french.pk)
    french.refresh_from_db()
    facts = file_facts(french)
    assert (facts["title"], facts["author"], facts["pages"], facts["language"]) == (
        "Rapport annuel",
        "OIM",
        1,
        "fr",
    )
    assert facts["date"] == datetime.date.today()

    empty = {"publication_date": None, "languages": Language.objects.none()}
    assert prefill_resource_data(empty, [french]) == ["publication_date", "languages"]
    assert empty["publication_date"] == facts["date"]
    assert [language.code for language in empty["languages"]] == ["fr"]

    given_date = datetime.date(2020, 1, 1)
    typed = {"publication_date": given_date, "languages": Language.objects.filter(code="en")}
    assert prefill_resource_data(typed, [french]) == []
    assert typed["publication_date"] == given_date


def test_a_new_resource_takes_date_and_language_from_its_attached_file(admin_client, library):
    import datetime

    from wagtail.test.utils.form_data import inline_formset

    from library.reading import read_document
    from tests.library.test_admin import _resource_form

    french = _stored_document(
        "Rapport",
        make_pdf(
            "Rapport annuel",
            "OIM",
            [
                "Le gouvernement du Rwanda et les partenaires du réseau sont d'accord que la "
                "migration est une question pour nous tous et qu'elle doit être gérée avec soin."
            ],
        ),
    )
    read_document(french.pk)
    data = _resource_form(
        library,
        attachments=inline_formset([{"document": french.pk, "label": "Rapport", "language": ""}]),
    )
    data["objectives"] = [GcmObjective.objects.get(number=1).pk]
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ResourcePage.objects.get(slug="brief").get_latest_revision_as_object()
    assert page.publication_date == datetime.date.today()  # the PDF's creation date
    assert [language.code for language in page.languages.all()] == ["fr"]


def test_a_new_resource_with_no_title_takes_its_files_title(admin_client, library):
    from wagtail.test.utils.form_data import inline_formset

    from library.reading import read_document
    from tests.library.test_admin import _resource_form

    report = _stored_document(
        "scan-0042",
        make_pdf("Labour migration governance review", "IOM", ["Labour migration in Rwanda."]),
    )
    read_document(report.pk)
    data = _resource_form(
        library,
        title="",
        slug="",
        attachments=inline_formset([{"document": report.pk, "label": "", "language": ""}]),
    )
    data["objectives"] = [GcmObjective.objects.get(number=6).pk]
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", library.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ResourcePage.objects.get()
    assert page.title == "Labour migration governance review"
    assert page.slug == "labour-migration-governance-review"
    # An editor's own title is never replaced.
    data = _resource_form(
        library,
        title="Our own title",
        slug="",
        attachments=inline_formset([{"document": report.pk, "label": "", "language": ""}]),
    )
    data["objectives"] = [GcmObjective.objects.get(number=6).pk]
    assert admin_client.post(url, data).status_code == 302
    assert ResourcePage.objects.filter(title="Our own title", slug="our-own-title").exists()
