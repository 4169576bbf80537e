"""The embedded engine's work beyond searching (search/backends/base.py), each in its own module:
the EmbeddedBackend class takes these methods from here."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..contract import (
    DRIFT_CHECK,
    REBUILD,
    RELATED,
    SPELLING,
    TITLE_SUGGESTIONS,
    ResourceRecord,
    SearchUnavailable,
)
from .base import BaseSearchBackend

OPERATIONS = frozenset({SPELLING, TITLE_SUGGESTIONS, RELATED, DRIFT_CHECK, REBUILD})


class EmbeddedOperations(BaseSearchBackend):
    # Works in this process, on a connection per thread.
    remote = False
    # The rebuild holds the write lock: writes made meanwhile wait, and land after it.
    rebuild_misses_writes = False

    def _reading(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error

    def spelling_corrections(
        self, words: list[str], *, unknown_only: bool = False, context: tuple[str, ...] = ()
    ) -> dict[str, str]:
        from .embedded_spelling import corrections

        return corrections(self._reading(), words, unknown_only=unknown_only, context=context)

    def title_suggestions(self, words: list[str], access: tuple[str, ...]) -> list[int]:
        from .embedded_suggest import title_ids

        return title_ids(self._reading(), words, access)

    def similar(self, resource_id: int, size: int, access: tuple[str, ...]) -> list[int]:
        from .embedded_related import similar_ids

        return similar_ids(self._reading(), resource_id, size, access)

    def indexed_count(self) -> int:
        from .embedded_drift import indexed_count

        return indexed_count(self._reading())

    def indexed_digests(self) -> dict[int, str]:
        from .embedded_drift import indexed_digests

        return indexed_digests(self._reading())

    def expected_digests(self, records: Iterable[ResourceRecord]) -> dict[int, str]:
        from .embedded_drift import expected_digests

        return expected_digests(records, type(self))

    def rebuild(self, records: Iterable[ResourceRecord]) -> int:
        from .embedded_rebuild import rebuild

        return rebuild(self, records)
