"""manage.py search_index rebuild|clear|check [--fix]: the index is always rebuildable from the
database, and can be checked against it.

rebuild never shows readers an empty or partial index: how is the backend's (backend.rebuild;
Elasticsearch fills a new index and moves the alias, the embedded engine writes in one SQLite
transaction). A backend whose rebuild misses the writes made meanwhile has them redone after.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search import consistency
from search.backends import get_backend
from search.contract import DRIFT_CHECK, REBUILD, ResourceRecord, SearchUnavailable

SHOWN_IDS = 20


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
        needed = {"rebuild": REBUILD, "check": DRIFT_CHECK}.get(action)
        if needed and needed not in backend.capabilities:
            raise CommandError(f"The {backend.name} search backend cannot {action} its index.")
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

    catch_up (default: when the records are the database's) redoes, after a rebuild that misses
    the writes made meanwhile (Elasticsearch's), the pages edited or deleted while it ran."""
    if catch_up is None:
        catch_up = records is None
    records = consistency.expected_records() if records is None else records
    started = timezone.now()
    count = backend.rebuild(records)
    # Records given by the caller (tests, benchmarks) are not the database's: nothing to redo.
    if catch_up and backend.rebuild_misses_writes:
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
