"""Workbook, CSV and slide reading benchmark: the hub's sandboxed reader beside a plain loop.

    python -m bench.extract_office [--corpus ../shared/corpus/office] [--rounds 3]

In one run, over the same files, one file at a time:

- "plain": what a script would do in this process: openpyxl in read-only mode (saved values)
  turning every cell to text; python-pptx collecting every shape's text and the notes; the
  csv module. No checks, no limits, no sandbox.
- "hub (pool)": ``extract_file`` as the worker runs it: the content check, a warm sandboxed
  reader (one, kept warm across files), the row numbers and preview kept, the result sent back
  over the reader's pipe.

Files: the office corpus (Apache POI's test data: many tiny files, where per-file costs weigh),
workbooks and CSV files the benchmark writes (20,000 to 100,000 rows: where rows/s is decided).
Rows are the rows the plain loop saw; a file counts only when both read it. Each file is read
``--rounds`` times by each, alternately, and the fastest time kept (the machine is shared).
Writes bench/results/extract-office.md and .json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "office"
TARGET = 0.8


def plain_workbook(path: Path) -> int:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = 0
    try:
        for sheet in workbook.worksheets:
            for values in sheet.iter_rows(values_only=True):
                " ".join("" if value is None else str(value) for value in values)
                rows += 1
    finally:
        workbook.close()
    return rows


def plain_deck(path: Path) -> int:
    import pptx

    deck = pptx.Presentation(path)
    slides = 0
    for slide in deck.slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
        "\n".join(texts)
        slides += 1
    return slides


def plain_csv(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as handle:
        sample = handle.read(65536)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample)
        return sum(1 for row in csv.reader(handle, dialect) if " ".join(row) or True)


PLAIN = {".xlsx": plain_workbook, ".xlsm": plain_workbook, ".pptx": plain_deck, ".csv": plain_csv}


def made_files(folder: Path) -> list[Path]:
    """Workbooks and CSV files of realistic size: district data, a few columns, mixed types."""
    import openpyxl

    rng = random.Random(25)
    districts = ["Gasabo", "Kicukiro", "Nyarugenge", "Rubavu", "Musanze", "Huye", "Nyagatare"]
    made = []
    for rows in (20_000, 50_000, 100_000):
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet(f"Returns {rows}")
        sheet.append(["District", "Year", "Sex", "Age", "Returns", "Note"])
        for n in range(rows):
            sheet.append(
                [
                    rng.choice(districts),
                    rng.randint(2015, 2025),
                    rng.choice("FM"),
                    rng.randint(0, 90),
                    rng.random() * 100,
                    f"case {n}",
                ]
            )
        path = folder / f"returns-{rows}.xlsx"
        workbook.save(path)
        made.append(path)
        table = folder / f"returns-{rows}.csv"
        with open(table, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["district", "year", "sex", "age", "returns", "note"])
            for n in range(rows):
                writer.writerow(
                    [
                        rng.choice(districts),
                        rng.randint(2015, 2025),
                        rng.choice("FM"),
                        rng.randint(0, 90),
                        f"{rng.random() * 100:.2f}",
                        f"case {n}",
                    ]
                )
        made.append(table)
    return made


def corpus_files(corpus: Path) -> list[Path]:
    manifest = corpus / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    lines = manifest.read_text(encoding="utf-8").splitlines()[1:]
    return [corpus / line.split("\t")[0] for line in lines if line]


def _shown(path: Path) -> str:
    """A file as the report names it: under the corpus, or by its name (a file made here)."""
    try:
        return str(path.relative_to(DEFAULT_CORPUS.parent))
    except ValueError:
        return path.name


def measure(paths: list[Path], rounds: int) -> list[dict[str, Any]]:
    from library.extraction import EXTRACTED, extract_file
    from library.extraction.sandbox import ReaderPool

    pool = ReaderPool(1, 1024)
    rows: list[dict[str, Any]] = []
    try:
        extract_file(paths[0], timeout_seconds=60, pool=pool)  # the reader warm, as in the worker
        for path in paths:
            plain = PLAIN[path.suffix.lower()]
            plain_times, hub_times, count, ok = [], [], None, True
            for _ in range(rounds):
                started = time.perf_counter()
                try:
                    count = plain(path)
                except Exception:  # noqa: BLE001 - a file the plain loop cannot read is left out
                    ok = False
                    break
                plain_times.append(time.perf_counter() - started)
                started = time.perf_counter()
                result = extract_file(path, timeout_seconds=60, pool=pool)
                hub_times.append(time.perf_counter() - started)
                if result.status != EXTRACTED:
                    ok = False
                    break
            if ok and count:
                rows.append(
                    {
                        "path": _shown(path),
                        "kind": "slides" if path.suffix.lower() == ".pptx" else "rows",
                        "count": count,
                        "plain": min(plain_times),
                        "hub": min(hub_times),
                    }
                )
    finally:
        pool.close()
    return rows


def summarise(groups: dict[str, list[dict]]) -> dict[str, Any]:
    summary = {}
    for name, items in groups.items():
        if not items:
            continue
        count = sum(item["count"] for item in items)
        plain = sum(item["plain"] for item in items)
        hub = sum(item["hub"] for item in items)
        summary[name] = {
            "files": len(items),
            "units": count,
            "plain_per_s": count / plain,
            "hub_per_s": count / hub,
            "ratio": plain / hub,
        }
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    # openpyxl warns about every odd part of POI's test files; the reader silences them too.
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory(prefix="bench-office-") as folder:
        made = made_files(Path(folder))
        corpus = corpus_files(args.corpus)
        measured = measure(made + corpus, args.rounds)
    made_names = {_shown(path) for path in made}
    is_made = [item for item in measured if item["path"] in made_names]
    from_corpus = [item for item in measured if item["path"] not in made_names]
    groups = {
        "workbooks, made (20k-100k rows)": [
            item for item in is_made if item["path"].endswith(".xlsx")
        ],
        "CSV, made (20k-100k rows)": [item for item in is_made if item["path"].endswith(".csv")],
        "workbooks, POI corpus": [item for item in from_corpus if item["kind"] == "rows"],
        "decks, POI corpus (slides)": [item for item in from_corpus if item["kind"] == "slides"],
    }
    summary = summarise(groups)
    args.out.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "rounds": args.rounds,
        "target_ratio": TARGET,
        "summary": summary,
        "files": measured,
    }
    (args.out / "extract-office.json").write_text(json.dumps(report, indent=1) + "\n")
    lines = [
        "# Office reading: the hub's sandboxed reader beside a plain loop",
        "",
        "`python -m bench.extract_office` (part of `make bench-extract`), one run: each file read "
        f"{args.rounds} times by each, alternately, fastest kept; one warm sandboxed reader. "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}; a shared machine: noisy.",
        "",
        '"plain" is openpyxl (read-only, saved values) / python-pptx / csv in this process, '
        'no checks; "hub (pool)" is `extract_file`: content check, sandboxed warm reader, row '
        "numbers and preview kept. Ratio = hub rate / plain rate (target >= "
        f"{TARGET}).",
        "",
        "| files | n | rows or slides | plain /s | hub (pool) /s | ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, values in summary.items():
        lines.append(
            f"| {name} | {values['files']} | {values['units']:,} | {values['plain_per_s']:,.0f} "
            f"| {values['hub_per_s']:,.0f} | {values['ratio']:.2f} |"
        )
    (args.out / "extract-office.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
