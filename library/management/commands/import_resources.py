"""manage.py import_resources PATH... [--objective N]... [--type TYPE] [--publish]"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from library.importing import ImportRefused, import_file
from library.models import GcmObjective, LibraryIndexPage, ResourceType


class Command(BaseCommand):
    help = "Create one resource per PDF or Word file, titled from the file's metadata."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="PDF or .docx files")
        parser.add_argument(
            "--objective", type=int, action="append", default=[], help="GCM objective number"
        )
        parser.add_argument(
            "--type",
            dest="resource_type",
            default=ResourceType.REPORT.value,
            choices=ResourceType.values,
            help="resource type",
        )
        parser.add_argument("--publish", action="store_true", help="publish (default: draft)")

    def handle(
        self,
        *args,
        paths: list[Path],
        objective: list[int],
        resource_type: str,
        publish: bool,
        **options,
    ) -> None:
        objectives = list(GcmObjective.objects.filter(number__in=objective))
        unknown = sorted(set(objective) - {o.number for o in objectives})
        if unknown:
            raise CommandError(f"No GCM objective numbered {unknown}: use 1 to 23.")
        library = LibraryIndexPage.objects.first()
        if library is None:
            raise CommandError("There is no library page yet: create one (or run seed_demo).")
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"Not a file: {', '.join(missing)}")
        failures = 0
        for path in paths:
            try:
                imported = import_file(
                    path,
                    library=library,
                    objectives=objectives,
                    resource_type=resource_type,
                    publish=publish,
                    max_bytes=settings.HUB_MAX_UPLOAD_BYTES,
                )
            except ImportRefused as refusal:
                failures += 1
                self.stderr.write(f"refused\t{path}\t{refusal}")
                continue
            page, document = imported.page, imported.document
            url = page.full_url or page.url_path
            state = "published" if publish else "draft"
            self.stdout.write(
                f"{page.pk}\t{url}\t{state}\t{document.extraction_status}\t{page.title}"
            )
        if failures:
            raise CommandError(f"{failures} of {len(paths)} files were refused.")
