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
import random
import re
import statistics
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8]
#: Two originals are near-copies when at least half of the smaller one's shingles are in the
#: other, counted exactly (the hub's claim, "a new edition of X", made on an estimate).
NEAR_COPY = 0.5


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


def bench_suggestions(folder: Path, folds: int) -> dict[str, Any]:
    from suggestions.files import read_file
    from suggestions.gcm_text import headings
    from suggestions.learning import train
    from suggestions.ranking import keyword_baseline, rank_pages

    rows = list(csv.DictReader(open(folder / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    rank_pages([(1, "warm up " * 100)], "en")  # the TF-IDF space is built once per process
    documents = []
    for row in rows:
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
        documents.append(
            {
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
        )
    labelled = [d for d in documents if d["gold"]]
    # Cross-validation: each labelled document ranked by a model that never saw it.
    numbers = [item.number for item in headings()[0]]
    order = sorted(labelled, key=lambda d: d["id"])
    for fold in range(folds):
        test = [d for i, d in enumerate(order) if i % folds == fold]
        train_set = [d for i, d in enumerate(order) if i % folds != fold]
        learned = train([d["text"] for d in train_set], [d["gold"] for d in train_set], numbers)
        for d in test:
            ranking = rank_pages(d["pages"], d["language"], learned=learned)
            d["library_top"] = [item.number for item in ranking.objectives[:3]]

    def score(key: str) -> dict[str, float]:
        hits = [bool(d["gold"] & set(d[key])) for d in labelled]
        precision = [len(d["gold"] & set(d[key])) / 3 for d in labelled]
        return {
            "hit_at_3": sum(hits) / len(hits),
            "precision_at_3": statistics.fmean(precision),
            "documents": len(labelled),
        }

    ratios = [d["rank_seconds"] / d["read_seconds"] for d in documents if d["read_seconds"]]
    by_language: dict[str, list] = defaultdict(list)
    for d in labelled:
        by_language[d["language"] or "?"].append(bool(d["gold"] & set(d["text_top"])))
    return {
        "documents": len(documents),
        "labelled": len(labelled),
        "no_text": sum(d["status"] != "ok" for d in documents),
        "objective_text": score("text_top"),
        "keyword_baseline": score("keyword_top"),
        "text_and_library_cv": {**score("library_top"), "folds": folds},
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


# -- near-duplicates ---------------------------------------------------------------------------


def _resave(path: Path, work: Path) -> Path | None:
    """The same file written again: by pypdf for a PDF, re-zipped for a Word file."""
    target = work / f"resaved-{path.name}"
    try:
        if path.suffix.lower() == ".pdf":
            from pypdf import PdfWriter

            writer = PdfWriter(clone_from=str(path))
            writer.add_metadata({"/Producer": "re-saved for the benchmark"})
            with open(target, "wb") as handle:
                writer.write(handle)
        else:
            with (
                zipfile.ZipFile(path) as source,
                zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy,
            ):
                for item in source.infolist():
                    copy.writestr(item.filename, source.read(item.filename))
    except Exception:  # a file pypdf cannot write back: no re-saved variant for it
        return None
    return target


def _paragraphs(pages: list[str]) -> list[str]:
    """The text's paragraphs: blocks between blank lines or, where the reader gives lines only
    (most PDFs), runs of lines up to one that ends a sentence."""
    text = "\n".join(pages)
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if len(blocks) >= 4:
        return blocks
    paragraphs, current = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        current.append(line)
        if re.search(r"[.!?:;]\s*$", line):
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _variants(path: Path, pages: list[str], work: Path, rng: random.Random) -> dict[str, str]:
    from suggestions.files import read_file

    out = {}
    resaved = _resave(path, work)
    if resaved is not None:
        extraction = read_file(str(resaved))
        resaved.unlink(missing_ok=True)
        if extraction.pages:
            out["re-saved"] = "\n".join(extraction.pages)
    if len(pages) >= 3:
        removed = rng.randrange(1, len(pages) - 1)
        out["one page removed"] = "\n".join(p for i, p in enumerate(pages) if i != removed)
    elif len(pages) == 2:
        out["one page removed"] = pages[0]
    paragraphs = _paragraphs(pages)
    if len(paragraphs) >= 2:
        shuffled = paragraphs[:]
        while shuffled == paragraphs:
            rng.shuffle(shuffled)
        out["reordered paragraphs"] = "\n".join(shuffled)
    cover = (
        f"Second edition {rng.randint(2020, 2030)}\nPrepared for the network by "
        f"{rng.choice(['the Secretariat', 'IOM Rwanda', 'a consultant'])}\nPublic"
    )
    out["changed cover page"] = "\n".join(
        [cover, *pages[1:]] if len(pages) >= 2 else [cover, *pages]
    )
    return out


def _candidates(fingerprint, band_index: dict[int, set[str]]) -> set[str]:
    found: set[str] = set()
    for key in fingerprint.text_keys():
        found |= band_index.get(key, set())
    return found


def bench_duplicates(corpus: Path, library_size: int, work: Path) -> dict[str, Any]:
    from suggestions import likeness
    from suggestions.files import read_file

    rng = random.Random(23)
    rows = list(csv.DictReader(open(corpus / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    originals: dict[str, Any] = {}
    shingle_sets: dict[str, set] = {}
    skipped = 0
    variants: list[tuple[str, str, str]] = []  # (origin, kind, text)
    fingerprint_seconds = []
    for row in rows:
        path = corpus / row["path"]
        if path.suffix.lower() not in (".pdf", ".docx") or not path.is_file():
            continue
        extraction = read_file(str(path))
        text = "\n".join(extraction.pages)
        started = time.perf_counter()
        fingerprint = likeness.fingerprint(text)
        fingerprint_seconds.append(time.perf_counter() - started)
        if fingerprint.signature is None:
            skipped += 1
            continue
        originals[row["path"]] = fingerprint
        shingle_sets[row["path"]] = likeness.shingles(text)
        for kind, variant in _variants(path, extraction.pages, work, rng).items():
            variants.append((row["path"], kind, variant))
    # The corpus' own near-copies (exact shingle containment >= NEAR_COPY) count as true pairs.
    band_index: dict[int, set[str]] = defaultdict(set)
    for name, fingerprint in originals.items():
        for key in fingerprint.text_keys():
            band_index[key].add(name)
    related: dict[str, set[str]] = {name: {name} for name in originals}
    for name in originals:
        for other in _candidates(originals[name], band_index) - {name}:
            a, b = shingle_sets[name], shingle_sets[other]
            if len(a & b) / min(len(a), len(b)) >= NEAR_COPY:
                related[name].add(other)
    queries = [(origin, kind, likeness.fingerprint(text)) for origin, kind, text in variants]
    queries += [(name, "original (against the others)", originals[name]) for name in originals]

    sweep = {}
    per_kind: dict[float, dict[str, list]] = {}
    for threshold in THRESHOLDS:
        tp = fp = fn = 0
        kinds: dict[str, list] = defaultdict(lambda: [0, 0])
        for origin, kind, fingerprint in queries:
            truth = related[origin] - ({origin} if kind.startswith("original") else set())
            found = set()
            for name in _candidates(fingerprint, band_index):
                if kind.startswith("original") and name == origin:
                    continue
                if likeness.judge(
                    fingerprint, 0, originals[name], same_language=True, similar=threshold
                ):
                    found.add(name)
            tp += len(found & truth)
            fp += len(found - truth)
            fn += len(truth - found)
            if not kind.startswith("original"):
                kinds[kind][0] += origin in found
                kinds[kind][1] += 1
        sweep[threshold] = {
            "recall": tp / (tp + fn) if tp + fn else 1.0,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "true": tp,
            "false": fp,
            "missed": fn,
        }
        per_kind[threshold] = {k: v[0] / v[1] for k, v in kinds.items()}
    timing = _time_upload_check(originals, queries, library_size, rng)
    return {
        "files_compared": len(originals),
        "files_too_short": skipped,
        "variants": len(variants),
        "variants_by_kind": {
            k: sum(1 for _o, kind, _t in variants if kind == k)
            for k in sorted({kind for _o, kind, _t in variants})
        },
        "corpus_near_copies": sum(len(v) - 1 for v in related.values()) // 2,
        "sweep": sweep,
        "recall_by_kind": per_kind,
        "fingerprint_ms": {
            "median": 1000 * statistics.median(fingerprint_seconds),
            "p95": 1000 * sorted(fingerprint_seconds)[int(0.95 * (len(fingerprint_seconds) - 1))],
        },
        **timing,
    }


def _time_upload_check(originals, queries, library_size: int, rng: random.Random) -> dict:
    """The check as the upload runs it, through the database, at ``library_size`` documents."""
    import numpy as np

    from library.documents import ExtractionStatus, HubDocument
    from suggestions import likeness
    from suggestions.models import DocumentReading, SignatureBand
    from suggestions.reader import find_likenesses

    def add(fingerprints: list) -> None:
        documents = HubDocument.objects.bulk_create(
            HubDocument(
                title=f"bench {i}",
                file=f"documents/bench-{i}.pdf",
                extraction_status=ExtractionStatus.EXTRACTED,
            )
            for i in range(len(fingerprints))
        )
        readings = DocumentReading.objects.bulk_create(
            DocumentReading(
                document=document,
                language="en",
                shingles=fp.shingles,
                signature=likeness.to_bytes(fp.signature),
                figures=fp.figures,
                figure_signature=likeness.to_bytes(fp.figure_signature),
            )
            for document, fp in zip(documents, fingerprints, strict=True)
        )
        SignatureBand.objects.bulk_create(
            (
                SignatureBand(reading=reading, key=key)
                for reading, fp in zip(readings, fingerprints, strict=True)
                for key in fp.text_keys() + fp.figure_keys()
            ),
            batch_size=5000,
        )

    add(list(originals.values()))
    synthetic = max(0, library_size - len(originals))
    generator = np.random.default_rng(23)
    fakes = []
    for _ in range(synthetic):
        signature = generator.integers(0, 2**32, size=likeness.NUM_PERM, dtype=np.uint64)
        figures = generator.integers(0, 2**32, size=likeness.NUM_PERM, dtype=np.uint64)
        fakes.append(likeness.Fingerprint(signature, 3000, figures, 40))
    for start in range(0, len(fakes), 2000):
        add(fakes[start : start + 2000])
    sample = rng.sample(queries, min(300, len(queries)))
    for _origin, _kind, fingerprint in sample[:20]:
        find_likenesses(fingerprint, "en")  # warm the page cache
    seconds = []
    for _origin, _kind, fingerprint in sample:
        started = time.perf_counter()
        find_likenesses(fingerprint, "fr")  # another language: the figure bands are read too
        seconds.append(time.perf_counter() - started)
    seconds.sort()
    return {
        "library_documents": DocumentReading.objects.count(),
        "band_rows": SignatureBand.objects.count(),
        "check_ms": {
            "median": 1000 * statistics.median(seconds),
            "p95": 1000 * seconds[int(0.95 * (len(seconds) - 1))],
            "max": 1000 * seconds[-1],
            "checks": len(seconds),
        },
    }


# -- report ------------------------------------------------------------------------------------


def _markdown(result: dict[str, Any]) -> str:
    s, d = result["suggestions"], result["duplicates"]
    lines = [
        "# Suggestions and near-duplicates",
        "",
        f"Run {result['started']} on {result['machine']}. `make bench-suggest`; "
        "method in `bench/suggest.py`.",
        "",
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
    chosen = result["chosen_threshold"]
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
