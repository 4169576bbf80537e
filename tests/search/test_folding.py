"""Accents: "deplaces" finds "déplacés" and back, in both engines (Elasticsearch: the hub folds)."""

from search.contract import SearchRequest
from search.query import fold, parse_query

from .records import record


def search(backend, text: str):
    return backend.search(SearchRequest(query=parse_query(text)))


def ids(results) -> list[int]:
    return sorted(hit.resource_id for hit in results.hits)


def test_fold_keeps_the_length_character_for_character():
    for text in ("Personnes déplacées à Goma", "ﬁnance Æsir straße", "naïve Ōsaka ñ"):
        assert len(fold(text)) == len(text)
    assert fold("Réfugiés déplacés") == "Refugies deplaces"


def test_unaccented_query_finds_accented_text_and_back(search_backend):
    search_backend.index(
        [
            record(1, "Personnes déplacés", summary="Les réfugiés du Kivu."),
            record(2, "Deplaces et refugies", body="Sans accents."),
            record(3, "Autre chose"),
        ]
    )
    assert ids(search(search_backend, "deplaces")) == [1, 2]
    assert ids(search(search_backend, "déplacés")) == [1, 2]
    assert ids(search(search_backend, "réfugiés")) == [1, 2]
    assert ids(search(search_backend, '"personnes deplaces"')) == [1]


def test_accents_are_folded_in_document_pages(search_backend):
    search_backend.index(
        [record(1, "Rapport", pages=["Introduction.", "Les personnes déplacées internes."])]
    )
    [hit] = search(search_backend, "deplacees").hits
    [document] = hit.documents
    assert [page.number for page in document.pages] == [2]


def test_folded_matches_are_highlighted_on_the_original_text(search_backend):
    search_backend.index([record(1, "Personnes déplacés", summary="Les réfugiés & les autres.")])
    [hit] = search(search_backend, "deplaces refugies").hits
    assert "<mark>déplacés</mark>" in hit.title_html
    assert any("<mark>réfugiés</mark>" in f for f in hit.fragments_html)
    assert any("&amp;" in f for f in hit.fragments_html)
