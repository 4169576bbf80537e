"""The embedded engine keeps its index's access labels, facet values and orders in memory between
searches (search.backends.embedded_catalogue). These tests hold it to the file: whoever writes,
the next search sees the rows as they are now, never a remembered version."""

from __future__ import annotations

import sqlite3

import pytest

from library.access import EVERYTHING, MEMBERS, PUBLIC
from search.backends.embedded import EmbeddedBackend
from search.contract import SORTS

from .records import counts, ids, record, search


@pytest.fixture
def path(tmp_path):
    return tmp_path / "search.sqlite3"


@pytest.fixture
def reader(path):
    """The web process's backend; writers below use other instances, so other connections."""
    backend = EmbeddedBackend(path)
    backend.setup()
    backend.index(
        [
            record(1, "Migration data", facets={"type": ("report",)}),
            record(2, "Migration study", facets={"type": ("study",)}),
        ]
    )
    return backend


def test_a_search_sees_what_another_process_indexed_since_the_last_search(reader, path):
    assert search(reader).total == 2  # the catalogue is now in memory
    worker = EmbeddedBackend(path)
    worker.index([record(3, "Migration toolkit", facets={"type": ("report",)})])

    results = search(reader)

    assert sorted(ids(results)) == [1, 2, 3]
    assert counts(results, "type") == {"report": 2, "study": 1}
    assert ids(search(reader, filters={"type": ("report",)})) == [3, 1]


def test_a_search_stops_showing_what_another_process_restricted_or_deleted(reader, path):
    assert search(reader).total == 2
    worker = EmbeddedBackend(path)
    worker.index([record(2, "Migration study", access=(MEMBERS, EVERYTHING))])

    assert ids(search(reader)) == [1]
    assert ids(search(reader, access=(PUBLIC, MEMBERS))) == [2, 1]
    worker.delete([1])
    assert search(reader).total == 0


def test_a_rebuild_in_one_transaction_is_seen_whole(reader, path):
    from search.backends.embedded_transactions import write_transaction

    assert search(reader).total == 2
    rebuilder = EmbeddedBackend(path)
    connection = rebuilder._connect()
    with write_transaction(connection):
        rebuilder.reset()
        rebuilder._insert(connection, record(7, "Migration atlas", facets={"type": ("atlas",)}))

    results = search(reader)

    assert ids(results) == [7]
    assert counts(results, "type") == {"atlas": 1}


def test_a_search_inside_a_rolled_back_rebuild_leaves_nothing_behind(reader):
    from search.backends.embedded_transactions import write_transaction

    assert search(reader).total == 2
    connection = reader._connect()
    with pytest.raises(RuntimeError), write_transaction(connection):
        reader.reset()
        reader._insert(connection, record(8, "Migration draft", facets={"type": ("draft",)}))
        assert ids(search(reader)) == [8]  # the rebuild sees its own rows...
        raise RuntimeError("the rebuild fails")
    # ...and once it is rolled back, the next writes count their versions from the same place.
    reader.index([record(9, "Migration plan", facets={"type": ("plan",)})])

    results = search(reader)

    assert sorted(ids(results)) == [1, 2, 9]
    assert counts(results, "type") == {"plan": 1, "report": 1, "study": 1}


def test_a_write_that_skips_the_backend_is_still_seen(reader, path):
    """An older release's worker does not mark its writes; the connection's data_version does."""
    assert ids(search(reader)) == [2, 1]
    other = sqlite3.connect(path)
    other.execute("DELETE FROM resource_access WHERE resource_id = 2 AND label = ?", (PUBLIC,))
    other.commit()
    other.close()

    assert ids(search(reader)) == [1]


def test_the_same_thread_writing_then_searching_sees_its_own_write(reader):
    assert search(reader).total == 2
    reader.index([record(4, "Migration brief", published="2030-01-01")])

    assert ids(search(reader, sort="newest"))[0] == 4


def test_a_hit_carries_the_same_score_in_every_order(reader):
    reader.index(
        [
            record(5, "Migration", summary="migration migration", pages=["migration at work"]),
            record(6, "Remittances", body="migration once", published=None),
        ]
    )
    scores = {}
    for sort in SORTS:
        for hit in search(reader, sort=sort).hits:
            scores.setdefault(hit.resource_id, set()).add(hit.score)
    assert all(len(seen) == 1 for seen in scores.values()), scores
    assert scores[5] != scores[6]


def test_relevance_ties_go_to_the_newer_then_the_higher_id(reader):
    reader.reset()
    reader.index(
        [
            record(rid, "Migration", published=published)
            for rid, published in [(10, "2020-01-01"), (11, "2024-01-01"), (12, None), (13, None)]
            + [(14, "2024-01-01")]
        ]
    )

    assert ids(search(reader)) == [14, 11, 10, 13, 12]


def test_filtered_relevance_scores_only_the_few_found_yet_ranks_them_alike(reader):
    # Many matches, few of them filtered in: the engine names the rows to score.
    reader.reset()
    reader.index(
        [
            record(
                rid,
                "Migration " + "word " * (rid % 7),
                pages=["migration " * (rid % 5 + 1)],
                facets={"type": ("study" if rid % 10 == 0 else "report",)},
            )
            for rid in range(1, 101)
        ]
    )
    everything = search(reader, page_size=50).hits + search(reader, page=2, page_size=50).hits
    studies = search(reader, filters={"type": ("study",)}, page_size=50)

    expected = [hit for hit in everything if hit.resource_id % 10 == 0]
    assert [(h.resource_id, h.score) for h in studies.hits] == [
        (h.resource_id, h.score) for h in expected
    ]
