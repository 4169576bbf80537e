"""A resource page previews a workbook (sheet names, headers, first 20 rows as an accessible
table, counts) and a deck (slide titles) from what was stored when the file was read: escaped,
formulas as values, never the file re-opened."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile

import pytest

from library.models import HubDocument, ResourceAttachment, ResourcePage
from library.reading import read_document

pytestmark = pytest.mark.django_db


def _stored(name: str, content: bytes) -> HubDocument:
    document = HubDocument(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    read_document(document.pk)
    document.refresh_from_db()
    return document


def _page_with(library, client, document: HubDocument) -> str:
    page = ResourcePage(title=f"About {document.title}", slug=f"r-{document.pk}", summary="S.")
    library.add_child(instance=page)
    page.save_revision().publish()
    ResourceAttachment.objects.create(page=page, document=document, sort_order=0)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _workbook() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Returns <2025>"
    sheet.append(["District", "Returns", "Note"])
    for n in range(1, 31):
        sheet.append([f"District {n}", n, "<script>alert(1)</script>" if n == 1 else None])
    sheet.append(["Total", "=SUM(B2:B31)"])
    workbook.create_sheet("Sources").append(["DGIE", "IOM"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_workbook_is_previewed_as_an_escaped_table_of_its_first_rows(client, library):
    document = _stored("returns.xlsx", _workbook())
    assert document.preview["kind"] == "table"
    html = _page_with(library, client, document)
    assert "2 sheets" in html
    assert "Sheets: Returns &lt;2025&gt;, Sources" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert (
        '<th scope="col">District</th><th scope="col">Returns</th><th scope="col">Note</th>' in html
    )
    assert "32 rows, 3 columns" in html
    assert "the first 20 rows of 32" in html
    assert "<td>District 20</td>" in html and "<td>District 21</td>" not in html
    # The formula's cell: its saved value (none, as openpyxl writes it), never the formula.
    assert "SUM(" not in html


def test_the_preview_comes_from_what_was_stored_not_the_file(client, library):
    document = _stored("returns.xlsx", _workbook())
    document.file.storage.delete(document.file.name)  # the file is gone: the preview stays
    html = _page_with(library, client, document)
    assert "<td>District 3</td>" in html


def test_a_deck_is_previewed_by_its_slide_titles(client, library):
    import pptx

    deck = pptx.Presentation()
    for title in ("Overview", "Returns & <reintegration>"):
        deck.slides.add_slide(deck.slide_layouts[1]).shapes.title.text = title
    out = io.BytesIO()
    deck.save(out)
    document = _stored("deck.pptx", out.getvalue())
    html = _page_with(library, client, document)
    assert "2 slides" in html
    assert f'<a href="{document.url}#slide=2">Returns &amp; &lt;reintegration&gt;</a>' in html


def test_a_csv_is_previewed_with_its_header(client, library):
    content = b"place,year,people\nKigali,2024,12\nRubavu,2025,=1+2\n"
    document = _stored("people.csv", content)
    html = _page_with(library, client, document)
    assert '<th scope="col">place</th>' in html
    assert "<td>&#x27;=1+2</td>" in html or "<td>&#39;=1+2</td>" in html


@pytest.mark.parametrize(
    ("filename", "extension"),
    [
        ("returns.xlsx", ".xlsx"),
        ("returns.xlsm", ".xlsm"),
        ("data.csv", ".csv"),
        ("data.tsv", ".tsv"),
    ],
)
def test_an_office_upload_is_accepted_and_stored_by_its_kind(admin_client, filename, extension):
    """Through the admin's upload form: judged by content, stored under a generated name with
    the extension it came with."""
    import re

    from tests.library.test_documents import post_upload

    content = _workbook() if extension.startswith(".xls") else b"place,people\nKigali,3\nHuye,4\n"
    response = post_upload(admin_client, filename, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    stored = HubDocument.objects.get().file.name
    assert re.fullmatch(rf"documents/[0-9a-f]{{32}}\{extension}", stored), stored


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"a,b\n1," + b"x" * (2 * 1024 * 1024) + b"\n", "line longer than 1 MB"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "not a PDF, Word (.docx), Excel"),
    ],
)
def test_a_bad_table_upload_is_refused_with_a_message(admin_client, content, words):
    from tests.library.test_documents import post_upload

    response = post_upload(admin_client, "data.csv", content)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not HubDocument.objects.exists()
