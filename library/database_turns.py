"""The worker's threads taking turns at the database while their files are read side by side.

``run_worker --concurrency N`` runs N tasks at once, one a thread, each with its own database
connection. SQLite lets one connection write at a time: threads that all wrote whenever they
liked would queue inside SQLite and, past its busy timeout, fail with "database is locked".
So, on SQLite, a thread holds the turn while it runs a task and gives it up only while a
sandboxed reader reads its file (``library.reading``): the long part, which needs no database,
runs in parallel; storing what was read waits its turn. PostgreSQL needs no turns.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


class _Turn:
    """A lock taken in the order asked (a ticket lock). A plain lock would go back to the thread
    that just let it go, which is still running: a thread whose file has been read would wait
    until the other starts reading, its reader idle meanwhile."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._next_ticket = 0
        self._serving = 0

    def acquire(self) -> None:
        with self._changed:
            ticket = self._next_ticket
            self._next_ticket += 1
            while ticket != self._serving:
                self._changed.wait()

    def release(self) -> None:
        with self._changed:
            self._serving += 1
            self._changed.notify_all()


_turn = _Turn()
_this_thread = threading.local()
_taking_turns = False


def take_turns(enabled: bool) -> None:
    """Have the threads of this process take turns at the database (or not)."""
    global _taking_turns
    _taking_turns = enabled


def taking_turns() -> bool:
    return _taking_turns


def _holding() -> bool:
    return getattr(_this_thread, "holding", False)


@contextmanager
def database_turn() -> Iterator[None]:
    """Hold the database turn for the block (at once when threads do not take turns)."""
    if not _taking_turns or _holding():
        yield
        return
    _turn.acquire()
    _this_thread.holding = True
    try:
        yield
    finally:
        _this_thread.holding = False
        _turn.release()


@contextmanager
def turn_given_up() -> Iterator[None]:
    """Let the other threads use the database during the block (a file being read).

    Kept when the thread is inside a transaction: its connection may hold SQLite's write lock,
    and another thread's write would wait for it anyway.
    """
    if not _holding() or connection.in_atomic_block:
        yield
        return
    _this_thread.holding = False
    _turn.release()
    try:
        yield
    finally:
        _turn.acquire()
        _this_thread.holding = True
