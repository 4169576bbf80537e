"""manage.py search_index rebuild|clear|check [--fix]: the index is always rebuildable from the
database, and can be checked against it.

rebuild never shows readers an empty or partial index. Elasticsearch: a new index is filled and
the alias moved in one step; a failure deletes the half-built index and the old one keeps
serving. Embedded: the whole rebuild is one SQLite transaction; readers (WAL mode) keep reading
the old contents until it commits, and a failure rolls it back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search import consistency
from search.backends import get_backend
from search.contract import ResourceRecord, SearchUnavailable

BATCH = 200
SHOWN_IDS = 20


def _batches(records: Iterable[ResourceRecord]) -> Iterator[list[ResourceRecord]]:
    batch: list[ResourceRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database, empty it, or check it against the "
        "database (check --fix repairs what differs)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild", "clear", "check"])
        parser.add_argument(
            "--fix", action="store_true", help="check: index missing or stale, remove extra"
        )

    def handle(self, *args, action: str, fix: bool, **options) -> None:
        backend = get_backend()
        try:
            if action == "clear":
                backend.reset()
                self.stdout.write("Search index emptied.")
                return
            if action == "check":
                self._check(backend, fix)
                return
            count = rebuild(backend)
        except SearchUnavailable as error:
            raise CommandError(f"The search engine is unavailable: {error}") from error
        self.stdout.write(f"Indexed {count} resources with the {backend.name} backend.")

    def _check(self, backend, fix: bool) -> None:
        drift = consistency.check(backend)
        for label, ids in (
            ("missing", drift.missing),
            ("extra", drift.extra),
            ("stale", drift.stale),
        ):
            shown = ", ".join(map(str, ids[:SHOWN_IDS])) + (" …" if len(ids) > SHOWN_IDS else "")
            self.stdout.write(f"{label}: {len(ids)}" + (f" ({shown})" if ids else ""))
        self.stdout.write(
            f"Checked {drift.checked} records against the {backend.name} index: "
            f"{drift.total} differ."
        )
        if not drift.total:
            return
        if not fix:
            raise CommandError(
                f"The index has drifted from the database ({drift.total} records): "
                "run `search_index check --fix`."
            )
        consistency.fix(drift)
        after = consistency.check(backend)
        if after.total:
            raise CommandError(f"{after.total} records still differ after the repair.")
        self.stdout.write(f"Repaired {drift.total} records; the index matches the database.")


def rebuild(
    backend, records: Iterable[ResourceRecord] | None = None, *, catch_up: bool | None = None
) -> int:
    """Rebuild without a moment of empty or partial results; returns the number of records.

    catch_up (default: when the records are the database's) redoes, after an Elasticsearch
    rebuild, the pages edited or deleted while it ran."""
    if catch_up is None:
        catch_up = records is None
    records = consistency.expected_records() if records is None else records
    if backend.name == "elasticsearch":
        return _rebuild_elasticsearch(backend, records, catch_up=catch_up)
    return _rebuild_embedded(backend, records)


def _rebuild_elasticsearch(
    backend, records: Iterable[ResourceRecord], *, catch_up: bool = True
) -> int:
    started = timezone.now()
    backend.setup()
    new_index = backend.create_index(make_live=False)
    count = 0
    try:
        for batch in _batches(records):
            backend.index(batch, index_name=new_index)
            count += len(batch)
        backend.client.indices.refresh(index=new_index)
        backend.swap_alias(new_index)
    except BaseException:
        # The alias never moved: the old index keeps serving; drop the half-built one.
        backend.client.indices.delete(index=new_index, ignore_unavailable=True)
        raise
    if catch_up:  # records given by the caller (tests, benchmarks) are not the database's
        _catch_up(started)
    return count


def _catch_up(since) -> None:
    """Writes during the rebuild went to the old index: redo the pages changed since it began
    and drop records of pages gone meanwhile; `check --fix` covers anything else (a taxonomy
    edit during the rebuild)."""
    from search.indexing import sync_resources
    from search.records import record_types

    changed: list[int] = []
    live: set[int] = set()
    for record_type in record_types():
        model = record_type.model
        live.update(model.objects.live().values_list("pk", flat=True))
        changed += model.objects.filter(latest_revision_created_at__gte=since).values_list(
            "pk", flat=True
        )
        changed += model.objects.filter(last_published_at__gte=since).values_list("pk", flat=True)
    # Pages deleted or unpublished meanwhile may have been copied into the new index first.
    changed += get_backend().indexed_ids() - live
    if changed:
        sync_resources(sorted(set(changed)))


def _rebuild_embedded(backend, records: Iterable[ResourceRecord]) -> int:
    from search.backends.embedded import _transaction

    # Built before the write lock is taken: the lock is then held only while rows are written.
    records = list(records)
    try:
        connection = backend._connect()
        with _transaction(connection):
            backend.reset()  # inside the transaction: no reader ever sees it empty
            for record in records:
                backend._insert(connection, record)
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error
    return len(records)
