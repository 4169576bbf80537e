"""The search contract, run against every backend: what one engine does, the other does too."""

import datetime

from search.contract import SearchRequest
from search.query import parse_query

from .records import record


def search(backend, text: str, **kwargs):
    return backend.search(SearchRequest(query=parse_query(text), **kwargs))


def ids(results) -> list[int]:
    return [hit.resource_id for hit in results.hits]


def test_words_deep_inside_a_pdf_are_found_with_their_page(search_backend):
    pages = ["Introduction to the study.", "Methods and sampling.", "The Isange referral pathway."]
    search_backend.index([record(1, "Trafficking guidance", pages=pages), record(2, "Other")])
    results = search(search_backend, "Isange referral")
    assert ids(results) == [1]
    [document] = results.hits[0].documents
    assert [page.number for page in document.pages] == [3]
    assert "<mark>Isange</mark>" in document.pages[0].fragment_html
    assert document.page_url(3).endswith("#page=3")


def test_words_match_anywhere_and_every_word_ranks_first(search_backend):
    # Soft matching (query.required_units): half of a short query's words, rounded up; the
    # resource holding every word, one of them only in its file, ranks first.
    search_backend.index(
        [
            record(1, "Remittances study", pages=["mobile money corridors"]),
            record(2, "Remittances brief", summary="bank transfers"),
            record(3, "Unrelated", summary="health"),
        ]
    )
    assert ids(search(search_backend, "remittances mobile")) == [1, 2]
    assert sorted(ids(search(search_backend, "remittances"))) == [1, 2]
    assert ids(search(search_backend, "remittances mobile corridors")) == [1]


def test_phrase_matches_words_in_order_only(search_backend):
    search_backend.index(
        [
            record(1, "A", body="fair recruitment of workers"),
            record(2, "B", body="recruitment that is fair"),
        ]
    )
    assert ids(search(search_backend, '"fair recruitment"')) == [1]


def test_excluded_word_removes_resources(search_backend):
    search_backend.index(
        [record(1, "Health of refugees", body="camps"), record(2, "Health of migrants")]
    )
    assert ids(search(search_backend, "health -camps")) == [2]


def test_objective_filter_narrows_results(search_backend):
    search_backend.index(
        [
            record(1, "Data on migration", objectives=(1,)),
            record(2, "Migration and data", objectives=(23,)),
        ]
    )
    assert ids(search(search_backend, "migration", objectives=(23,))) == [2]
    assert sorted(ids(search(search_backend, "migration", objectives=(1, 23)))) == [1, 2]


def test_title_match_outranks_body_match(search_backend):
    search_backend.index(
        [
            record(1, "Annual report", body="a note on diaspora bonds"),
            record(2, "Diaspora engagement toolkit", body="a toolkit"),
        ]
    )
    assert ids(search(search_backend, "diaspora")) == [2, 1]


def test_english_stemming_finds_other_forms(search_backend):
    search_backend.index([record(1, "Returning migrants", body="reintegration of returnees")])
    assert ids(search(search_backend, "migrant")) == [1]


def test_a_word_found_as_typed_outranks_its_other_forms(search_backend):
    # Both hold the stem; the one holding the word as typed ranks first (Elasticsearch's exact
    # analysis, the embedded engine's unstemmed twin table).
    search_backend.index(
        [
            record(1, "Migrant workers and integration policy", published="2025-01-01"),
            record(2, "Migrants, workers and integration policy", published="2020-01-01"),
        ]
    )
    assert ids(search(search_backend, "migrants")) == [2, 1]
    assert ids(search(search_backend, "migrant")) == [1, 2]


def test_highlights_are_escaped(search_backend):
    evil = 'Isange <script>alert("x")</script> centre'
    search_backend.index([record(1, "Guidance <b>bold</b>", body=evil, pages=[evil])])
    results = search(search_backend, "isange")
    hit = results.hits[0]
    html = " ".join([hit.title_html, *hit.fragments_html, hit.documents[0].pages[0].fragment_html])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Isange</mark>" in html


def test_pages_are_named_up_to_three_per_document_then_counted(search_backend):
    pages = [f"page {n} about displacement" for n in range(1, 7)]
    search_backend.index([record(1, "Displacement report", pages=pages)])
    [document] = search(search_backend, "displacement").hits[0].documents
    assert len(document.pages) == 3
    assert document.more_pages == 3


def test_pagination_gives_total_and_slices(search_backend):
    search_backend.index(
        [record(n, f"Policy brief {n}", published=f"2025-01-{n:02d}") for n in range(1, 26)]
    )
    first = search(search_backend, "policy brief", page_size=10)
    third = search(search_backend, "policy brief", page=3, page_size=10)
    assert first.total == 25 and first.page_count == 3
    assert len(first.hits) == 10 and len(third.hits) == 5
    assert not set(ids(first)) & set(ids(third))


def test_newer_resources_win_ties(search_backend):
    search_backend.index(
        [
            record(1, "Labour migration", published="2020-01-01"),
            record(2, "Labour migration", published="2025-01-01"),
        ]
    )
    assert ids(search(search_backend, "labour")) == [2, 1]


def test_deleted_and_reindexed_records(search_backend):
    search_backend.index([record(1, "Old title about borders")])
    search_backend.index([record(1, "New title about consular protection")])
    assert ids(search(search_backend, "borders")) == []
    assert ids(search(search_backend, "consular")) == [1]
    search_backend.delete([1])
    assert ids(search(search_backend, "consular")) == []
    assert search_backend.indexed_ids() == set()


def test_docx_pages_link_to_the_file_without_a_page_anchor(search_backend):
    search_backend.index(
        [record(1, "Minutes", pages=["agenda", "decision on workplan"], kind="docx")]
    )
    [document] = search(search_backend, "workplan").hits[0].documents
    assert document.pages[0].number == 2
    assert document.page_url(2) == document.url


def test_empty_query_returns_nothing(search_backend):
    search_backend.index([record(1, "Anything")])
    assert search(search_backend, "").total == 0


def test_records_carry_every_facet_and_label_of_a_resource(
    search_backend, library, django_capture_on_commit_callbacks
):
    """What a real page becomes in the index: taxonomy labels searchable, facets stored."""
    from hub.organisations import Organisation, WorkingGroup
    from library.models import GcmObjective, GuidingPrinciple, Language, Place, ResourcePage
    from search.indexing import sync_resources
    from search.records import build_record

    unicef = Organisation.objects.create(name="UNICEF Rwanda", acronym="UNICEF", slug="unicef")
    twg = WorkingGroup.objects.create(name="TWG on Protection", slug="protection")
    page = ResourcePage(
        title="Children on the move",
        slug="children",
        summary="s",
        resource_type="policy-brief",
        working_group=twg,
        publication_date=datetime.date(2024, 5, 1),
    )
    library.add_child(instance=page)
    page.objectives.set([GcmObjective.objects.get(number=7)])
    page.principles.set([GuidingPrinciple.objects.get(number=8)])
    page.organisations.set([unicef])
    page.languages.set([Language.objects.get(code="fr")])
    page.places.set([Place.objects.get(slug="musanze")])
    page.themes.add("unaccompanied children")
    page.save()
    record = build_record(ResourcePage.objects.get(pk=page.pk))
    assert record.facets["objective"] == ("7",)
    assert record.facets["principle"] == ("8",)
    assert record.facets["type"] == ("policy-brief",)
    assert record.facets["organisation"] == ("unicef",)
    assert record.facets["twg"] == ("protection",)
    assert record.facets["language"] == ("fr",)
    assert record.facets["place"] == ("musanze",)
    assert record.facets["year"] == ("2024",)
    sync_resources([page.pk])
    for words in ["Child-sensitive", "UNICEF", "Musanze", "unaccompanied", "Protection"]:
        assert ids(search(search_backend, words)) == [page.pk], words
    # Renaming the organisation re-indexes the resources that credit it.
    unicef.acronym = "UNCF"
    with django_capture_on_commit_callbacks(execute=True):
        unicef.save()
    assert ids(search(search_backend, "UNCF")) == [page.pk]


def test_or_matches_either_word(search_backend):
    search_backend.index(
        [
            record(1, "Labour migration brief"),
            record(2, "Labor migration brief"),
            record(3, "Student migration brief"),
        ]
    )
    # Either form of the first word, with the second: both labour briefs first, the student
    # brief (one word of two) below them.
    assert ids(search(search_backend, "labour OR labor migration"))[2:] == [3]
    assert sorted(ids(search(search_backend, '"labour migration" OR "labor migration"'))) == [1, 2]
    assert sorted(ids(search(search_backend, "labour OR labor OR student"))) == [1, 2, 3]


def test_french_text_is_stemmed_where_the_backend_declares_it(search_backend):
    search_backend.index(
        [
            record(1, "Note de politique", body="Les travailleurs migrants déplacés par les crues"),
            record(2, "Policy note", body="Workers and employers"),
        ]
    )
    # Every backend finds the words as written (accents folded).
    assert ids(search(search_backend, "travailleurs deplaces")) == [1]
    other_forms = ids(search(search_backend, "travailleur déplacée"))
    if "french_stemming" in search_backend.capabilities:
        assert other_forms == [1]
    else:
        # Declared degradation: no French stemming, so other French forms may be missed.
        assert search_backend.name == "embedded" and other_forms in ([], [1])
