"""manage.py search_index rebuild|clear: the index is always rebuildable from the database."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from library.models import ResourcePage
from search.backends import get_backend
from search.contract import SearchUnavailable
from search.records import RECORD_PREFETCH, build_record, is_indexable

BATCH = 200


class Command(BaseCommand):
    help = "Rebuild the members' search index from the database, or empty it."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild", "clear"])

    def handle(self, *args, action: str, **options) -> None:
        backend = get_backend()
        try:
            if action == "clear":
                backend.reset()
                self.stdout.write("Search index emptied.")
                return
            count = self._rebuild(backend)
        except SearchUnavailable as error:
            raise CommandError(f"The search engine is unavailable: {error}") from error
        self.stdout.write(f"Indexed {count} resources with the {backend.name} backend.")

    def _records(self):
        pages = (
            ResourcePage.objects.live()
            .select_related("working_group")
            .prefetch_related(*RECORD_PREFETCH)
            .order_by("pk")
        )
        for page in pages.iterator(chunk_size=BATCH):
            if is_indexable(page):
                yield build_record(page)

    def _rebuild(self, backend) -> int:
        records = list(self._records())
        if backend.name == "elasticsearch":
            # Fill a fresh index, then move the alias: readers never see it half-built.
            new_index = backend.create_index(make_live=False)
            for start in range(0, len(records), BATCH):
                backend.index(records[start : start + BATCH], index_name=new_index)
            backend.client.indices.refresh(index=new_index)
            backend.swap_alias(new_index)
        else:
            backend.reset()
            for start in range(0, len(records), BATCH):
                backend.index(records[start : start + BATCH])
        return len(records)
