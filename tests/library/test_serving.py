"""How files reach the browser: PDFs open in its viewer, Word files download, both under the
document's title and with headers that keep an uploaded file from acting as the hub."""

from django.core.files.base import ContentFile

import pytest

from hub.demo.files import make_docx, make_pdf
from library.models import HubDocument
from library.serving import download_name

pytestmark = pytest.mark.django_db


def stored(title: str, name: str, content: bytes, original: str = "") -> HubDocument:
    document = HubDocument(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    if original:
        HubDocument.objects.filter(pk=document.pk).update(original_filename=original)
        document.refresh_from_db()
    return document


def test_a_pdf_opens_in_the_browser_under_its_title(admin_client):
    document = stored("Labour migration brief 2025", "x.pdf", make_pdf("B", "IOM", ["one", "two"]))
    assert "documents/" in document.file.name and "Labour" not in document.file.name
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Labour migration brief 2025.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert "sandbox" not in policy  # Chromium would refuse to open its viewer
    assert "Content-Encoding" not in response  # never a literal "None"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_word_file_stays_a_download_under_its_title(admin_client):
    document = stored(
        "Minutes of the 3rd quarterly meeting", "x.docx", make_docx("M", "IOM", ["a"])
    )
    response = admin_client.get(document.url)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition == 'attachment; filename="Minutes of the 3rd quarterly meeting.docx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert "Content-Encoding" not in response


def test_a_title_outside_ascii_is_sent_in_the_utf8_form(admin_client):
    document = stored("Étude sur la migration – Rwanda", "x.pdf", make_pdf("E", "OIM", ["un"]))
    disposition = admin_client.get(document.url)["Content-Disposition"]
    assert disposition.startswith("inline; filename*=utf-8''")
    assert "%C3%89tude" in disposition


@pytest.mark.parametrize(
    "title, original, expected",
    [
        ("Policy brief", "", "Policy brief.pdf"),
        ("Policy brief.PDF", "", "Policy brief.PDF"),
        ("  ../etc/passwd  ", "", "..etcpasswd.pdf"),
        ("", "Brief (final).pdf", "Brief_final.pdf"),
        ("...", "", None),  # nothing usable: the stored name
    ],
)
def test_the_download_name_is_the_title_else_the_uploaders_name(title, original, expected):
    document = HubDocument(title=title, original_filename=original)
    document.file.name = "documents/0123456789abcdef0123456789abcdef.pdf"
    assert download_name(document) == (expected or "0123456789abcdef0123456789abcdef.pdf")


def test_a_wrong_name_or_missing_document_is_not_found(admin_client):
    document = stored("Brief", "x.pdf", make_pdf("B", "IOM", ["one"]))
    assert admin_client.get(f"/documents/{document.pk}/other.pdf").status_code == 404
    assert admin_client.get("/documents/999999/x.pdf").status_code == 404
