"""Synonyms editors keep in the admin: a search for one term finds every term of its group."""

import pytest

from search.contract import SearchRequest
from search.models import SynonymGroup
from search.query import expand_synonyms, parse_query
from search.synonyms import split_terms, synonym_groups, with_synonyms

from .records import record

GROUPS = [
    ["IDP", "internally displaced person", "internally displaced persons"],
    ["GBV", "gender-based violence"],
    ["returnee", "returnees"],
]


def search(backend, text: str):
    query = expand_synonyms(parse_query(text), GROUPS)
    return backend.search(SearchRequest(query=query))


def ids(results) -> list[int]:
    return sorted(hit.resource_id for hit in results.hits)


def test_split_terms_reads_lines_and_commas():
    assert split_terms("IDP, internally  displaced person\nIDPs\n\n, IDP") == [
        "IDP",
        "internally displaced person",
        "IDPs",
    ]


def test_a_unit_that_is_a_term_gets_its_group_as_alternatives():
    query = parse_query("idp Rwanda", GROUPS)
    assert query.units == (("idp",), ("rwanda",))  # what was typed, unchanged
    assert query.options(("idp",)) == (
        ("idp",),
        ("internally", "displaced", "person"),
        ("internally", "displaced", "persons"),
    )
    assert query.options(("rwanda",)) == (("rwanda",),)
    assert query.words == ["idp", "rwanda"]


def test_words_typed_one_by_one_that_make_a_multi_word_term_each_get_its_alternatives():
    # Never rewritten into a required phrase: the words stay as typed, each one satisfied by
    # the group's other terms too.
    query = parse_query("gender based violence Kigali", GROUPS)
    assert query.units == (("gender",), ("based",), ("violence",), ("kigali",))
    for unit in query.units[:3]:
        assert query.options(unit) == (unit, ("gbv",))
    assert query.options(("kigali",)) == (("kigali",),)


def test_no_groups_leave_the_query_as_parsed():
    assert parse_query("idp") == parse_query("idp", [])
    assert expand_synonyms(parse_query("idp"), []).alternatives == ()


def test_an_abbreviation_finds_the_long_form_and_back(search_backend):
    search_backend.index(
        [
            record(1, "Camps for internally displaced persons", body="Shelter in Goma."),
            record(2, "IDP shelter", body="Goma."),
            record(3, "Gender-based violence referral", body="Kigali."),
            record(4, "Unrelated", body="Goma."),
        ]
    )
    assert ids(search(search_backend, "IDP")) == [1, 2]
    assert ids(search(search_backend, '"internally displaced persons"')) == [1, 2]
    # Both words (the abbreviation in either form) first; Goma alone below.
    assert [hit.resource_id for hit in search(search_backend, "IDP Goma").hits] == [1, 2, 4]
    assert ids(search(search_backend, "GBV")) == [3]
    assert ids(search(search_backend, "gender based violence")) == [3]


def test_synonyms_found_are_highlighted(search_backend):
    search_backend.index([record(1, "Camps for internally displaced persons")])
    [hit] = search(search_backend, "idp").hits
    assert "<mark>" in hit.title_html
    assert "displaced" in hit.title_html.split("<mark>", 1)[1]


def test_exclusions_exclude_the_synonyms_too(search_backend):
    search_backend.index(
        [
            record(1, "Returnees and shelter"),
            record(2, "Shelter for a returnee"),
            record(3, "Shelter"),
        ]
    )
    assert ids(search(search_backend, "shelter -returnee")) == [3]


@pytest.mark.django_db
def test_starting_list_is_loaded_and_cached_until_a_group_changes(django_assert_num_queries):
    groups = synonym_groups()
    assert ["GBV", "gender-based violence"] in groups
    assert ["labour migration", "labor migration"] in groups
    with django_assert_num_queries(0):
        synonym_groups()
    group = SynonymGroup.objects.create(terms="asylum seeker\nasylum seekers")
    assert ["asylum seeker", "asylum seekers"] in synonym_groups()
    group.delete()
    assert ["asylum seeker", "asylum seekers"] not in synonym_groups()
    query = with_synonyms(parse_query("labor migration"))
    assert query.units == (("labor",), ("migration",))
    assert ("labour", "migration") in query.options(query.units[0])


@pytest.mark.django_db
def test_the_search_page_expands_synonyms(client, search_backend, library):
    from library.models import ResourcePage

    page = ResourcePage(title="Trafficking in persons toolkit", slug="tip", summary="A toolkit.")
    library.add_child(instance=page)
    search_backend.index([record(page.pk, page.title)])
    html = client.get("/search/", {"q": "TIP"}).content.decode()
    assert "1 resource found" in html
