"""'Did you mean ...?' from the index's own vocabulary, and the zero-results help."""

from django.http import QueryDict
from django.template.loader import render_to_string

import pytest

from search.contract import SearchRequest
from search.query import parse_query
from search.spelling import did_you_mean, rewrite, spelling_context

from .records import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(search_backend):
    search_backend.index(
        [
            record(1, "Remittances and financial inclusion", summary="Sending money home."),
            record(2, "Diaspora remittances", body="Remittances support families."),
            record(3, "Counter-trafficking handbook", body="Victims of trafficking in persons."),
            record(
                4,
                "Border management",
                body="Migration and borders.",
                pages=["Human trafficking is a crime.", "Remittances flow."],
            ),
            *[
                record(10 + n, f"Migration brief {n}", body="Migration data for Rwanda.")
                for n in range(6)
            ],
        ]
    )
    return search_backend


def _context(backend, q: str, params: str = "", **kwargs) -> dict:
    query = parse_query(q)
    total = backend.search(SearchRequest(query=query)).total
    return spelling_context(backend, query, total, params=QueryDict(params or f"q={q}"), **kwargs)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("remitances", "remittances"),
        ("trafficing", "trafficking"),
        ("diaspora remitances", "diaspora remittances"),
        ('"human trafficing"', '"human trafficking"'),
        ("Remitances -diaspora", "remittances -diaspora"),
    ],
)
def test_misspelled_words_are_corrected_from_the_index(indexed, typed, expected):
    context = _context(indexed, typed)
    assert context["did_you_mean"] == expected


def test_the_link_keeps_other_parameters_and_drops_the_page(indexed):
    context = _context(indexed, "remitances", params="q=remitances&objective=20&page=2&sort=new")
    url = context["did_you_mean_url"]
    assert url.startswith("?")
    assert QueryDict(url[1:]).dict() == {"q": "remittances", "objective": "20", "sort": "new"}
    assert context["filters_active"] is True
    assert context["unfiltered_url"] == "?q=remitances"


def test_nothing_proposed_for_a_query_with_many_hits(indexed):
    context = _context(indexed, "migration")
    assert context["did_you_mean"] == ""
    # Even asked directly, a word the index knows well is left alone.
    assert did_you_mean(indexed, parse_query("migration"), 0) == ""


def test_nothing_proposed_when_no_word_is_close(indexed):
    assert _context(indexed, "xylophone")["did_you_mean"] == ""
    assert _context(indexed, "qwertyuiop zxcvb")["did_you_mean"] == ""


def test_correction_must_find_more_with_the_same_filters(indexed):
    query = parse_query("remitances")
    filtered = SearchRequest(query=query, objectives=(7,))
    total = indexed.search(filtered).total
    context = spelling_context(indexed, query, total, search_request=filtered)
    assert context["did_you_mean"] == ""  # no resource on objective 7 has remittances either


def test_rewrite_keeps_the_query_as_typed():
    assert rewrite('"Remitances" -x trafficing', {"remitances": "remittances"}) == (
        '"remittances" -x trafficing'
    )


def test_engine_unreachable_means_no_suggestion_not_an_error(settings, db):
    from search.backends import get_backend

    settings.HUB_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    get_backend.cache_clear()
    try:
        context = spelling_context(get_backend(), parse_query("remitances"), 0)
    finally:
        get_backend.cache_clear()
    assert context["did_you_mean"] == ""


def test_partials_render_the_suggestion_and_the_help(indexed):
    context = {"query": "remitances", **_context(indexed, "remitances", "q=remitances&type=x")}
    did_you_mean_html = render_to_string("search/_did_you_mean.html", context)
    assert 'href="?q=remittances&amp;type=x"' in did_you_mean_html
    assert "<strong>remittances</strong>" in did_you_mean_html
    zero = render_to_string("search/_zero_results.html", context)
    assert "Check the spelling" in zero and "remittances" in zero
    assert 'href="?q=remitances"' in zero  # the same words without filters
    assert 'href="/objectives/"' in zero and 'href="/library/"' in zero
    plain = render_to_string(
        "search/_zero_results.html", {"query": "<b>x</b>", **_context(indexed, "zzzz")}
    )
    assert "without filters" not in plain and "<b>x</b>" not in plain
    assert render_to_string("search/_did_you_mean.html", {"did_you_mean": ""}).strip() == ""
