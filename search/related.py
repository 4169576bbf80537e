"""'Related resources': the indexed resources most like one resource, by the engine's own text.

Only ids come back: the caller loads them from the database as live, public pages, so an index
that is stale (a page since unpublished or restricted) can never make a link to it.

The engine does the work (backend.similar, in search/backends/: the embedded engine ORs the
resource's most distinctive words into an FTS5 query; Elasticsearch runs `more_like_this`); the
words that count (at least MIN_WORD_LENGTH letters, no STOPWORDS) are chosen here for both.

Never raises: an engine that fails gives no related resources (a warning is logged), so the page
still renders.

similar_resources_later asks a remote engine (Elasticsearch) from a worker thread and hands back a
function that waits for the answer: the resource page builds the rest of itself meanwhile, so the
engine's round trip is no longer added to the page's time. An engine in this process (embedded,
on a connection per thread) is asked when the answer is wanted, in the caller's thread.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from .contract import RELATED

logger = logging.getLogger(__name__)

DEFAULT_SIZE = 5
MIN_WORD_LENGTH = 4
# Distinctive words ORed into the embedded query.
MAX_QUERY_WORDS = 12
# Words of the resource whose rarity is looked up (its most frequent ones, by weighted count).
MAX_CANDIDATES = 60
# Seconds a remote engine may take to answer.
ENGINE_SECONDS = 3.0
# How much a word counts per column (title, summary, labels, body) when choosing candidates.
_COLUMN_WEIGHTS = (4, 2, 2, 1)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
STOPWORDS = frozenset(
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
    if RELATED not in backend.capabilities:
        return []
    try:
        return backend.similar(resource_id, size, access)
    except Exception as error:  # noqa: BLE001 - related items are a nicety, never a 500
        logger.warning("No related resources for %s, the engine failed: %r", resource_id, error)
        return []


# Worker threads only wait on the network; a few cover the requests one web process serves at once.
_ASKING_THREADS = 4
# However the engine (or the pool) fares, a page never waits for related resources beyond this.
_WAIT_SECONDS = ENGINE_SECONDS + 1
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
    """similar_resources, asked now (a remote engine) or when wanted (one in this process): call
    the returned function for the ids. It never raises, as similar_resources."""
    if not backend.remote:
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


def distinctive(text_by_column: tuple[str, ...]) -> list[str]:
    """The resource's candidate words, most weighted first (title words count most)."""
    counts: Counter[str] = Counter()
    for weight, text in zip(_COLUMN_WEIGHTS, text_by_column, strict=False):
        for word in _WORD.findall((text or "").casefold()):
            if len(word) >= MIN_WORD_LENGTH and word not in STOPWORDS:
                counts[word] += weight
    return [word for word, _count in counts.most_common(MAX_CANDIDATES)]
