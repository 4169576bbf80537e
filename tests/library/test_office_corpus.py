"""Every workbook and deck of the shared office corpus (466 files from Apache POI's test data,
broken ones included) read through the sandbox: each ends with text or a clear status.

"Clear" means one of the statuses and a one-line reason an editor can read (never an
exception, never the server's path to the file). Most files must read text: the corpus is
mostly ordinary workbooks and decks. About 15 s on 2 cores. Skipped without the corpus.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from library.extraction import EXTRACTED, STATUSES, Extraction, extract_file
from library.extraction.sandbox import ReaderPool

OFFICE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "office"

pytestmark = pytest.mark.skipif(
    not (OFFICE / "MANIFEST.tsv").is_file(), reason=f"the office corpus is not at {OFFICE}"
)


def _paths() -> list[Path]:
    lines = (OFFICE / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [OFFICE / line.split("\t")[0] for line in lines if line]


def test_every_office_file_ends_with_text_or_a_clear_status() -> None:
    paths = _paths()
    assert len(paths) == 466
    pool = ReaderPool(2, 1024)
    try:
        with ThreadPoolExecutor(2) as workers:
            results: list[Extraction] = list(
                workers.map(lambda path: extract_file(path, timeout_seconds=30, pool=pool), paths)
            )
    finally:
        pool.close()
    statuses = Counter(result.status for result in results)
    print("\noffice corpus:", dict(statuses))
    for path, result in zip(paths, results, strict=True):
        assert result.status in STATUSES, path
        if result.status == EXTRACTED:
            assert any(page.strip() for page in result.pages), path
            assert len(result.places) == len(result.pages), path
            assert result.preview.get("kind") in ("table", "slides"), path
        else:
            assert result.error and "\n" not in result.error, path
            assert str(OFFICE) not in result.error, path
    by_kind = Counter(path.suffix for path, r in zip(paths, results, strict=True) if r.pages)
    # Most of the corpus is ordinary files: at least 75 % of each kind reads text.
    assert statuses[EXTRACTED] >= 0.75 * len(paths)
    assert by_kind[".pptx"] >= 0.75 * 93 and by_kind[".xlsx"] >= 0.75 * 359
