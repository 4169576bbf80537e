"""A word in a workbook's cell or a deck's slide is found like a word in a PDF, and the hit names
the sheet and row, or the slide, with a link to it: on both engines (Elasticsearch when it
answers)."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from library.models import HubDocument, ResourceAttachment, ResourcePage
from library.reading import read_document
from search.contract import SearchRequest
from search.query import parse_query
from search.records import build_record

pytestmark = pytest.mark.django_db


def _workbook() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Returns 2025"
    sheet.append(["District", "Returns"])
    for n in range(2, 412):
        sheet.append([f"District {n}", n])
    sheet.append(["Nyamagabe <b>", 412])  # row 412: the word searched, and markup to escape
    workbook.create_sheet("Notes").append(["Source: DGIE"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _deck() -> bytes:
    import pptx

    deck = pptx.Presentation()
    for title, body in (("Overview", "Cross-border movement"), ("Reintegration", "Gisagara")):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _resource(library, title: str, name: str, content: bytes) -> HubDocument:
    document = HubDocument(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    read_document(document.pk)
    document.refresh_from_db()
    page = ResourcePage(title=title, slug=title.lower().replace(" ", "-"), summary="Data.")
    library.add_child(instance=page)
    page.save_revision().publish()
    ResourceAttachment.objects.create(page=page, document=document, sort_order=0)
    return document


@pytest.fixture
def indexed(search_backend, library):
    workbook = _resource(library, "Returns data", "returns.xlsx", _workbook())
    deck = _resource(library, "Reintegration deck", "deck.pptx", _deck())
    pages = ResourcePage.objects.filter(title__in=["Returns data", "Reintegration deck"])
    search_backend.index([build_record(page) for page in pages])
    return search_backend, workbook, deck


def _pages(backend, words: str):
    results = backend.search(SearchRequest(query=parse_query(words)))
    assert results.total == 1, words
    (document,) = results.hits[0].documents
    return document, document.pages


def test_a_cell_hit_names_its_sheet_and_row(indexed):
    backend, workbook, _deck = indexed
    assert workbook.extraction_status == "extracted"
    document, pages = _pages(backend, "Nyamagabe")
    assert document.kind == "xlsx"
    assert pages[0].number == 1
    assert pages[0].label == "sheet Returns 2025, row 412"
    assert pages[0].anchor == "#sheet=Returns%202025&row=412"
    assert "<b>" not in pages[0].fragment_html  # the cell's markup is escaped, never kept


def test_a_word_on_a_slide_names_the_slide(indexed):
    backend, _workbook, _deck = indexed
    document, pages = _pages(backend, "Gisagara")
    assert document.kind == "pptx"
    assert (pages[0].number, pages[0].label, pages[0].anchor) == (2, "slide 2", "#slide=2")


def test_the_search_page_links_to_the_sheet_row_and_slide(client, indexed):
    _backend, workbook, deck = indexed
    html = client.get(reverse("search"), {"q": "Nyamagabe"}).content.decode()
    assert "sheet Returns 2025, row 412</a>" in html
    assert f'{workbook.url}#sheet=Returns%202025&amp;row=412"' in html
    html = client.get(reverse("search"), {"q": "Gisagara"}).content.decode()
    assert f'{deck.url}#slide=2"' in html and "slide 2</a>" in html
