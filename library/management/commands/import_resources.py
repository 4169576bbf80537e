"""manage.py import_resources (PATH... | --csv FILE) [--objective N]... [--type TYPE] [--publish]
[--report OUT.csv]

Files and folders (searched recursively), or a CSV of metadata with one resource per line.
Re-running the same import creates nothing twice (see library.importing). Every row's outcome
goes to the summary and, with --report, to a CSV; a bad row never stops the run.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from library.importing import (
    CREATED,
    REFUSED,
    SKIPPED,
    ImportRefused,
    Outcome,
    import_row,
    rows_from_csv,
    rows_from_paths,
)
from library.models import GcmObjective, LibraryIndexPage, ResourceType

REPORT_COLUMNS = ["line", "source", "outcome", "reason", "resource_id", "url", "title"]


class Progress:
    """A one-line bar on a terminal; one line per item when stderr is a file (logs, CI)."""

    def __init__(self, stream: IO[str], total: int, enabled: bool) -> None:
        self.stream, self.total, self.enabled = stream, total, enabled
        self.tty = enabled and getattr(stream, "isatty", lambda: False)()

    def step(self, done: int, label: str) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * done // max(self.total, 1)
        bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} {label[-50:]}"
        if self.tty:
            self.stream.write("\r" + bar.ljust(100))
            self.stream.flush()
        else:
            self.stream.write(bar + "\n")

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")


class Command(BaseCommand):
    help = (
        "Create one resource per PDF or Word file (files, folders searched recursively, or a CSV "
        "of metadata); re-running skips what is already imported."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="PDF or Word files, or folders")
        parser.add_argument(
            "--csv",
            dest="csv_path",
            type=Path,
            help="a CSV with columns title, type, objectives, organisations, date, language, "
            "file (relative to the CSV) or url",
        )
        parser.add_argument(
            "--objective",
            type=int,
            action="append",
            default=[],
            help="GCM objective number (for a CSV: when a row names none)",
        )
        parser.add_argument(
            "--type",
            dest="resource_type",
            default="",
            choices=ResourceType.values,
            help="resource type (default: report for a file, external-link for a link; for a "
            "CSV: when a row names none)",
        )
        parser.add_argument("--publish", action="store_true", help="publish (default: draft)")
        parser.add_argument("--report", type=Path, help="write every row's outcome to this CSV")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(
        self,
        *args,
        paths: list[Path],
        csv_path: Path | None,
        objective: list[int],
        resource_type: str,
        publish: bool,
        report: Path | None,
        no_progress: bool,
        **options,
    ) -> None:
        if bool(paths) == bool(csv_path):
            raise CommandError("Name files or folders, or one --csv file (not both).")
        objectives = list(GcmObjective.objects.filter(number__in=objective))
        unknown = sorted(set(objective) - {o.number for o in objectives})
        if unknown:
            raise CommandError(f"No GCM objective numbered {unknown}: use 1 to 23.")
        library = LibraryIndexPage.objects.first()
        if library is None:
            raise CommandError("There is no library page yet: create one (or run seed_demo).")
        if csv_path is not None:
            if not csv_path.is_file():
                raise CommandError(f"Not a file: {csv_path}")
            try:
                rows = list(
                    rows_from_csv(csv_path, objectives=objectives, resource_type=resource_type)
                )
            except ImportRefused as error:
                raise CommandError(str(error)) from error
            except (UnicodeDecodeError, OSError) as error:
                raise CommandError(f"Cannot read {csv_path} as a UTF-8 CSV: {error}") from error
        else:
            missing = [str(p) for p in paths if not p.exists()]
            if missing:
                raise CommandError(f"Not a file: {', '.join(missing)}")
            rows = list(rows_from_paths(paths, objectives=objectives, resource_type=resource_type))

        report_file = report.open("w", newline="", encoding="utf-8") if report else None
        writer = csv_writer(report_file)
        progress = Progress(self.stderr._out, len(rows), enabled=not no_progress)
        counts: Counter[str] = Counter()
        try:
            for done, row in enumerate(rows, start=1):
                progress.step(done - 1, row.source)
                if isinstance(row, Outcome):
                    outcome = row
                else:
                    outcome = import_row(
                        row,
                        library=library,
                        publish=publish,
                        max_bytes=settings.HUB_MAX_UPLOAD_BYTES,
                    )
                counts[outcome.status] += 1
                self._print(outcome, publish)
                if writer is not None:
                    writer.writerow(_report_row(outcome))
                    report_file.flush()  # an interrupted run still leaves its report so far
                progress.step(done, row.source)
        finally:
            progress.close()
            if report_file is not None:
                report_file.close()
        self.stderr.write(
            f"{len(rows)} rows: {counts[CREATED]} created, {counts[SKIPPED]} skipped "
            f"(already imported), {counts[REFUSED]} refused."
            + (f" Report: {report}" if report else "")
        )
        if counts[REFUSED]:
            raise CommandError(f"{counts[REFUSED]} of {len(rows)} files were refused.")

    def _print(self, outcome: Outcome, publish: bool) -> None:
        if outcome.status == CREATED:
            page = outcome.page
            url = page.full_url or page.url_path
            state = "published" if publish else "draft"
            status = outcome.document.extraction_status if outcome.document else "link"
            self.stdout.write(f"{page.pk}\t{url}\t{state}\t{status}\t{page.title}")
        else:
            where = f"line {outcome.line}: " if outcome.line else ""
            self.stderr.write(f"{outcome.status}\t{where}{outcome.source}\t{outcome.reason}")


def csv_writer(handle: IO[str] | None):
    if handle is None:
        return None
    writer = csv.writer(handle)
    writer.writerow(REPORT_COLUMNS)
    return writer


def _report_row(outcome: Outcome) -> list:
    page = outcome.page
    return [
        outcome.line or "",
        outcome.source,
        outcome.status,
        outcome.reason,
        page.pk if page else "",
        (page.full_url or page.url_path) if page else "",
        page.title if page else "",
    ]
