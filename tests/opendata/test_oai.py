"""OAI-PMH 2.0: every answer valid against the protocol's schema (and oai_dc's), the protocol's
errors, tombstones, and a real harvester reading the live server."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.utils import timezone

import pytest
from lxml import etree

from opendata import oai
from opendata.models import WithdrawnResource

from .conftest import SECRET, publish

pytestmark = pytest.mark.django_db

XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "xsd" / "harvest.xsd")))
NS = {"o": oai.OAI, "oai_dc": oai.OAI_DC, "dc": oai.DC}


def ask(client, **params) -> etree._Element:
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    tree = etree.fromstring(response.content)
    XSD.assertValid(tree)
    assert SECRET.encode() not in response.content
    return tree


def error_code(tree) -> str | None:
    errors = tree.xpath("o:error/@code", namespaces=NS)
    return errors[0] if errors else None


def identifiers(tree) -> list[str]:
    return tree.xpath("//o:header/o:identifier/text()", namespaces=NS)


def test_identify(client, network):
    tree = ask(client, verb="Identify")
    assert tree.xpath("string(o:Identify/o:baseURL)", namespaces=NS) == "http://testserver/oai/"
    assert tree.xpath("string(o:Identify/o:deletedRecord)", namespaces=NS) == "persistent"
    assert tree.xpath("string(o:request/@verb)", namespaces=NS) == "Identify"


def test_metadata_formats_and_sets(client, network):
    tree = ask(client, verb="ListMetadataFormats")
    assert tree.xpath("//o:metadataPrefix/text()", namespaces=NS) == ["oai_dc"]
    baseline = oai.identifier(network.public["baseline"].pk)
    ask(client, verb="ListMetadataFormats", identifier=baseline)
    tree = ask(client, verb="ListMetadataFormats", identifier=oai.identifier(network.draft.pk))
    assert error_code(tree) == "idDoesNotExist"
    tree = ask(client, verb="ListSets")
    specs = tree.xpath("//o:setSpec/text()", namespaces=NS)
    assert "objective:6" in specs and "type:policy-brief" in specs and len(specs) == 2 + 23 + 10


def test_list_records_are_public_dublin_core(client, network):
    tree = ask(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert sorted(identifiers(tree)) == sorted(
        oai.identifier(p.pk) for p in network.public.values()
    )
    baseline = oai.identifier(network.public["baseline"].pk)
    [record] = tree.xpath(f'//o:record[o:header/o:identifier="{baseline}"]', namespaces=NS)
    dc = record.find("o:metadata/oai_dc:dc", NS)
    assert dc.findtext("dc:title", namespaces=NS) == "Labour migration baseline"
    assert dc.findtext("dc:creator", namespaces=NS) == "International Organization for Migration"
    assert dc.findtext("dc:date", namespaces=NS) == "2020-03-15"
    assert "objective:6" in record.xpath("o:header/o:setSpec/text()", namespaces=NS)
    assert "application/pdf" in dc.xpath("dc:format/text()", namespaces=NS)


def test_sets_and_dates_select(client, network):
    tree = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="objective:20")
    assert identifiers(tree) == [oai.identifier(network.public["corridors"].pk)]
    tree = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:dataset")
    assert identifiers(tree) == [oai.identifier(network.public["dataset"].pk)]
    tomorrow = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    tree = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": tomorrow})
    assert error_code(tree) == "noRecordsMatch"
    today = timezone.now().strftime("%Y-%m-%d")
    tree = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until=today)
    assert len(identifiers(tree)) == 3
    now = oai.stamp(timezone.now() + datetime.timedelta(seconds=1))
    tree = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until=now)
    assert len(identifiers(tree)) == 3


def test_get_record(client, network):
    baseline = oai.identifier(network.public["baseline"].pk)
    tree = ask(client, verb="GetRecord", identifier=baseline, metadataPrefix="oai_dc")
    assert identifiers(tree) == [baseline]
    for hidden in (network.restricted, network.draft):
        tree = ask(
            client, verb="GetRecord", identifier=oai.identifier(hidden.pk), metadataPrefix="oai_dc"
        )
        assert error_code(tree) == "idDoesNotExist"


@pytest.mark.parametrize(
    "params, code",
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2024-01-02",
                "until": "2024-01-01",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2024-01-01",
                "until": "2024-01-02T00:00:00Z",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "no spaces"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "identifier": "oai:x:resource/1", "metadataPrefix": "oai_dc"},
            "idDoesNotExist",
        ),
        ({"verb": "ListRecords", "resumptionToken": "garbage!"}, "badResumptionToken"),
        (
            {"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "objective:99"},
            "noRecordsMatch",
        ),
    ],
)
def test_protocol_errors(client, network, params, code):
    tree = ask(client, **params)
    assert error_code(tree) == code
    if code in ("badVerb", "badArgument"):
        assert not tree.find("o:request", NS).attrib  # the base URL only, as the protocol says


def test_repeated_verb_is_bad(client, network):
    response = client.get("/oai/?verb=Identify&verb=Identify")
    tree = etree.fromstring(response.content)
    XSD.assertValid(tree)
    assert error_code(tree) == "badVerb"


def test_post_is_answered_too(client, network):
    response = client.post("/oai/", {"verb": "Identify"})
    tree = etree.fromstring(response.content)
    XSD.assertValid(tree)
    assert error_code(tree) is None


def test_resumption_tokens_walk_the_whole_list(client, network, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    tree = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    seen = identifiers(tree)
    token = tree.find(".//o:resumptionToken", NS)
    assert token.get("completeListSize") == "3" and token.get("cursor") == "0"
    tree = ask(client, verb="ListIdentifiers", resumptionToken=token.text)
    seen += identifiers(tree)
    last = tree.find(".//o:resumptionToken", NS)
    assert last.text is None and last.get("cursor") == "2"
    assert sorted(seen) == sorted(oai.identifier(p.pk) for p in network.public.values())


def test_withdrawn_resources_become_tombstones(client, network, library):
    corridors = network.public["corridors"]
    corridors.unpublish()
    dataset = network.public["dataset"]
    dataset_id = oai.identifier(dataset.pk)
    dataset.delete()
    baseline = network.public["baseline"]
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=baseline, restriction_type="login")
    # Never public: unpublishing and deleting these leaves no trace.
    network.draft.delete()
    network.restricted.unpublish()

    tree = ask(client, verb="ListRecords", metadataPrefix="oai_dc")
    deleted = tree.xpath('//o:header[@status="deleted"]/o:identifier/text()', namespaces=NS)
    expected = {oai.identifier(corridors.pk), dataset_id, oai.identifier(baseline.pk)}
    assert set(deleted) == expected
    assert set(identifiers(tree)) == expected
    assert not tree.xpath('//o:record[o:header/@status="deleted"]/o:metadata', namespaces=NS)
    # A tombstone stays in its sets, so a selective harvest hears of it.
    tree = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="objective:20")
    assert identifiers(tree) == [oai.identifier(corridors.pk)]
    tree = ask(client, verb="GetRecord", identifier=dataset_id, metadataPrefix="oai_dc")
    assert tree.xpath("//o:header/@status", namespaces=NS) == ["deleted"]

    # Published again: live once more, with a datestamp after its withdrawal.
    corridors.save_revision().publish()
    tree = ask(
        client, verb="GetRecord", identifier=oai.identifier(corridors.pk), metadataPrefix="oai_dc"
    )
    assert not tree.xpath("//o:header/@status", namespaces=NS)
    assert WithdrawnResource.objects.count() == 3


@pytest.fixture
def live_url(db):
    """A live server inside the test's own transaction (the in-memory database's connection is
    shared with the server's thread): pytest-django's `live_server` would flush every table,
    the migrations' rows too, for the tests after it."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server.url
    server.stop()


@pytest.mark.django_db
def test_a_real_harvester_reads_everything(live_url, network, library, monkeypatch):
    from oaipmh_scythe import Scythe

    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    extra = [publish(library, f"Harvest note {n}", objectives=(6,)) for n in range(3)]
    network.public["corridors"].unpublish()
    with Scythe(f"{live_url}/oai/") as scythe:
        identify = scythe.identify()
        assert identify.protocolVersion == "2.0"
        records = list(scythe.list_records(metadata_prefix="oai_dc"))
        live = {r.header.identifier: r.metadata["title"][0] for r in records if not r.deleted}
        deleted = {r.header.identifier for r in records if r.deleted}
        expected = [network.public["baseline"], network.public["dataset"], *extra]
        assert live == {oai.identifier(p.pk): p.title for p in expected}
        assert deleted == {oai.identifier(network.public["corridors"].pk)}
        sets = {s.setSpec for s in scythe.list_sets()}
        assert "objective:6" in sets
        record = scythe.get_record(oai.identifier(extra[0].pk))
        assert record.metadata["title"] == ["Harvest note 0"]
        headers = list(scythe.list_identifiers(metadata_prefix="oai_dc", set_="objective:6"))
        assert len(headers) == 5
