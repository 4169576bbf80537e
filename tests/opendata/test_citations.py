"""Citations: APA and Chicago on the page, BibTeX, RIS and CSL-JSON read back by real parsers."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy
from lxml import html

from .conftest import SECRET, publish

pytestmark = pytest.mark.django_db


def _url(page, ext: str) -> str:
    return f"{page.url.rstrip('/')}/cite.{ext}"


def test_bibtex_of_a_resource(client, network):
    baseline = network.public["baseline"]
    response = client.get(_url(baseline, "bib"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "techreport"
    assert entry["title"] == "{Labour migration baseline}"
    assert entry["author"] == "{International Organization for Migration}"
    assert entry["year"] == "2020"
    assert entry["url"] == f"http://testserver{baseline.url}"
    assert r"\&" in entry["abstract"]  # LaTeX's specials escaped


def test_ris_of_a_resource(client, network):
    baseline = network.public["baseline"]
    response = client.get(_url(baseline, "ris"))
    [entry] = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == "Labour migration baseline"
    assert entry["authors"] == ["International Organization for Migration"]
    assert entry["year"] == "2020"
    assert entry["urls"] == [f"http://testserver{baseline.url}"]
    assert entry["keywords"] == ["GCM objective 6"]


def test_csl_json_of_a_resource(client, network):
    dataset = network.public["dataset"]
    response = client.get(_url(dataset, "json"))
    [item] = json.loads(response.content)
    assert item["type"] == "dataset"
    assert item["title"] == "Border crossings dataset"
    assert item["issued"] == {"date-parts": [[2023, 1, 1]]}


def test_a_collection_exports_its_public_items(client, network):
    collection = network.collection
    response = client.get(_url(collection, "bib"))
    library = bibtexparser.parse_string(response.content.decode())
    assert [e["title"] for e in library.entries] == [
        "{Labour migration baseline}",
        "{Remittance corridors}",
    ]
    assert SECRET.encode() not in response.content
    entries = rispy.loads(client.get(_url(collection, "ris")).content.decode())
    assert len(entries) == 2
    assert len(json.loads(client.get(_url(collection, "json")).content)) == 2


def test_hidden_resources_cannot_be_cited(client, network):
    restricted = network.restricted
    assert client.get(_url(restricted, "bib")).status_code == 404
    assert client.get("/library/no-such-thing/cite.ris").status_code == 404
    assert client.get("/library/cite.json").status_code == 404  # not a resource


def test_the_page_offers_apa_and_chicago(client, network, library):
    tricky = publish(
        library,
        "<script>alert(1)</script> Returns",
        organisations=[network.organisation],
        date=__import__("datetime").date(2022, 5, 4),
    )
    response = client.get(tricky.url)
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    [box] = tree.xpath('//section[@id="cite"]')
    text = box.text_content()
    assert "APA" in text and "Chicago" in text
    assert "International Organization for Migration. (2022)" in text  # APA's author (year).
    assert "International Organization for Migration. 2022." in text  # Chicago author-date
    assert not box.xpath(".//script")
    assert b"<script>alert(1)</script>" not in response.content
    hrefs = box.xpath(".//a/@href")
    assert hrefs == [_url(tricky, ext) for ext in ("bib", "ris", "json")]
