"""The search page's answers to bad input: a clear message, never a 500."""

import pytest

from search.query import MAX_QUERY_LENGTH

from .records import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(search_backend, library):
    from library.models import ResourcePage

    pages = []
    for n in range(1, 13):
        page = ResourcePage(title=f"Migration brief {n}", slug=f"brief-{n}", summary="A brief.")
        library.add_child(instance=page)
        pages.append(page)
    search_backend.index([record(page.pk, page.title, objectives=(6,)) for page in pages])
    return pages


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * (MAX_QUERY_LENGTH + 1)},
        {"q": "migration\x00brief"},
        {"q": "a", "page": "abc"},
        {"q": "a", "page": "0"},
        {"q": "a", "page": "-1"},
    ],
)
def test_bad_parameters_get_a_400_page_with_a_message(client, indexed, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert b'role="alert"' in response.content


@pytest.mark.parametrize("q", ['"migration brief', "(migration brief", "migration] brief["])
def test_unbalanced_quotes_and_brackets_say_so_and_search_the_words(client, indexed, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 400
    html = response.content.decode()
    assert "unmatched quote or bracket" in html
    assert "12 resources found" in html  # still searched, for the plain words


def test_page_past_the_end_is_404(client, indexed):
    assert client.get("/search/", {"q": "migration", "page": "2"}).status_code == 200
    assert client.get("/search/", {"q": "migration", "page": "3"}).status_code == 404
    assert client.get("/search/", {"q": "nothingmatches", "page": "2"}).status_code == 404


def test_results_are_paginated_with_links(client, indexed):
    html = client.get("/search/", {"q": "migration"}).content.decode()
    assert "12 resources found" in html
    assert "page=2" in html and html.count('class="hit"') == 10


def test_unknown_objective_is_ignored_with_a_notice(client, indexed):
    response = client.get("/search/", {"q": "migration", "objective": ["6", "99", "abc"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no GCM objective “99”" in html
    assert "12 resources found" in html


def test_empty_query_shows_the_search_form(client, indexed):
    response = client.get("/search/")
    assert response.status_code == 200
    assert b'name="q"' in response.content


def test_zero_results_page_helps(client, indexed):
    response = client.get("/search/", {"q": "zzzyx"})
    assert response.status_code == 200
    assert "Check the spelling" in response.content.decode()


def test_unreachable_elasticsearch_gives_503_and_the_site_keeps_working(client, library, settings):
    from search.backends import get_backend

    settings.HUB_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.ELASTICSEARCH_TIMEOUT_SECONDS = 2
    get_backend.cache_clear()
    response = client.get("/search/", {"q": "migration"})
    assert response.status_code == 503
    assert "Search is not available right now" in response.content.decode()
    assert client.get("/").status_code == 200
    get_backend.cache_clear()


def test_unknown_filter_names_are_ignored_with_a_notice(client, indexed):
    response = client.get("/search/", {"q": "migration", "colour": "blue", "utm": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no filter “colour”" in html and "utm" not in html
    assert "12 resources found" in html
