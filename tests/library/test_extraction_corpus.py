"""Every file of the shared corpus (370 real PDF and Word files) read through the sandbox.

Each must end with one of the statuses and a one-line reason, never an exception; and where
the corpus's reference pypdf / python-docx run read real text, we must read at least as much
(within 10 %). Files are read two at a time; about 100 s on 2 cores. Prints a summary.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from library.extraction import ENCRYPTED, EXTRACTED, STATUSES, TIMEOUT, Extraction, extract_file

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
TIMEOUT_SECONDS = 20
MEMORY_MB = 1024


def _manifest() -> list[dict[str, str]]:
    lines = (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:] if line]


def _reference_characters(row: dict[str, str]) -> int:
    """What pypdf (PDF) or python-docx (Word) read in the corpus's own run; 0 if it failed."""
    status, characters = (
        (row["ref3_status"], row["ref3_chars"])
        if row["path"].endswith(".pdf")
        else (row["ref2_status"], row["ref2_chars"])
    )
    return int(characters) if status == "ok" and characters.isdigit() else 0


@pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"the shared corpus is not at {CORPUS} (CI puts shared/ beside the clone)",
)
def test_every_corpus_file_is_read_or_refused_cleanly(capsys):
    rows = _manifest()
    assert len(rows) >= 360

    def read(row: dict[str, str]) -> Extraction:
        return extract_file(
            CORPUS / row["path"], timeout_seconds=TIMEOUT_SECONDS, memory_mb=MEMORY_MB
        )

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        results = list(pool.map(read, rows))
    elapsed = time.monotonic() - started

    counts: Counter[tuple[str, str]] = Counter()
    problems = []
    for row, result in zip(rows, results, strict=True):
        kind = "pdf" if row["path"].endswith(".pdf") else "docx"
        counts[kind, result.status] += 1
        if result.status not in STATUSES:
            problems.append(f"{row['path']}: unknown status {result.status!r}")
        if result.status != EXTRACTED and not result.error:
            problems.append(f"{row['path']}: {result.status} without a reason")
        if "\n" in result.error or "Traceback" in result.error:
            problems.append(f"{row['path']}: reason is not one sentence: {result.error!r}")
        reference = _reference_characters(row)
        if reference >= 200:
            cannot_decrypt = result.status == ENCRYPTED and "lacks what it needs" in result.error
            if result.status == TIMEOUT or cannot_decrypt:
                continue
            if result.status != EXTRACTED or result.characters < 0.9 * reference:
                problems.append(
                    f"{row['path']}: {result.status}, {result.characters} characters where the "
                    f"reference read {reference} ({result.error})"
                )

    with capsys.disabled():
        print(f"\n{len(rows)} corpus files read in {elapsed:.0f} s")
        for kind in ("pdf", "docx"):
            line = ", ".join(
                f"{status} {counts[kind, status]}" for status in STATUSES if counts[kind, status]
            )
            print(f"  {kind}: {line}")
    assert not problems, "\n".join(problems)
