"""``manage.py suggest_objectives FILE... [--json] [--text-only]``: the GCM objectives and
guiding principles the hub would suggest for each file, with the reasons.

Each file is read exactly as an upload is (same checks, sandbox and limits) and ranked by the
same code as the resource form's suggestions, with the library's learned model when there is
one (``--text-only``: the objective text alone). A file that cannot be opened is reported on
stderr and the command exits 1 once every file has been tried.
"""

from __future__ import annotations

import json
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from suggestions.files import rank_extraction, read_file
from suggestions.ranking import BASIS_TEXT_AND_LIBRARY, BASIS_TEXT_UNMODELLED, Ranking

BASIS_LABELS = {
    "objective_text": "objective text",
    BASIS_TEXT_AND_LIBRARY: "objective text and the library's tagged resources",
    BASIS_TEXT_UNMODELLED: "objective text alone (a language the hub does not model)",
}


class Command(BaseCommand):
    help = "Suggest GCM objectives and guiding principles for PDF and Word files, with reasons."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="one JSON object per line")
        parser.add_argument(
            "--text-only",
            action="store_true",
            help="rank by the objective text alone, without the model learned from the library",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from suggestions.reader import current_model

        learned = None if options["text_only"] else current_model()
        failed = 0
        for path in options["files"]:
            if not os.path.isfile(path):
                failed += 1
                why = "no such file" if not os.path.exists(path) else "not a file"
                self.stderr.write(f"{path}: {why}")
                continue
            try:
                ranking = rank_extraction(read_file(path), learned)
            except OSError as error:
                failed += 1
                self.stderr.write(f"{path}: {error.strerror or error}")
                continue
            if options["json"]:
                self.stdout.write(
                    json.dumps({"path": path, **ranking.as_dict()}, ensure_ascii=False)
                )
            else:
                self._print(path, ranking)
        if failed:
            raise SystemExit(1)

    def _print(self, path: str, ranking: Ranking) -> None:
        self.stdout.write(path)
        if ranking.status != "ok":
            self.stdout.write(f"  no suggestions: {ranking.message}")
            return
        self.stdout.write(
            f"  language: {ranking.language or 'unknown'}; from the "
            f"{BASIS_LABELS.get(ranking.basis, ranking.basis)}"
        )
        for heading, items in (
            ("objectives", ranking.objectives),
            ("principles", ranking.principles),
        ):
            self.stdout.write(f"  {heading}:")
            for item in items:
                self.stdout.write(f"    {item.number:>2}. {item.title} ({item.score:.3f})")
                reasons = "; ".join(
                    f"{r.term} (p. {', '.join(map(str, r.pages))})" for r in item.reasons
                )
                if reasons:
                    self.stdout.write(f"        because: {reasons}")
                if item.passage:
                    self.stdout.write(f"        p. {item.passage_page}: {item.passage}")
