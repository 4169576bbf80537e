"""Suggestion and near-duplicate benchmark: objective suggestions over the relevance set, and
near-duplicates over the real corpus plus variants made here.

    python -m bench.suggest [--relevance ../shared/relevance] [--corpus ../shared/corpus]
                            [--library-size 10000] [--folds 5]

**Suggestions** (``../shared/relevance``, 122 documents, 85 with suggested objectives in their
MANIFEST): every file is read as the worker reads it (``suggestions.files.read_file``: the same
checks and sandbox) and ranked by three systems in the same run:

- *objective text*: the hub's ranking from the GCM text alone (``data/gcm.json``) -- the
  measured figure; the relevance set's labels are never used to build or tune it;
- *keyword baseline*: the share of each objective's title words found in the document;
- *objective text + library, cross-validated*: the learned model trained, for each of
  ``--folds`` folds, on the other folds' documents and their MANIFEST objectives only (as if
  editors had tagged them), then ranked with the text score as the form does.

Reported: hit@3 (at least one suggested objective in the top three) over documents that have
any, precision@3, and the time to rank beside the time to read each file.

**Near-duplicates** (``../shared/corpus``): every file with enough text to compare is read and
fingerprinted, then four variants of each are made: *re-saved* (the PDF written again by pypdf,
the Word file re-zipped; read again in the sandbox), *one page removed* (a middle page),
*reordered paragraphs* and *changed cover page* (page 1 replaced by a new cover). Each variant
and each original is checked against the library of originals (LSH bands, then signatures, as
``suggestions.reader.find_likenesses``). A pair is a true near-duplicate when the variant was made
from it (or from a near-copy of it), or, between originals, when at least half of the smaller
text's shingles are in the other, counted exactly on the shingle sets rather than estimated
(the corpus holds copies of one text from different test suites: the same lorem ipsum, the
same test document as PDF and Word). Recall and precision are
given at several thresholds. The check on upload (the indexed band query and the signature
comparison, through the database) is timed against a library of ``--library-size`` documents:
the corpus plus synthetic signatures.

Writes bench/results/suggest.json and bench/results/suggest.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from .near_duplicates import bench_duplicates

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"


def _setup_django(work: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["HUB_VAR_DIR"] = str(work)
    os.environ["HUB_SEARCH_EMBEDDED_PATH"] = str(work / "search.sqlite3")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# -- suggestions -----------------------------------------------------------------------------


def _read_and_rank(folder: Path, row: dict[str, str]) -> dict[str, Any]:
    """One document read as the worker reads it and ranked by its text (both timed), with
    its gold objectives and the keyword baseline's top three."""
    from suggestions.files import read_file
    from suggestions.ranking import keyword_baseline, rank_pages

    path = folder / "documents" / f"{row['id']}.{row['format']}"
    started = time.perf_counter()
    extraction = read_file(str(path))
    read_seconds = time.perf_counter() - started
    pages = list(enumerate(extraction.pages, start=1))
    language = str(extraction.metadata.get("language", ""))
    started = time.perf_counter()
    ranking = rank_pages(pages, language)
    rank_seconds = time.perf_counter() - started
    text = "\n".join(extraction.pages)
    return {
        "id": row["id"],
        "language": language,
        "gold": {int(n) for n in row["gcm_objectives"].split(",") if n},
        "text": text,
        "pages": pages,
        "read_seconds": read_seconds,
        "rank_seconds": rank_seconds,
        "status": ranking.status,
        "basis": ranking.basis,
        "text_top": [item.number for item in ranking.objectives[:3]],
        "keyword_top": keyword_baseline(text)[:3],
    }


def _cross_validate(labelled: list[dict[str, Any]], folds: int) -> None:
    """Rank each labelled document with a library model that never saw it (trained on the other
    folds' labels): its top three go to d["library_top"]."""
    from suggestions.gcm_text import headings
    from suggestions.learning import train
    from suggestions.ranking import rank_pages

    numbers = [item.number for item in headings()[0]]
    order = sorted(labelled, key=lambda d: d["id"])
    for fold in range(folds):
        test = [d for i, d in enumerate(order) if i % folds == fold]
        train_set = [d for i, d in enumerate(order) if i % folds != fold]
        learned = train([d["text"] for d in train_set], [d["gold"] for d in train_set], numbers)
        for d in test:
            ranking = rank_pages(d["pages"], d["language"], learned=learned)
            d["library_top"] = [item.number for item in ranking.objectives[:3]]


def _score(labelled: list[dict[str, Any]], key: str) -> dict[str, float]:
    """hit@3 and precision@3 of the top three under key against the gold objectives."""
    hits = [bool(d["gold"] & set(d[key])) for d in labelled]
    precision = [len(d["gold"] & set(d[key])) / 3 for d in labelled]
    return {
        "hit_at_3": sum(hits) / len(hits),
        "precision_at_3": statistics.fmean(precision),
        "documents": len(labelled),
    }


def bench_suggestions(folder: Path, folds: int) -> dict[str, Any]:
    """Objective suggestions on the relevance set: quality against its labels, and the time
    ranking takes beside reading."""
    from suggestions.ranking import rank_pages

    rows = list(csv.DictReader(open(folder / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    rank_pages([(1, "warm up " * 100)], "en")  # the TF-IDF space is built once per process
    documents = [_read_and_rank(folder, row) for row in rows]
    labelled = [d for d in documents if d["gold"]]
    # Cross-validation: each labelled document ranked by a model that never saw it.
    _cross_validate(labelled, folds)
    ratios = [d["rank_seconds"] / d["read_seconds"] for d in documents if d["read_seconds"]]
    by_language: dict[str, list] = defaultdict(list)
    for d in labelled:
        by_language[d["language"] or "?"].append(bool(d["gold"] & set(d["text_top"])))
    return {
        "documents": len(documents),
        "labelled": len(labelled),
        "no_text": sum(d["status"] != "ok" for d in documents),
        "objective_text": _score(labelled, "text_top"),
        "keyword_baseline": _score(labelled, "keyword_top"),
        "text_and_library_cv": {**_score(labelled, "library_top"), "folds": folds},
        "hit_at_3_by_language": {
            language: {"documents": len(h), "hit_at_3": sum(h) / len(h)}
            for language, h in sorted(by_language.items())
        },
        "read_seconds_total": sum(d["read_seconds"] for d in documents),
        "rank_seconds_total": sum(d["rank_seconds"] for d in documents),
        "rank_over_read": {
            "total": sum(d["rank_seconds"] for d in documents)
            / sum(d["read_seconds"] for d in documents),
            "median": statistics.median(ratios),
            "p95": sorted(ratios)[int(0.95 * (len(ratios) - 1))],
            "max": max(ratios),
        },
        "misses": [
            {"id": d["id"], "gold": sorted(d["gold"]), "top3": d["text_top"]}
            for d in labelled
            if not d["gold"] & set(d["text_top"])
        ],
    }


# -- report ------------------------------------------------------------------------------------


def _suggestions_markdown(s: dict[str, Any]) -> list[str]:
    """The objective suggestions' section: quality by system and language, time, misses."""
    lines = [
        "## Objective suggestions (../shared/relevance)",
        "",
        f"{s['documents']} documents read as the worker reads them; {s['labelled']} carry "
        f"suggested objectives in the MANIFEST; {s['no_text']} gave no suggestions (no text).",
        "",
        "| system | hit@3 | precision@3 | documents |",
        "|---|---|---|---|",
    ]
    for label, key in (
        ("**objective text** (the hub, never trained on these labels)", "objective_text"),
        ("keyword baseline (objective title words in the document)", "keyword_baseline"),
        (
            f"objective text + library model, {s['text_and_library_cv']['folds']}-fold "
            "cross-validated (trained on the other folds' labels only)",
            "text_and_library_cv",
        ),
    ):
        row = s[key]
        lines.append(
            f"| {label} | {row['hit_at_3']:.1%} | {row['precision_at_3']:.3f} | {row['documents']} |"
        )
    lines += [
        "",
        "hit@3: at least one suggested objective among the first three (target >= 80 % for the "
        "objective text). precision@3: suggested objectives among the first three, divided by 3 "
        "(a document with one suggested objective scores at most 0.333).",
        "",
        "By language (objective text): "
        + ", ".join(
            f"{lang} {v['hit_at_3']:.1%} of {v['documents']}"
            for lang, v in s["hit_at_3_by_language"].items()
        ),
        "",
        f"Time: reading all files {s['read_seconds_total']:.1f} s, ranking them "
        f"{s['rank_seconds_total']:.2f} s. Ranking over reading: "
        f"**{s['rank_over_read']['total']:.3f}x** in total, per document median "
        f"{s['rank_over_read']['median']:.3f}x, p95 {s['rank_over_read']['p95']:.3f}x, max "
        f"{s['rank_over_read']['max']:.3f}x (target <= 0.2x).",
        "",
        "Missed (no suggested objective in the top three): "
        + ", ".join(f"{m['id']} {m['gold']}→{m['top3']}" for m in s["misses"]),
        "",
    ]
    return lines


def _duplicates_markdown(d: dict[str, Any], chosen: float) -> list[str]:
    """The near-duplicates' section: the threshold sweep, recall by variant, the check's time."""
    lines = [
        "## Near-duplicates (../shared/corpus)",
        "",
        f"{d['files_compared']} files with enough text to compare ({d['files_too_short']} with "
        f"too little: no signature, never flagged); {d['variants']} variants: "
        + ", ".join(f"{k} {v}" for k, v in d["variants_by_kind"].items())
        + f". The corpus itself holds {d['corpus_near_copies']} pairs of near-copies.",
        "",
        "| threshold | recall | precision | true | false | missed |",
        "|---|---|---|---|---|---|",
    ]
    for threshold, row in d["sweep"].items():
        lines.append(
            f"| {threshold} | {row['recall']:.3f} | {row['precision']:.3f} | {row['true']} | "
            f"{row['false']} | {row['missed']} |"
        )
    lines += [
        "",
        f"The hub uses **{chosen}** (`suggestions.likeness.SIMILAR`). Recall by variant at "
        "that threshold: "
        + ", ".join(f"{k} {v:.3f}" for k, v in d["recall_by_kind"][chosen].items())
        + ".",
        "",
        f"Upload check through the database at {d['library_documents']:,} documents "
        f"({d['band_rows']:,} band rows; the corpus plus synthetic signatures): median "
        f"**{d['check_ms']['median']:.1f} ms**, p95 {d['check_ms']['p95']:.1f} ms, max "
        f"{d['check_ms']['max']:.1f} ms over {d['check_ms']['checks']} checks (target <= 50 ms). "
        f"Fingerprinting the text (MinHash of its shingles) before it: median "
        f"{d['fingerprint_ms']['median']:.1f} ms, p95 {d['fingerprint_ms']['p95']:.1f} ms.",
        "",
    ]
    return lines


def _markdown(result: dict[str, Any]) -> str:
    """The report: the run, then the suggestions' and the near-duplicates' sections."""
    lines = [
        "# Suggestions and near-duplicates",
        "",
        f"Run {result['started']} on {result['machine']}. `make bench-suggest`; "
        "method in `bench/suggest.py`.",
        "",
        *_suggestions_markdown(result["suggestions"]),
        *_duplicates_markdown(result["duplicates"], result["chosen_threshold"]),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--relevance", type=Path, default=REPO.parent / "shared" / "relevance")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--library-size", type=int, default=10_000)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    with tempfile.TemporaryDirectory(prefix="bench-suggest-") as folder:
        work = Path(folder)
        _setup_django(work)
        from suggestions.likeness import SIMILAR

        result = {
            "started": started,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}",
            "suggestions": bench_suggestions(args.relevance, args.folds),
            "duplicates": bench_duplicates(args.corpus, args.library_size, work),
            "chosen_threshold": SIMILAR,
        }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "suggest.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    (RESULTS / "suggest.md").write_text(_markdown(result))
    print(_markdown(result))


if __name__ == "__main__":
    main()
