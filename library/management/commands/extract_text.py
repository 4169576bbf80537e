"""``manage.py extract_text FILE... [--json]``: what the pipeline would store for each file.

The tool for "why isn't my PDF found?": each file goes through the same content checks,
sandbox, time and memory limits as an uploaded document does in the worker. With ``--json``,
one JSON object per line; without, a table. A file that cannot be opened gets an error line
on stderr (stdout keeps only what the pipeline would store) and the command exits non-zero
once every file has been tried.

Files are read ``--jobs`` at a time by that many warm sandboxed readers (one process each, kept
for the whole run), the largest first: a long file started last would leave the other readers
idle while it ends the run alone. What was read is printed in the order given. Scanned pages
are recognised (OCR) as in the worker unless ``--no-ocr``.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from library.extraction import TOO_LARGE, Extraction, UnacceptableFile, check_upload, extract_file
from library.extraction.ocr import DEFAULT_LANGUAGES
from library.extraction.sandbox import ReaderPool

EXIT_MISSING = 1


def describe(
    path: str,
    *,
    timeout_seconds: float,
    memory_mb: int,
    max_bytes: int,
    pool: ReaderPool | None = None,
    ocr: dict | None = None,
) -> dict:
    """Read one file as the worker would; a dict ready to print as JSON."""
    result = _read(
        path,
        timeout_seconds=timeout_seconds,
        memory_mb=memory_mb,
        max_bytes=max_bytes,
        pool=pool,
        ocr=ocr,
    )
    return {
        "path": path,
        "status": result.status,
        "engine": result.engine,
        "pages": len(result.pages),
        "page_count": _page_count(result),
        "characters": result.characters,
        "nonspace_characters": result.nonspace_characters,
        "seconds": result.seconds,
        "error": result.error,
        "language": result.metadata.get("language", ""),
        "metadata": result.metadata,
    }


def _read(
    path: str,
    *,
    timeout_seconds: float,
    memory_mb: int,
    max_bytes: int,
    pool: ReaderPool | None = None,
    ocr: dict | None = None,
) -> Extraction:
    # The upload limit first, as the upload form applies it: a file the hub would refuse is
    # reported as refused, not read.
    with open(path, "rb") as handle:
        try:
            check_upload(handle, max_bytes=max_bytes)
        except UnacceptableFile as refusal:
            status = TOO_LARGE if refusal.code == "too_large" else refusal.status
            return Extraction(status, [], {}, "", refusal.message)
    return extract_file(
        path,
        timeout_seconds=timeout_seconds,
        memory_mb=memory_mb,
        max_pages=settings.HUB_EXTRACTION_MAX_PAGES,
        max_characters=settings.HUB_EXTRACTION_MAX_CHARACTERS,
        ocr=ocr,
        pool=pool,
    )


def _page_count(result: Extraction) -> int | None:
    declared = str(result.metadata.get("page_count", ""))
    return int(declared) if declared.isdigit() else (len(result.pages) or None)


def largest_first(paths: list[str]) -> list[str]:
    """The files, each once, the largest first; a file that cannot be sized comes first (it
    only takes a moment to be found missing)."""

    sizes = {}
    for path in paths:
        try:
            sizes[path] = os.path.getsize(path)
        except OSError:
            sizes[path] = -1
    return sorted(sizes, key=lambda path: (sizes[path] >= 0, -sizes[path]))


class Command(BaseCommand):
    help = "Read PDF and Word files as the hub's worker would and say what it would store."
    # It reads files and never the database: the project's checks (`manage.py check`) are not
    # its business, and would only delay the first file.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="one JSON object per line")
        parser.add_argument(
            "--timeout",
            type=float,
            default=None,
            help="seconds per file (default: HUB_EXTRACTION_TIMEOUT_SECONDS)",
        )
        parser.add_argument(
            "--memory-mb",
            type=int,
            default=None,
            help="memory cap per file (default: HUB_EXTRACTION_MEMORY_MB)",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="files read at once, each by its own reader (default: the number of CPUs)",
        )
        parser.add_argument(
            "--no-ocr", action="store_true", help="do not recognise the text of scanned pages"
        )
        parser.add_argument(
            "--ocr-languages",
            default=DEFAULT_LANGUAGES,
            help=f"Tesseract languages for scanned pages (default: {DEFAULT_LANGUAGES})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        timeout = options["timeout"] or settings.HUB_EXTRACTION_TIMEOUT_SECONDS
        memory_mb = options["memory_mb"] or settings.HUB_EXTRACTION_MEMORY_MB
        as_json = options["json"]
        jobs = max(1, options["jobs"] or os.cpu_count() or 1)
        ocr = None
        if settings.HUB_OCR_ENABLED and not options["no_ocr"] and settings.HUB_OCR_MAX_PAGES > 0:
            ocr = {
                "languages": options["ocr_languages"],
                "max_pages": settings.HUB_OCR_MAX_PAGES,
                "seconds": settings.HUB_OCR_SECONDS,
            }
        pool = ReaderPool(jobs, memory_mb)

        def one(path: str) -> tuple[str, dict | None, str]:
            if not os.path.isfile(path):
                return path, None, "no such file" if not os.path.exists(path) else "not a file"
            try:
                row = describe(
                    path,
                    timeout_seconds=timeout,
                    memory_mb=memory_mb,
                    max_bytes=settings.HUB_MAX_UPLOAD_BYTES,
                    pool=pool,
                    ocr=ocr,
                )
            except OSError as error:
                return path, None, str(error.strerror or error)
            return path, row, ""

        missing = 0
        rows = []
        files = options["files"]
        try:
            with ThreadPoolExecutor(max_workers=jobs) as executor:
                # Submitted largest first (the executor starts them in that order), printed
                # in the order given, each as soon as those before it are done.
                reading = {path: executor.submit(one, path) for path in largest_first(files)}
                for path, row, why in (reading[path].result() for path in files):
                    if row is None:
                        missing += 1
                        self.stderr.write(f"{path}: {why}")
                    elif as_json:
                        self.stdout.write(json.dumps(row, ensure_ascii=False))
                    else:
                        rows.append(row)
        finally:
            pool.close()
        if rows:
            self._table(rows)
        if missing:
            raise SystemExit(EXIT_MISSING)

    def _table(self, rows: list[dict]) -> None:
        header = ("status", "pages", "chars", "lang", "seconds", "engine", "file")
        body = [
            (
                row["status"],
                str(row["page_count"] or 0),
                str(row["nonspace_characters"]),
                row["language"] or "-",
                f"{row['seconds']:.2f}",
                row["engine"] or "-",
                row["path"],
            )
            for row in rows
        ]
        widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header) - 1)]
        for line in [header, *body]:
            cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
            self.stdout.write("  ".join([*cells, line[-1]]))
        for row in rows:
            if row["error"]:
                self.stdout.write(f"{row['path']}: {row['error']}")
