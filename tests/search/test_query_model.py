"""The query model both engines share: soft matching, synonyms as alternatives, one tokenizer,
French elisions, learned acronyms and corrections shown at once (issue: ranking beyond BM25)."""

import pytest

from search.acronyms import acronym_groups, find_acronyms, learn
from search.contract import SearchRequest
from search.query import parse_query, required_units, searchable
from search.synonyms import with_synonyms

from .records import record


def found(backend, text: str, groups=()) -> list[int]:
    from search.query import expand_synonyms

    query = expand_synonyms(parse_query(text), groups) if groups else parse_query(text)
    return [hit.resource_id for hit in backend.search(SearchRequest(query=query)).hits]


def publish_summaries(library, search_backend, name: str, bodies: list[str]) -> dict[int, str]:
    """A live resource per body (titled "<name> <n>"), indexed; returns id -> title."""
    from library.models import ResourcePage

    titles = {}
    for n, body in enumerate(bodies):
        page = ResourcePage(title=f"{name} {n}", slug=f"{name.lower()}{n}", summary=body)
        library.add_child(instance=page)
        search_backend.index([record(page.pk, page.title, summary=body)])
        titles[page.pk] = page.title
    return titles


# -- parsing ------------------------------------------------------------------------------


def test_words_keep_inner_dots_and_apostrophes_as_the_engines_tokenizer_does():
    assert parse_query("U.N. 4.2 $5.2 don't").units == (("u.n",), ("4.2",), ("5.2",), ("don't",))


def test_french_elisions_and_english_possessives_are_removed_from_query_words():
    assert parse_query("l'immigration d’asile qu'il children's").units == (
        ("immigration",),
        ("asile",),
        ("il",),
        ("children",),
    )


def test_a_hyphenated_word_stays_together_as_typed():
    assert parse_query("gender-based violence").units == (("gender", "based"), ("violence",))
    assert parse_query("-based").excluded == (("based",),)


def test_searchable_copy_keeps_every_character_in_place():
    text = "L'École d'été de l’OFPRA: children's rights, déplacés"
    copy = searchable(text)
    assert len(copy) == len(text)
    assert copy.split() == ["Ecole", "ete", "de", "OFPRA:", "children", "rights,", "deplaces"]


def test_soft_matching_policy():
    # Half of a short query's words, a third of a longer one's (at least two).
    assert [required_units(n) for n in range(1, 13)] == [1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4]
    # Stop words do not count beside other words, and are kept when alone.
    query = parse_query("rescue of persons in distress at sea")
    assert query.matching_units == (("rescue",), ("persons",), ("distress",), ("sea",))
    assert query.required == 2
    assert parse_query("the").matching_units == (("the",),)


def test_a_pasted_paragraph_matches_only_its_first_words_and_names_the_rest():
    from search.query import MAX_MATCHED_UNITS

    words = [f"word{n}" for n in range(40)]
    query = parse_query(" the ".join(words))
    assert query.matching_units == tuple((w,) for w in words[:MAX_MATCHED_UNITS])
    assert query.unmatched_units == tuple((w,) for w in words[MAX_MATCHED_UNITS:])
    assert [w for w in query.words if w != "the"] == words[:MAX_MATCHED_UNITS]
    assert ("word39",) not in query.all_options
    # An ordinary query is untouched.
    assert parse_query("labour migration remittances").unmatched_units == ()


def test_synonyms_are_alternatives_beside_the_words_typed():
    groups = [["GBV", "gender-based violence"], ["IDP", "internally displaced persons"]]
    from search.query import expand_synonyms

    query = expand_synonyms(parse_query("IDPs camps"), groups)
    assert query.units == (("idps",), ("camps",))
    # A plural finds its singular's group, and the singular itself.
    assert query.options(("idps",)) == (
        ("idps",),
        ("idp",),
        ("internally", "displaced", "persons"),
    )


# -- both engines -------------------------------------------------------------------------


def test_a_resource_missing_a_word_still_shows_below_those_with_all(search_backend):
    search_backend.index(
        [
            record(1, "Labour migration and remittances in Rwanda"),
            record(2, "Labour migration in Rwanda"),
            record(3, "Remittances"),
        ]
    )
    assert found(search_backend, "labour migration remittances") == [1, 2]
    # Of two words one is enough, and the resource with both comes first.
    either = found(search_backend, "labour remittances")
    assert either[0] == 1 and set(either) == {1, 2, 3}


def test_quoted_phrases_and_exclusions_stay_strict(search_backend):
    search_backend.index(
        [
            record(1, "Fair recruitment of migrant workers in Kigali"),
            record(2, "Recruitment that is fair for migrant workers"),
            record(3, "Fair recruitment of workers"),
        ]
    )
    assert found(search_backend, '"fair recruitment" migrant workers') == [1, 3]
    assert set(found(search_backend, "fair recruitment migrant workers -kigali")) == {2, 3}


def test_a_synonym_never_becomes_a_required_phrase(search_backend):
    groups = [["IDP", "internally displaced persons"]]
    search_backend.index(
        [
            record(1, "Camps for persons internally displaced by floods"),
            record(2, "IDP camps"),
            record(3, "Unrelated camps"),
        ]
    )
    assert set(found(search_backend, "IDP", groups)) == {1, 2}
    assert set(found(search_backend, "internally displaced persons", groups)) == {1, 2}


def test_french_elision_on_either_side_finds_the_word(search_backend):
    search_backend.index(
        [
            record(1, "Politique de l'immigration au Rwanda"),
            record(2, "Immigration policy"),
            record(3, "Emigration"),
        ]
    )
    assert set(found(search_backend, "immigration")) == {1, 2}
    assert set(found(search_backend, "l'immigration")) == {1, 2}


@pytest.mark.parametrize("title", ["Resolution 4.2 of the U.N. Council", "Fees of $5.2 million"])
def test_dots_and_digits_are_read_the_same_on_both_sides(search_backend, title):
    search_backend.index([record(1, title), record(2, "Other things")])
    assert found(search_backend, title) == [1]


def test_words_in_the_files_rank_with_the_rest_of_the_resource(search_backend):
    search_backend.index(
        [
            record(1, "Annual report", pages=["nothing here", "returnees and reintegration"]),
            record(2, "Returnees", body="A short note."),
            record(3, "Annual report", pages=["unrelated"]),
        ]
    )
    results = search_backend.search(SearchRequest(query=parse_query("returnees reintegration")))
    # Both words, one in the title, one in the file, rank above the title alone.
    assert [hit.resource_id for hit in results.hits] == [1, 2]
    hit = results.hits[0]
    # The page list still names the page where the words are.
    assert [page.number for page in hit.documents[0].pages] == [2]


def test_a_file_stricter_than_its_resource_counts_only_for_its_readers(search_backend):
    from search.contract import PUBLIC

    search_backend.index(
        [
            record(
                1,
                "Public note",
                pages=["confidential reintegration figures"],
                document_access=("group:7", "all"),
            )
        ]
    )
    public = SearchRequest(query=parse_query("reintegration"))
    group = SearchRequest(query=parse_query("reintegration"), access=(PUBLIC, "group:7"))
    assert search_backend.search(public).total == 0
    assert [hit.resource_id for hit in search_backend.search(group).hits] == [1]


# -- learned acronyms ---------------------------------------------------------------------


def test_acronyms_spelled_out_in_the_text_are_found():
    assert find_acronyms("the Temporary Protected Status (TPS) and") == [
        ("TPS", "Temporary Protected Status")
    ]
    assert find_acronyms("l'Office français de protection des réfugiés et apatrides (OFPRA)") == [
        ("OFPRA", "Office français de protection des réfugiés et apatrides")
    ]
    assert find_acronyms("internally displaced persons (IDPs)") == [
        ("IDPs", "internally displaced persons")
    ]
    # Brackets that are not an acronym of the words before them teach nothing.
    assert find_acronyms("see the annex (Annex) and the rules (OK)") == []


@pytest.mark.django_db
def test_a_learned_acronym_finds_documents_that_only_spell_it_out(search_backend, library):
    from library.models import ResourcePage
    from search.indexing import sync_resources

    pages = []
    for title, summary in [
        ("Venezuela designation", "Temporary Protected Status (TPS) for 18 months."),
        ("Haiti extension", "Temporary protected status is extended for Haitians."),
        ("Unrelated", "Status of a tax treaty."),
    ]:
        page = ResourcePage(title=title, slug=title.lower().replace(" ", "-"), summary=summary)
        library.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    sync_resources([page.pk for page in pages])
    assert ["tps", "temporary protected status"] in acronym_groups()
    query = with_synonyms(parse_query("TPS"))
    hits = {hit.resource_id for hit in search_backend.search(SearchRequest(query=query)).hits}
    assert hits == {pages[0].pk, pages[1].pk}


@pytest.mark.django_db
def test_acronyms_are_learned_from_public_resources_only():
    from search.indexing import learn_acronyms

    restricted = record(1, "Project Quiet Harbour (PQH)", access=("group:3", "all"))
    learn_acronyms([restricted])
    assert acronym_groups() == []
    learn(["Project Quiet Harbour (PQH)"])
    assert acronym_groups() == [["pqh", "project quiet harbour"]]


# -- the search page ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_misspelled_search_shows_the_corrected_results_at_once(client, search_backend, library):
    from library.models import ResourcePage

    for n in range(3):
        page = ResourcePage(title=f"Remittances report {n}", slug=f"r{n}", summary="Remittances.")
        library.add_child(instance=page)
        search_backend.index([record(page.pk, page.title, summary=page.summary)])
    response = client.get("/search/", {"q": "remitances"})
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["results"].total == 3
    assert "Showing results for" in html and "remittances" in html
    assert "as_typed=1" in html
    # "Search instead for" the words as typed: no correction, nothing found.
    typed = client.get("/search/", {"q": "remitances", "as_typed": "1"})
    assert typed.status_code == 200
    assert typed.context["results"].total == 0
    assert "Showing results for" not in typed.content.decode()


@pytest.mark.django_db
def test_a_word_no_resource_holds_is_corrected_at_once_beside_words_that_find_plenty(
    client, search_backend, library
):
    from library.models import ResourcePage

    bodies = [
        "Guidance on trafficking in persons and the protection of victims.",
        "Persons with disabilities and the census.",
        "Persons displaced by floods.",
        "Asylum seekers wait for their hearing.",
        "Keynote speakers at the remittances forum.",
        "Speakers of Kinyarwanda and French; speakers list.",
    ]
    for n, body in enumerate(bodies):
        page = ResourcePage(title=f"Brief {n}", slug=f"b{n}", summary=body)
        library.add_child(instance=page)
        search_backend.index([record(page.pk, page.title, summary=body)])
    response = client.get("/search/", {"q": "trafficing in persons"})
    assert response.context["showing_results_for"] == "trafficking in persons"
    first = response.context["results"].hits[0].resource_id
    assert ResourcePage.objects.get(pk=first).title == "Brief 0"
    # "seakers" is one letter from both; the word typed beside it decides.
    response = client.get("/search/", {"q": "asylum seakers"})
    assert response.context["showing_results_for"] == "asylum seekers"
    # Words the index holds are never "corrected", however rare.
    response = client.get("/search/", {"q": "hearing persons"})
    assert "showing_results_for" not in response.context
    typed = client.get("/search/", {"q": "trafficing in persons", "as_typed": "1"})
    assert "showing_results_for" not in typed.context


@pytest.mark.django_db
def test_a_phrase_found_in_few_resources_also_lists_its_words_apart_below(
    client, search_backend, library
):

    bodies = [
        "Everyone has the right to leave any country, including his own.",
        "Everyone shall be free to leave any country, including his own.",
        "The country report on the right to housing.",
        "Annual leave of staff.",
    ]
    titles = publish_summaries(library, search_backend, "Text", bodies)
    response = client.get("/search/", {"q": '"right to leave any country"'})
    # The exact phrase alone is counted and listed as the results ...
    assert response.context["results"].total == 1
    assert [titles[h.resource_id] for h in response.context["results"].hits] == ["Text 0"]
    # ... and below them, the resources with its words apart, never the same one twice.
    loose = [titles[row["page"].pk] for row in response.context["loose_rows"]]
    assert loose[0] == "Text 1" and "Text 0" not in loose
    html = response.content.decode()
    assert "not as the exact phrase" in html
    assert html.index("Text 0") < html.index("not as the exact phrase") < html.index("Text 1")
    # Plain words, or a phrase found in many resources: no such section.
    assert "loose_rows" not in client.get("/search/", {"q": "right leave"}).context


# -- bounded cost per resource ------------------------------------------------------------


@pytest.mark.django_db
def test_pages_past_the_cap_are_not_indexed_and_the_resource_page_says_so(
    client, search_backend, library, settings
):
    from search.indexing import sync_resources
    from tests.factories import ResourcePageFactory

    from .access_world import SHARED_WORD, access_agency, make_document

    settings.HUB_SEARCH_MAX_PAGES_PER_FILE = 3
    document = make_document("Long file", ["intro", "kigali", "nothing", "nothing", "huye"])
    page = ResourcePageFactory(
        parent=library,
        title="A long file",
        summary=f"A study of the {SHARED_WORD} and the annex.",
        objectives=[1],
        organisations=[access_agency()],
        documents=[document],
    )
    sync_resources([page.pk])

    def total(text: str) -> int:
        return search_backend.search(SearchRequest(query=parse_query(text))).total

    assert total("kigali") == 1
    assert total("huye") == 0
    html = client.get(page.url).content.decode()
    assert "first 3 pages of this file only" in html


# -- the field's glossary ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_field_s_acronyms_are_known_from_the_start_and_never_corrected(
    client, search_backend, library, settings
):
    from django.core.cache import cache

    cache.clear()  # no groups learned by an earlier test
    bodies = [
        "Shelter for internally displaced persons after the floods.",
        "Identity documents (IDs) for returnees.",
        "IDs and passports at the border.",
        "Lost IDs replaced free of charge.",
        "The United Nations High Commissioner for Refugees visited the camps.",
    ]
    titles = publish_summaries(library, search_backend, "Note", bodies)

    def found(q: str) -> list[str]:
        response = client.get("/search/", {"q": q})
        assert "showing_results_for" not in response.context  # "IDPs" is no typo of "IDs"
        return [titles[hit.resource_id] for hit in response.context["results"].hits]

    assert found("IDPs") == ["Note 0"]
    assert found("UNHCR") == ["Note 4"]
    settings.HUB_SEARCH_GLOSSARY = False
    assert found("UNHCR") == []


def test_neighbouring_words_held_side_by_side_rank_first(search_backend):
    search_backend.index(
        [
            record(1, "Coordination note", body="Security of the border; social events; " * 3),
            record(2, "Agreement", body="Social security for workers who move."),
        ]
    )
    hits = search_backend.search(SearchRequest(query=parse_query("social security"))).hits
    assert [hit.resource_id for hit in hits] == [2, 1]


def test_a_query_of_many_words_answers_and_says_which_were_left_out(
    client, search_backend, library
):
    from search.query import MAX_MATCHED_UNITS

    held = ["remittances", "labour", "migration", "rwanda", "returnees", "reintegration"]
    search_backend.index([record(1, " ".join(held).title())])
    # A third of the words searched must be held: of the first twelve, not of all 46.
    words = [*held, *(f"extra{n}" for n in range(40))]
    response = client.get("/search/", {"q": " ".join(words)})
    assert response.status_code == 200
    assert [hit.resource_id for hit in response.context["results"].hits] == [1]
    page = response.content.decode()
    assert f"Only the first {MAX_MATCHED_UNITS} words were searched" in page
    assert "extra39" in page.split("Only the first", 1)[1]
