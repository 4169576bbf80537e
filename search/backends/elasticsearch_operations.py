"""Elasticsearch's work beyond searching (search/backends/base.py), each in its own module: the
ElasticsearchBackend class takes these methods from here."""

from __future__ import annotations

from collections.abc import Iterable

from ..contract import DRIFT_CHECK, REBUILD, RELATED, SPELLING, TITLE_SUGGESTIONS, ResourceRecord
from .base import BaseSearchBackend

OPERATIONS = frozenset({SPELLING, TITLE_SUGGESTIONS, RELATED, DRIFT_CHECK, REBUILD})


class ElasticsearchOperations(BaseSearchBackend):
    # Another service: the resource page asks it from a worker thread while it builds itself.
    remote = True
    # The new index is filled while writes still go to the live one.
    rebuild_misses_writes = True

    def spelling_corrections(
        self, words: list[str], *, unknown_only: bool = False, context: tuple[str, ...] = ()
    ) -> dict[str, str]:
        from .elasticsearch_spelling import corrections

        return corrections(
            self.client, self.alias, words, unknown_only=unknown_only, context=context
        )

    def title_suggestions(self, words: list[str], access: tuple[str, ...]) -> list[int]:
        from .elasticsearch_suggest import title_ids

        return title_ids(self.client, self.alias, words, access)

    def similar(self, resource_id: int, size: int, access: tuple[str, ...]) -> list[int]:
        from .elasticsearch_related import similar_ids

        return similar_ids(self.client, self.alias, resource_id, size, access)

    def indexed_count(self) -> int:
        from .elasticsearch_drift import indexed_count

        self.setup()
        return indexed_count(self.client, self.alias)

    def indexed_digests(self) -> dict[int, str]:
        from .elasticsearch_drift import indexed_digests

        self.setup()
        return indexed_digests(self.client, self.alias)

    def expected_digests(self, records: Iterable[ResourceRecord]) -> dict[int, str]:
        from .elasticsearch_drift import expected_digests

        return expected_digests(records)

    def rebuild(self, records: Iterable[ResourceRecord]) -> int:
        from .elasticsearch_rebuild import rebuild

        return rebuild(self, records)
