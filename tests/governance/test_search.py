"""Meetings and decisions are found by the hub's search as records of their own type, on both engines,
with the minutes' text page by page, and only by those allowed to see them."""

from __future__ import annotations

import re

from django.core.files.base import ContentFile

import pytest

from governance.search import build_decision_record, build_meeting_record
from hub.demo.files import make_pdf
from library.access import viewer_labels
from library.models import DocumentPageText, HubDocument
from search.contract import SearchRequest
from search.indexing import sync_resources
from search.query import parse_query
from search.records import build_record, is_indexable

pytestmark = pytest.mark.django_db


def found(backend, text: str, user=None, **filters) -> list[int]:
    request = SearchRequest(
        query=parse_query(text),
        filters={k: tuple(v) for k, v in filters.items()},
        access=viewer_labels(user),
    )
    return [hit.resource_id for hit in backend.search(request).hits]


@pytest.fixture
def minutes(record):
    pages = ["Opening and welcome.", "The members agreed the Isange hotline referral pathway."]
    document = HubDocument(title="Minutes of the quarterly meeting")
    document.file.save("minutes.pdf", ContentFile(make_pdf("Minutes", "IOM", pages)), save=False)
    document._set_document_file_metadata()
    document.save()
    for number, text in enumerate(pages, start=1):
        DocumentPageText.objects.update_or_create(
            document=document, number=number, defaults={"text": text}
        )
    meeting = record.public_past
    meeting.minutes = document
    meeting.save_revision().publish()
    return document


def test_meeting_record_carries_facets_and_minutes_pages(record, minutes):
    meeting = record.public_past
    meeting.refresh_from_db()
    built = build_meeting_record(meeting)
    assert built.facets["type"] == ("meeting",)
    assert built.facets["objective"] == ("1", "10")  # from its decisions
    assert built.facets["organisation"] == ("iom", "unhcr")
    assert built.facets["year"] == (str(meeting.date.year),)
    [document] = built.documents
    assert [p.number for p in document.pages] == [1, 2] and "Isange" in document.pages[1].text
    assert "Publish the migration profile" in built.body


def test_decision_record_has_its_own_type(record):
    built = build_decision_record(record.members_decision)
    assert built.facets["type"] == ("decision",)
    assert built.facets["twg"] == ("twg-data-evidence",)
    assert built.facets["organisation"] == ("unfpa",)
    assert built.published == record.members_past.date.isoformat()


def test_meetings_and_decisions_are_registered_record_types(record):
    assert is_indexable(record.public_past) and is_indexable(record.excom_decision)
    assert build_record(record.excom_decision).access != build_record(record.public_decision).access


def test_search_finds_minutes_text_with_the_page(search_backend, record, minutes):
    sync_resources([record.public_past.pk])
    results = search_backend.search(
        SearchRequest(query=parse_query("Isange hotline"), access=viewer_labels(None))
    )
    assert [hit.resource_id for hit in results.hits] == [record.public_past.pk]
    [document] = results.hits[0].documents
    assert [page.number for page in document.pages] == [2]


def test_type_facet_narrows_to_meetings_or_decisions(search_backend, record):
    sync_resources([record.public_past.pk, record.public_decision.pk, record.done_decision.pk])
    # The phrase, so that soft matching's "one word of two" leaves the other decision out.
    assert found(search_backend, '"migration profile"', type=["decision"]) == [
        record.public_decision.pk
    ]
    assert found(search_backend, '"migration profile"', type=["meeting"]) == [record.public_past.pk]


def test_restricted_decision_is_found_only_by_the_executive_committee(
    search_backend, record, member, excom_member
):
    sync_resources([record.excom_past.pk, record.excom_decision.pk, record.members_decision.pk])
    assert found(search_backend, "zanzibarite") == []
    assert found(search_backend, "zanzibarite", member) == []
    # The meeting's record holds its decisions' titles: both are found, by the committee only.
    assert sorted(found(search_backend, "zanzibarite", excom_member)) == sorted(
        [record.excom_decision.pk, record.excom_past.pk]
    )
    assert found(search_backend, "quillwort") == []
    assert found(search_backend, "quillwort", member) == [record.members_decision.pk]


def test_search_page_lists_meetings_and_decisions(search_backend, client, record):
    sync_resources([record.public_past.pk, record.public_decision.pk])
    response = client.get("/search/", {"q": "migration profile"})
    assert response.status_code == 200
    text = re.sub(r"<[^>]+>", "", response.content.decode())  # highlights split the titles
    assert record.public_past.title in text and record.public_decision.title in text


def test_meeting_and_decision_hits_say_their_kind_and_date_and_the_count_says_results(
    search_backend, client, record
):
    sync_resources([record.public_past.pk, record.public_decision.pk])
    html = client.get("/search/", {"q": "migration profile"}).content.decode()
    meeting = record.public_past
    assert meeting.get_meeting_type_display() in html
    assert f'<time datetime="{meeting.date:%Y-%m-%d}">{meeting.date.day} ' in html
    assert '<span class="kind">Decision</span>' in html
    # Meetings and decisions are not resources: the count names them all "results".
    assert re.search(r"\b2 results\b", html) and "resources found" not in html
