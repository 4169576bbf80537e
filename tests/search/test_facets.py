"""Facets, sorting and paging through the contract, run against every backend."""

import pytest

from search.contract import MAX_PAGE_SIZE, SearchRequest, sortable_title
from search.query import parse_query

from .records import counts, ids, record, search


def facets(objective=(), type_="report", year="2024", language=("en",)) -> dict:
    return {
        "objective": tuple(str(n) for n in objective),
        "type": (type_,),
        "year": (year,),
        "language": tuple(language),
    }


@pytest.fixture
def corpus(search_backend):
    search_backend.index(
        [
            record(1, "Migration data", facets=facets((1,), "report", "2020")),
            record(2, "Migration study", facets=facets((2,), "study", "2021", ("fr",))),
            record(3, "Migration report", facets=facets((1, 2), "report", "2022")),
            record(4, "Migration toolkit", facets=facets((3,), "study", "2022", ("en", "fr"))),
            # Does not match the words: never counted.
            record(5, "Remittances", facets=facets((1,), "report", "2022")),
        ]
    )
    return search_backend


def test_values_within_a_facet_are_alternatives(corpus):
    assert sorted(ids(search(corpus, filters={"objective": ("1", "2")}))) == [1, 2, 3]
    assert sorted(ids(search(corpus, filters={"language": ("fr",)}))) == [2, 4]


def test_facets_must_all_match(corpus):
    results = search(corpus, filters={"objective": ("1",), "type": ("report",)})
    assert sorted(ids(results)) == [1, 3] and results.total == 2
    results = search(corpus, filters={"objective": ("1", "2"), "language": ("fr",)})
    assert ids(results) == [2] and results.total == 1


def test_the_old_objectives_shortcut_still_filters(corpus):
    request = SearchRequest(query=parse_query("migration"), objectives=(3,))
    assert request.filters == {"objective": ("3",)}
    assert ids(corpus.search(request)) == [4]


def test_counts_cover_the_query_only_without_filters(corpus):
    results = search(corpus)
    assert counts(results, "objective") == {"1": 2, "2": 2, "3": 1}
    assert counts(results, "type") == {"report": 2, "study": 2}
    assert counts(results, "language") == {"en": 3, "fr": 2}
    assert counts(results, "place") == {}
    # Years: the latest first.
    assert [c.value for c in results.facets["year"]] == ["2022", "2021", "2020"]


def test_a_facet_counts_without_its_own_filter_but_with_the_others(corpus):
    results = search(corpus, filters={"objective": ("1",), "language": ("fr",)})
    assert ids(results) == [] and results.total == 0
    # Objective counts ignore the objective filter, but obey the language one.
    assert counts(results, "objective") == {"2": 1, "3": 1}
    # Language counts ignore the language filter, but obey the objective one.
    assert counts(results, "language") == {"en": 2}
    # Other facets obey both filters.
    assert counts(results, "type") == {}

    results = search(corpus, filters={"objective": ("1",)})
    assert counts(results, "objective") == {"1": 2, "2": 2, "3": 1}  # siblings keep counts
    assert counts(results, "type") == {"report": 2}
    assert counts(results, "year") == {"2020": 1, "2022": 1}


def test_counts_follow_the_words_and_exclusions(corpus):
    results = search(corpus, "migration -toolkit")
    assert counts(results, "objective") == {"1": 2, "2": 2}


@pytest.fixture
def dated(search_backend):
    search_backend.index(
        [
            record(1, "Éclair on migration", published="2023-06-01"),
            record(2, "banana migration", published="2025-01-01"),
            record(3, "Apple migration", published="2019-12-31"),
            record(4, "cherry migration", published=None),
            record(5, "Dates", body="migration migration migration", published="2024-01-01"),
        ]
    )
    return search_backend


def test_newest_first_with_undated_last(dated):
    assert ids(search(dated, sort="newest")) == [2, 5, 1, 3, 4]


def test_oldest_first_with_undated_last(dated):
    assert ids(search(dated, sort="oldest")) == [3, 1, 5, 2, 4]


def test_title_a_to_z_ignores_case_and_accents(dated):
    assert ids(search(dated, sort="title")) == [3, 2, 4, 5, 1]
    assert sortable_title("  Éclair  ON  Migration") == "eclair on migration"


def test_relevance_is_the_default_sort(dated):
    relevance = ids(search(dated))
    assert relevance == ids(search(dated, sort="relevance"))
    assert relevance[-1] == 5  # the body-only match comes after every title match


def test_pages_of_filtered_results_share_nothing_and_obey_the_sort(search_backend):
    search_backend.index(
        [
            record(
                n,
                f"Policy brief {n}",
                published=f"2025-01-{n:02d}",
                facets={"type": ("report" if n % 2 else "study",)},
            )
            for n in range(1, 26)
        ]
    )
    kwargs = {"filters": {"type": ("report",)}, "sort": "oldest", "page_size": 5}
    first = search(search_backend, "policy", **kwargs)
    third = search(search_backend, "policy", page=3, **kwargs)
    assert first.total == 13 and first.page_count == 3
    assert ids(first) == [1, 3, 5, 7, 9]
    assert ids(third) == [21, 23, 25]
    assert counts(third, "type") == {"report": 13, "study": 12}


def test_a_page_far_past_the_end_is_empty_not_an_error(corpus):
    results = search(corpus, page=100_000, page_size=MAX_PAGE_SIZE)
    assert results.hits == [] and results.total == 4


@pytest.mark.parametrize(
    "kwargs",
    [
        {"page_size": MAX_PAGE_SIZE + 1},
        {"page_size": 0},
        {"sort": "random"},
        {"filters": {"colour": ("red",)}},
    ],
)
def test_requests_outside_the_contract_are_refused(kwargs):
    with pytest.raises(ValueError):
        SearchRequest(query=parse_query("x"), **kwargs)


def test_an_older_embedded_file_gains_the_title_sort_key(tmp_path):
    import sqlite3

    from search.backends.embedded import EmbeddedBackend

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE resource (id INTEGER PRIMARY KEY, url TEXT NOT NULL, title TEXT NOT NULL,"
        " published TEXT)"
    )
    old.execute("INSERT INTO resource VALUES (1, '/r1/', 'Étude', NULL)")
    old.commit()
    old.close()
    backend = EmbeddedBackend(path)
    backend.setup()
    rows = backend._connect().execute("SELECT id, title_sort FROM resource").fetchall()
    assert rows == [(1, "etude")]
    backend.index([record(2, "Zebra migration"), record(3, "alpha migration")])
    assert ids(search(backend, sort="title")) == [3, 2]


def test_an_older_embedded_file_gains_the_unstemmed_words_table(tmp_path):
    from search.backends.embedded import EmbeddedBackend

    path = tmp_path / "old.sqlite3"
    backend = EmbeddedBackend(path)
    backend.index([record(1, "Immigration policy"), record(2, "Immigrants policy")])
    backend._connect().execute("DROP TABLE resource_words")
    older = EmbeddedBackend(path)  # a process starting on a file from before the table
    older.setup()
    assert ids(search(older, "immigrants")) == [2, 1]
    # Rewritten and deleted rows leave the table as they leave resource_text.
    older.index([record(2, "Immigration brief")])
    older.delete([1])
    assert ids(search(older, "immigrants")) == [2]  # through its stem only
    count = older._connect().execute(
        "SELECT COUNT(*) FROM resource_words WHERE resource_words MATCH 'immigrants'"
    )
    assert count.fetchone() == (0,)
