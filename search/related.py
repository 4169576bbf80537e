"""'Related resources': the indexed resources most like one resource, by the engine's own text.

Only ids come back: the caller loads them from the database as live, public pages, so an index
that is stale (a page since unpublished or restricted) can never make a link to it.

embedded: the resource's own title, summary, labels and body are read back from resource_text;
    its most distinctive words (at least MIN_WORD_LENGTH letters, no stopwords, found in at least
    one other resource, fewest resources first) are ORed into an FTS5 query, every word quoted,
    ranked by bm25 with the search weights.
elasticsearch: a `more_like_this` query on title, summary, labels and body, liking the resource's
    own indexed document (nested document pages are not used: MLT does not reach into them).

Never raises: an engine that fails gives no related resources (a warning is logged), so the page
still renders.

similar_resources_later asks Elasticsearch from a worker thread and hands back a function that
waits for the answer: the resource page builds the rest of itself meanwhile, so the engine's
round trip is no longer added to the page's time. The embedded engine works in this process, on
a connection per thread, so it is asked when the answer is wanted, in the caller's thread.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache, lru_cache

logger = logging.getLogger(__name__)

DEFAULT_SIZE = 5
MIN_WORD_LENGTH = 4
# Distinctive words ORed into the embedded query.
MAX_QUERY_WORDS = 12
# Words of the resource whose rarity is looked up (its most frequent ones, by weighted count).
MAX_CANDIDATES = 60
_ES_TIMEOUT = 3.0
_ES_FIELDS = ["title", "summary", "labels", "body"]
# bm25 column weights of resource_text (title, summary, labels, body), as in search.
_WEIGHTS = "10.0, 4.0, 3.0, 1.0"
_COLUMN_WEIGHTS = (4, 2, 2, 1)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOPWORDS = frozenset(
    """
    about above after again against also among because been before being below between both
    cannot could does doing down during each from further have having here into itself just
    more most must only other ought over same shall should some such than that their theirs
    them then there these they this those through under until very were what when where which
    while whom will with within without would your yours upon across along including however
    therefore thus many much well used using make made page pages report brief paper resource
    resources document documents
    avec dans pour sont leur leurs elle elles nous vous mais plus comme cette entre aussi
    être sans sous chez tout tous toutes été
    """.split()
)


def similar_resources(
    backend, resource_id: int, size: int = DEFAULT_SIZE, access: tuple[str, ...] = ("public",)
) -> list[int]:
    """Ids of the indexed resources most like resource_id that the viewer's access labels reach,
    best first, never itself."""
    try:
        if backend.name == "embedded":
            return embedded_similar(backend, resource_id, size, access)
        if backend.name == "elasticsearch":
            return elasticsearch_similar(backend, resource_id, size, access)
    except Exception as error:  # noqa: BLE001 - related items are a nicety, never a 500
        logger.warning("No related resources for %s, the engine failed: %r", resource_id, error)
        return []
    return []


# Worker threads only wait on the network; a few cover the requests one web process serves at once.
_ASKING_THREADS = 4
# However the engine (or the pool) fares, a page never waits for related resources beyond this.
_WAIT_SECONDS = _ES_TIMEOUT + 1
# How long the caller waits for a worker to take up the request: normally well under a
# millisecond; never more than the interpreter's switch interval, all it may save.
_HANDOFF_SECONDS = sys.getswitchinterval()


@cache
def _asking(pid: int) -> ThreadPoolExecutor:
    # One pool per process: threads do not survive a fork, so a forked child makes its own.
    return ThreadPoolExecutor(max_workers=_ASKING_THREADS, thread_name_prefix="similar-resources")


def similar_resources_later(
    backend, resource_id: int, size: int = DEFAULT_SIZE, access: tuple[str, ...] = ("public",)
) -> Callable[[], list[int]]:
    """similar_resources, asked now (Elasticsearch) or when wanted (embedded): call the returned
    function for the ids. It never raises, as similar_resources."""
    if backend.name != "elasticsearch":
        return lambda: similar_resources(backend, resource_id, size, access)
    started = threading.Event()

    def ask() -> list[int]:
        started.set()
        return similar_resources(backend, resource_id, size, access)

    pending = _asking(os.getpid()).submit(ask)
    # Let the worker have the interpreter until it lets go of it to send the request and wait on
    # the socket: otherwise it waits for this busy thread to yield, up to the switch interval
    # (5 ms), before the engine even hears of the request.
    started.wait(_HANDOFF_SECONDS)

    def answer() -> list[int]:
        try:
            return pending.result(timeout=_WAIT_SECONDS)
        except Exception as error:  # noqa: BLE001 - a timeout, or a pool shut down at exit
            logger.warning("No related resources for %s: %r", resource_id, error)
            return []

    return answer


def _distinctive(text_by_column: tuple[str, ...]) -> list[str]:
    """The resource's candidate words, most weighted first (title words count most)."""
    counts: Counter[str] = Counter()
    for weight, text in zip(_COLUMN_WEIGHTS, text_by_column, strict=False):
        for word in _WORD.findall((text or "").casefold()):
            if len(word) >= MIN_WORD_LENGTH and word not in _STOPWORDS:
                counts[word] += weight
    return [word for word, _count in counts.most_common(MAX_CANDIDATES)]


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


# -- embedded ----------------------------------------------------------------------------------


def embedded_similar(
    backend, resource_id: int, size: int, access: tuple[str, ...] = ("public",)
) -> list[int]:
    try:
        connection = backend._connect()
        row = connection.execute(
            "SELECT title, summary, labels, body FROM resource_text WHERE rowid = ?",
            (resource_id,),
        ).fetchone()
        if row is None:
            return []
        candidates = _distinctive(tuple(row))
        # How many resources hold each word (by its stem, as the index does); the word must be in
        # at least one other resource to be of any use.
        rarity = []
        for position, word in enumerate(candidates):
            docs = connection.execute(
                "SELECT COUNT(*) FROM resource_text WHERE resource_text MATCH ?", (_quoted(word),)
            ).fetchone()[0]
            if docs >= 2:
                rarity.append((docs, position, word))
        words = [word for _docs, _position, word in sorted(rarity)[:MAX_QUERY_WORDS]]
        if not words:
            return []
        # `+rowid`: a bare `rowid IN (...)` is handed to FTS5 as a rowid lookup, which then runs
        # the whole MATCH once per resource the viewer may see (a second and more at 2,000
        # resources); with the plus it filters the matches instead. Same rows, same order.
        rows = connection.execute(
            f"SELECT rowid FROM resource_text WHERE resource_text MATCH ? AND rowid != ?"
            " AND +rowid IN (SELECT resource_id FROM resource_access"
            f" WHERE label IN ({', '.join('?' * len(access))}))"
            f" ORDER BY bm25(resource_text, {_WEIGHTS}), rowid DESC LIMIT ?",
            (" OR ".join(_quoted(word) for word in words), resource_id, *access, size),
        ).fetchall()
    except sqlite3.Error as error:
        logger.warning("No related resources for %s: %s", resource_id, error)
        return []
    return [rid for (rid,) in rows]


# -- elasticsearch ------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _with_timeout(client):
    # options() builds a new client object each time (a millisecond): one per backend client.
    return client.options(request_timeout=_ES_TIMEOUT)


def elasticsearch_similar(
    backend, resource_id: int, size: int, access: tuple[str, ...] = ("public",)
) -> list[int]:
    from elasticsearch import ApiError, TransportError
    from elasticsearch import ConnectionError as EsConnectionError

    client = _with_timeout(backend.client)
    query = {
        "bool": {
            "must": [
                {
                    "more_like_this": {
                        "fields": _ES_FIELDS,
                        "like": [{"_index": backend.alias, "_id": str(resource_id)}],
                        "min_term_freq": 1,
                        "min_doc_freq": 1,
                        "min_word_length": MIN_WORD_LENGTH,
                        "max_query_terms": 25,
                        "minimum_should_match": "1",
                        "stop_words": sorted(_STOPWORDS),
                        "include": False,
                    }
                }
            ],
            "must_not": [{"ids": {"values": [str(resource_id)]}}],
            "filter": [{"terms": {"access": list(access)}}],
        }
    }
    try:
        response = client.search(
            index=backend.alias,
            query=query,
            size=size,
            source=False,
            sort=["_score", {"resource_id": "desc"}],
        )
    except (ApiError, EsConnectionError, TransportError) as error:
        logger.warning("No related resources for %s: %s", resource_id, error)
        return []
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]
