"""Rich previews: schema.org JSON-LD and Open Graph / Twitter meta, parsed out of the pages."""

from __future__ import annotations

import datetime
import json

import pytest
from lxml import html

from .conftest import SECRET, publish

pytestmark = pytest.mark.django_db


def _head(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    scripts = tree.xpath('//head/script[@type="application/ld+json"]/text()')
    assert len(scripts) == 1
    meta = {
        (m.get("property") or m.get("name")): m.get("content") for m in tree.xpath("//head/meta")
    }
    return json.loads(scripts[0]), meta, response


def test_resource_report(client, network):
    baseline = network.public["baseline"]
    data, meta, _response = _head(client, baseline.url)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["name"] == baseline.title
    assert data["datePublished"] == "2020-03-15"
    assert data["author"] == [
        {"@type": "Organization", "name": "International Organization for Migration"}
    ]
    assert data["about"][0]["termCode"] == "6"
    [media] = data["associatedMedia"]
    assert media["encodingFormat"] == "application/pdf"
    assert meta["og:title"] == baseline.title
    assert meta["og:type"] == "article"
    assert meta["og:url"] == f"http://testserver{baseline.url}"
    assert meta["twitter:card"] == "summary"
    assert meta["og:description"].startswith("A baseline of labour migration & wages <in>")


def test_dataset_has_its_distribution(client, network, library):
    from tests.search.access_world import make_document

    document = make_document("Crossings table", ["Table."])
    page = publish(library, "Crossings data", type="dataset", document=document)
    data, _meta, _response = _head(client, page.url)
    assert data["@type"] == "Dataset"
    assert data["distribution"][0]["@type"] == "DataDownload"


def test_markup_in_a_title_cannot_break_out_of_the_script(client, network, library):
    page = publish(library, "Returns </script><script>alert(1)</script>")
    data, meta, response = _head(client, page.url)
    assert data["name"] == "Returns </script><script>alert(1)</script>"
    assert meta["og:title"] == data["name"]
    assert b"<script>alert(1)" not in response.content


def test_collection(client, network):
    data, meta, response = _head(client, network.collection.url)
    assert data["@type"] == "Collection"
    assert [part["name"] for part in data["hasPart"]] == [
        "Labour migration baseline",
        "Remittance corridors",
    ]
    assert SECRET.encode() not in response.content
    assert meta["og:title"] == "Labour pack"


def test_objective(client, network):
    data, meta, _response = _head(client, "/objectives/6/")
    assert data["@type"] == "DefinedTerm"
    assert data["termCode"] == "6"
    assert meta["og:title"].startswith("6. ")


def test_meeting_is_an_event(client, network):
    from governance.models import MeetingIndexPage, MeetingPage

    home = network.collection.get_parent().get_parent()
    meetings = home.add_child(instance=MeetingIndexPage(title="Meetings", slug="meetings"))
    meeting = meetings.add_child(
        instance=MeetingPage(
            title="Quarterly meeting Q2",
            slug="q2",
            date=datetime.date(2026, 5, 12),
            start_time=datetime.time(9, 30),
            location="IOM Kigali office",
        )
    )
    data, meta, _response = _head(client, meeting.url)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-05-12T09:30:00"
    assert data["location"] == {"@type": "Place", "name": "IOM Kigali office"}
    assert meta["og:title"] == "Quarterly meeting Q2"
