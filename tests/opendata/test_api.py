"""The JSON API: browse and search like the site, bad input answered in JSON, public only."""

from __future__ import annotations

import json

import pytest

from opendata import api
from tests.search.access_world import make_document

from .conftest import SECRET, publish

pytestmark = pytest.mark.django_db


def _get(client, path, **params):
    response = client.get(path, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response, response.json()


def test_browse_lists_public_resources_newest_first_with_facets(client, network):
    response, body = _get(client, "/api/v1/resources/")
    assert response.status_code == 200
    assert [r["title"] for r in body["results"]] == [
        "Remittance corridors",
        "Border crossings dataset",
        "Labour migration baseline",
    ]
    assert body["count"] == 3
    objective_counts = {f["value"]: f["count"] for f in body["facets"]["objective"]}
    assert objective_counts == {"6": 2, "20": 1}  # the restricted and draft ones never counted
    assert response["Access-Control-Allow-Origin"] == "*"


def test_browse_filters_like_the_library(client, network):
    _response, body = _get(client, "/api/v1/resources/", objective="6", type="study")
    assert [r["title"] for r in body["results"]] == ["Labour migration baseline"]
    _response, body = _get(client, "/api/v1/resources/", organisation="iom", year="2024")
    assert [r["title"] for r in body["results"]] == ["Remittance corridors"]


def test_a_resource_carries_its_metadata_and_files(client, network):
    baseline = network.public["baseline"]
    _response, body = _get(client, "/api/v1/resources/", objective="6", type="study")
    row = body["results"][0]
    assert row["id"] == baseline.pk
    assert row["url"].startswith("http://testserver/library/")
    assert row["type"] == {"value": "study", "label": "Study or assessment"}
    assert row["date"] == "2020-03-15"
    assert row["objectives"][0]["number"] == 6
    assert row["organisations"] == [
        {"slug": "iom", "name": "International Organization for Migration", "acronym": "IOM"}
    ]
    assert row["languages"] == [{"code": "en", "name": "English"}]
    [attachment] = row["attachments"]
    assert attachment["page_count"] == 2
    assert attachment["format"] == "pdf"
    assert attachment["url"].startswith("http://testserver/documents/")


def test_detail_has_versions_and_hides_what_is_not_public(client, network, library):
    baseline = network.public["baseline"]
    french = publish(library, "Référence migration de travail", languages=("fr",))
    french.translation_of = baseline
    french.save_revision().publish()
    _response, body = _get(client, f"/api/v1/resources/{baseline.pk}/")
    assert body["title"] == baseline.title
    assert [t["title"] for t in body["translations"]] == [french.title]
    assert body["translation_of"] is None
    assert "body_html" in body
    for hidden in (network.restricted, network.draft):
        response, body = _get(client, f"/api/v1/resources/{hidden.pk}/")
        assert response.status_code == 404
        assert SECRET not in json.dumps(body)


def test_members_see_members_material(client, network, django_user_model):
    from django.contrib.auth.models import Group

    member = django_user_model.objects.create_user("member", password="pw-member-1")
    member.groups.add(Group.objects.get_or_create(name="Members")[0])
    client.force_login(member)
    response, _body = _get(client, f"/api/v1/resources/{network.restricted.pk}/")
    assert response.status_code == 200


def test_search_is_the_search_pages_search_with_pages_of_files(client, indexed_network):
    response, body = _get(client, "/api/v1/resources/", q="remittances")
    assert response.status_code == 200
    titles = [r["title"] for r in body["results"]]
    assert "Labour migration baseline" in titles
    assert not any(SECRET in t for t in titles)
    assert body["count"] == len(titles)
    baseline = next(r for r in body["results"] if r["title"] == "Labour migration baseline")
    [document] = baseline["search"]["documents"]
    assert document["pages"][0]["number"] == 2
    assert "<mark>" in document["pages"][0]["fragment_html"]
    assert document["pages"][0]["url"].endswith("#page=2")


def test_an_unmatched_quote_still_searches_the_words_and_says_so(client, indexed_network):
    response, body = _get(client, "/api/v1/resources/", q='"remittances')
    assert response.status_code == 200
    assert "Labour migration baseline" in [r["title"] for r in body["results"]]
    assert body["notices"]


def test_search_uses_the_synonyms(client, indexed_network):
    from search.models import SynonymGroup

    SynonymGroup.objects.create(terms="remittances, money transfers")
    from django.core.cache import cache

    cache.clear()
    _response, body = _get(client, "/api/v1/resources/", q="money transfers")
    assert "Labour migration baseline" in [r["title"] for r in body["results"]]


def test_search_pages_up_to_a_hundred(client, search_backend, library):
    from search.indexing import sync_resources

    pages = [publish(library, f"Kinyarwanda wetland study {n}") for n in range(1, 106)]
    sync_resources([p.pk for p in pages])
    _response, first = _get(client, "/api/v1/resources/", q="wetland", per_page="100")
    assert first["count"] == 105 and len(first["results"]) == 100
    assert first["next"] and first["page_count"] == 2
    _response, second = _get(client, "/api/v1/resources/", q="wetland", per_page="100", page="2")
    assert len(second["results"]) == 5
    seen = {r["id"] for r in first["results"]} | {r["id"] for r in second["results"]}
    assert seen == {p.pk for p in pages}
    # A window that straddles the engine's own pages comes back whole and in order.
    _response, middle = _get(client, "/api/v1/resources/", q="wetland", per_page="30", page="2")
    assert [r["id"] for r in middle["results"]] == [r["id"] for r in first["results"][30:60]]


@pytest.mark.parametrize(
    "params",
    [
        {"per_page": "101"},
        {"per_page": "0"},
        {"per_page": "ten"},
        {"page": "0"},
        {"page": "x"},
        {"q": "migration\x00x"},
        {"q": "x" * 1001},
    ],
)
def test_bad_values_get_a_json_400(client, network, params):
    response, body = _get(client, "/api/v1/resources/", **params)
    assert response.status_code == 400
    assert body["error"]["status"] == 400 and body["error"]["message"]


def test_unknown_parameters_and_values_are_ignored_with_a_notice(client, network):
    response, body = _get(client, "/api/v1/resources/", colour="blue", objective="99")
    assert response.status_code == 200
    assert body["count"] == 3
    assert any("colour" in notice for notice in body["notices"])
    assert any("99" in notice for notice in body["notices"])


def test_a_page_past_the_end_is_a_json_404(client, network):
    response, body = _get(client, "/api/v1/resources/", page="9")
    assert response.status_code == 404 and body["error"]["message"]


def test_vocabularies_count_public_resources_only(client, network):
    _response, body = _get(client, "/api/v1/objectives/")
    counts = {o["number"]: o["resource_count"] for o in body["results"]}
    assert len(counts) == 23 and counts[6] == 2 and counts[20] == 1
    _response, body = _get(client, "/api/v1/organisations/")
    assert {o["slug"]: o["resource_count"] for o in body["results"]} == {"iom": 2}


def test_working_groups_and_collections_are_listed(client, network):
    from hub.organisations import WorkingGroup

    group = WorkingGroup.objects.create(name="Data TWG", slug="data-twg")
    dataset = network.public["dataset"]
    dataset.working_group = group
    dataset.save_revision().publish()
    network.restricted.working_group = group
    network.restricted.save_revision().publish()
    _response, body = _get(client, "/api/v1/working-groups/")
    [row] = [g for g in body["results"] if g["slug"] == "data-twg"]
    assert row["resource_count"] == 1
    _response, body = _get(client, "/api/v1/resources/", twg="data-twg")
    assert [r["title"] for r in body["results"]] == ["Border crossings dataset"]
    _response, body = _get(client, "/api/v1/collections/")
    assert [c["title"] for c in body["results"]] == ["Labour pack"]
    response, body = _get(client, "/api/v1/collections/", page="7")
    assert response.status_code == 404


def test_a_collection_lists_its_public_resources_in_order(client, network):
    _response, body = _get(client, f"/api/v1/collections/{network.collection.pk}/")
    assert [r["title"] for r in body["resources"]] == [
        "Labour migration baseline",
        "Remittance corridors",
    ]
    assert body["count"] == 2
    assert [r["note"] for r in body["resources"]] == ["note 0", "note 3"]
    response, _body = _get(client, "/api/v1/collections/999999/")
    assert response.status_code == 404


def test_the_schema_describes_every_api_address(client, network):
    response, schema = _get(client, "/api/v1/schema/")
    assert schema["openapi"].startswith("3.1")
    from opendata.urls import urlpatterns

    api_paths = {
        "/"
        + str(p.pattern)
        .removeprefix("api/v1/")
        .replace("<int:resource_id>", "{id}")
        .replace("<int:collection_id>", "{id}")
        for p in urlpatterns
        if str(p.pattern).startswith("api/v1/")
        and str(p.pattern) not in ("api/v1/", "api/v1/schema/")
    }
    assert api_paths == set(schema["paths"])
    for path in schema["paths"]:
        assert "429" in schema["paths"][path]["get"]["responses"]
    for ref in json.dumps(schema).split('"$ref": "')[1:]:
        name = ref.split('"')[0].removeprefix("#/components/schemas/")
        assert name in schema["components"]["schemas"]


def test_the_human_page_explains_the_api(client, network):
    response = client.get("/api/")
    assert response.status_code == 200
    assert b"/api/v1/" in response.content and b"per_page" in response.content


def test_cors_preflight_and_reads_only(client, network):
    response = client.options("/api/v1/resources/")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    response = client.post("/api/v1/resources/")
    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405


def test_rate_limit_per_address(client, network, settings):
    from django.core.cache import cache

    cache.clear()
    settings.HUB_API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/objectives/").status_code == 200
    response = client.get("/api/v1/objectives/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    assert response.json()["error"]["status"] == 429
    # Another address has its own allowance.
    assert client.get("/api/v1/objectives/", REMOTE_ADDR="10.0.0.9").status_code == 200
    cache.clear()


def test_behind_the_proxy_the_callers_address_counts(client, network, settings):
    from django.core.cache import cache

    cache.clear()
    settings.HUB_API_RATE_LIMIT = 2
    settings.HUB_PROXY_HOPS = 1
    for _ in range(2):
        assert (
            client.get("/api/v1/objectives/", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code
            == 200
        )
    # A forged entry on the left does not make a new caller of the same address.
    forged = "203.0.113.1, 198.51.100.7"
    assert client.get("/api/v1/objectives/", HTTP_X_FORWARDED_FOR=forged).status_code == 429
    assert client.get("/api/v1/objectives/", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200
    cache.clear()


def test_files_in_a_private_collection_are_left_out(client, network, library):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Members-only files")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = make_document("Private annex", ["Annex."], private)
    page = publish(library, "Public with private annex", document=document)
    _response, body = _get(client, f"/api/v1/resources/{page.pk}/")
    assert body["attachments"] == []


def test_api_constants():
    assert api.MAX_PER_PAGE == 100
