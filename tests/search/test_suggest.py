"""As-you-type suggestions: /search/suggest?q= and the script that uses it in the search box."""

from django.contrib.staticfiles import finders

import pytest

from hub.organisations import Organisation
from library.models import ResourcePage

from .records import record

pytestmark = pytest.mark.django_db


def _publish(library, title: str) -> ResourcePage:
    page = ResourcePage(title=title, slug=title.lower().replace(" ", "-")[:50], summary="A brief.")
    library.add_child(instance=page)
    return page


@pytest.fixture
def pages(search_backend, library):
    published = [
        _publish(library, "Migration governance in Rwanda"),
        _publish(library, "Migrant workers and remittances"),
        _publish(library, "Labour mobility in the region"),
    ]
    search_backend.index([record(page.pk, page.title) for page in published])
    # In the database, live, but never indexed: the engine is the source of titles.
    _publish(library, "Migrants unindexed brief")
    # In the index (as if stale) but no longer live: checked against the database.
    withdrawn = _publish(library, "Migration withdrawn report")
    search_backend.index([record(withdrawn.pk, withdrawn.title)])
    withdrawn.unpublish()
    Organisation.objects.create(
        name="International Organization for Migration", acronym="IOM", slug="iom"
    )
    Organisation.objects.create(name="UN Refugee Agency", acronym="UNHCR", slug="unhcr")
    return published


def _suggest(client, q: str, status: int = 200) -> dict:
    response = client.get("/search/suggest", {"q": q})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def _labels(data: dict, kind: str) -> list[str]:
    return [s["label"] for s in data["suggestions"] if s["kind"] == kind]


def test_titles_by_prefix_of_the_last_word(client, pages):
    data = _suggest(client, "mig")
    assert data["query"] == "mig"
    titles = _labels(data, "resource")
    assert set(titles) == {"Migration governance in Rwanda", "Migrant workers and remittances"}
    # A partial word whose stem differs from its prefix still finds the title.
    assert _labels(_suggest(client, "migratio"), "resource") == ["Migration governance in Rwanda"]
    assert _labels(_suggest(client, "migrant work"), "resource") == [
        "Migrant workers and remittances"
    ]
    assert _labels(_suggest(client, "labour mob"), "resource") == ["Labour mobility in the region"]
    suggestion = data["suggestions"][0]
    assert set(suggestion) == {"label", "kind", "url"}
    resource = next(s for s in data["suggestions"] if s["kind"] == "resource")
    assert resource["url"].startswith("/")


def test_at_most_eight_with_every_kind_given_room(client, search_backend, library):
    published = [_publish(library, f"Migration brief {n}") for n in range(12)]
    search_backend.index([record(page.pk, page.title) for page in published])
    Organisation.objects.create(
        name="International Organization for Migration", acronym="IOM", slug="iom"
    )
    data = _suggest(client, "migration")
    assert len(data["suggestions"]) == 8
    kinds = {s["kind"] for s in data["suggestions"]}
    assert kinds == {"resource", "objective", "organisation"}


def test_titles_not_public_never_appear(client, pages):
    titles = _labels(_suggest(client, "migra"), "resource")
    assert "Migrants unindexed brief" not in titles
    assert "Migration withdrawn report" not in titles
    assert _labels(_suggest(client, "unindexed"), "resource") == []
    assert _labels(_suggest(client, "withdrawn"), "resource") == []


def test_objectives_by_number_and_by_word(client, pages):
    by_number = _suggest(client, "20")
    objectives = [s for s in by_number["suggestions"] if s["kind"] == "objective"]
    assert objectives[0]["label"].startswith("20. ")
    assert objectives[0]["url"].startswith("/objectives/20/")
    assert _labels(_suggest(client, "objective 20"), "objective")[0].startswith("20. ")
    by_word = _labels(_suggest(client, "remittances"), "objective")
    assert [label[:3] for label in by_word] == ["20."]
    assert _labels(_suggest(client, "remittances"), "resource") == [
        "Migrant workers and remittances"
    ]


def test_organisations_by_acronym_and_name(client, pages):
    data = _suggest(client, "iom")
    assert _labels(data, "organisation") == ["International Organization for Migration (IOM)"]
    assert data["suggestions"][-1]["url"] == "/organisations/iom/"
    assert _labels(_suggest(client, "refugee"), "organisation") == ["UN Refugee Agency (UNHCR)"]


def test_short_query_gets_an_empty_list(client, pages):
    for q in ("", "m", " m "):
        assert _suggest(client, q)["suggestions"] == []


@pytest.mark.parametrize("q", ["x" * 1001, "x" * 101, "mig\x00ration"])
def test_long_query_or_nul_is_a_400_json_error(client, pages, q):
    data = _suggest(client, q, status=400)
    assert data["error"]
    assert data["suggestions"] == []


def test_answers_are_cacheable_for_a_minute(client, pages):
    response = client.get("/search/suggest", {"q": "mig"})
    assert "max-age=60" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert client.post("/search/suggest", {"q": "mig"}).status_code == 405


def test_engine_unreachable_still_suggests_objectives_and_organisations(client, settings, db):
    from search.backends import get_backend

    Organisation.objects.create(
        name="International Organization for Migration", acronym="IOM", slug="iom"
    )
    settings.HUB_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    get_backend.cache_clear()
    try:
        response = client.get("/search/suggest", {"q": "migra"})
        assert response.status_code == 200
        data = response.json()
        assert _labels(data, "resource") == []
        assert _labels(data, "organisation") == ["International Organization for Migration (IOM)"]
        assert _labels(data, "objective")  # several objectives speak of migration
        assert "no-store" in response["Cache-Control"]
        assert _suggest(client, "20")["suggestions"][0]["label"].startswith("20. ")
    finally:
        get_backend.cache_clear()


def test_script_is_served_and_referenced_in_every_page(client, library):
    path = finders.find("hub/js/suggest.js")
    assert path
    source = open(path, encoding="utf-8").read()
    assert 'setAttribute("role", "combobox")' in source
    assert "aria-activedescendant" in source
    assert "innerHTML" not in source
    html = client.get("/search/").content.decode()
    assert '<script src="/static/hub/js/suggest.js"' in html
    assert 'data-suggest-url="/search/suggest"' in html
    assert " defer>" in html
