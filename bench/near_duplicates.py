"""Near-duplicate benchmark, for bench.suggest (`make bench-suggest`): every corpus file with
enough text to compare is read and fingerprinted, and four variants of each are made (re-saved,
one page removed, reordered paragraphs, changed cover page). Each variant and each original is
checked against the library of originals as ``suggestions.reader.find_likenesses`` checks an
upload; recall and precision are given at several thresholds, and the check through the
database is timed at a library of synthetic size. The method in full: bench.suggest.
"""

from __future__ import annotations

import csv
import random
import re
import statistics
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8]
#: Two originals are near-copies when at least half of the smaller one's shingles are in the
#: other, counted exactly (the hub's claim, "a new edition of X", made on an estimate).
NEAR_COPY = 0.5


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
    """The four kinds of near-copy an editor might upload again, by kind: their text."""
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
    """The originals sharing at least one LSH band with the fingerprint (as the upload asks)."""
    found: set[str] = set()
    for key in fingerprint.text_keys():
        found |= band_index.get(key, set())
    return found


@dataclass
class _Originals:
    """The corpus files with enough text to compare, and the variants made of them."""

    fingerprints: dict[str, Any] = field(default_factory=dict)
    shingle_sets: dict[str, set] = field(default_factory=dict)
    skipped: int = 0
    variants: list[tuple[str, str, str]] = field(default_factory=list)  # (origin, kind, text)
    fingerprint_seconds: list[float] = field(default_factory=list)


def _read_originals(corpus: Path, work: Path, rng: random.Random) -> _Originals:
    """Read and fingerprint every PDF and Word file of the corpus, and make its variants."""
    from suggestions import likeness
    from suggestions.files import read_file

    rows = list(csv.DictReader(open(corpus / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    found = _Originals()
    for row in rows:
        path = corpus / row["path"]
        if path.suffix.lower() not in (".pdf", ".docx") or not path.is_file():
            continue
        extraction = read_file(str(path))
        text = "\n".join(extraction.pages)
        started = time.perf_counter()
        fingerprint = likeness.fingerprint(text)
        found.fingerprint_seconds.append(time.perf_counter() - started)
        if fingerprint.signature is None:
            found.skipped += 1
            continue
        found.fingerprints[row["path"]] = fingerprint
        found.shingle_sets[row["path"]] = likeness.shingles(text)
        for kind, variant in _variants(path, extraction.pages, work, rng).items():
            found.variants.append((row["path"], kind, variant))
    return found


def _related(originals: _Originals, band_index: dict[int, set[str]]) -> dict[str, set[str]]:
    """Each file's true matches: itself and the corpus' own near-copies of it (exact shingle
    containment >= NEAR_COPY)."""
    related: dict[str, set[str]] = {name: {name} for name in originals.fingerprints}
    for name in originals.fingerprints:
        for other in _candidates(originals.fingerprints[name], band_index) - {name}:
            a, b = originals.shingle_sets[name], originals.shingle_sets[other]
            if len(a & b) / min(len(a), len(b)) >= NEAR_COPY:
                related[name].add(other)
    return related


def _sweep_threshold(
    threshold: float,
    queries: list,
    related: dict[str, set[str]],
    band_index: dict[int, set[str]],
    fingerprints: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, float]]:
    """Recall and precision of the check at one threshold, and its recall by variant kind."""
    from suggestions import likeness

    tp = fp = fn = 0
    kinds: dict[str, list] = defaultdict(lambda: [0, 0])
    for origin, kind, fingerprint in queries:
        truth = related[origin] - ({origin} if kind.startswith("original") else set())
        found = set()
        for name in _candidates(fingerprint, band_index):
            if kind.startswith("original") and name == origin:
                continue
            if likeness.judge(
                fingerprint, 0, fingerprints[name], same_language=True, similar=threshold
            ):
                found.add(name)
        tp += len(found & truth)
        fp += len(found - truth)
        fn += len(truth - found)
        if not kind.startswith("original"):
            kinds[kind][0] += origin in found
            kinds[kind][1] += 1
    figures = {
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "true": tp,
        "false": fp,
        "missed": fn,
    }
    return figures, {k: v[0] / v[1] for k, v in kinds.items()}


def bench_duplicates(corpus: Path, library_size: int, work: Path) -> dict[str, Any]:
    """Near-duplicate detection on the corpus and variants of its files: recall and precision
    by threshold, and the upload check's time at library_size documents."""
    from suggestions import likeness

    rng = random.Random(23)
    originals = _read_originals(corpus, work, rng)
    band_index: dict[int, set[str]] = defaultdict(set)
    for name, fingerprint in originals.fingerprints.items():
        for key in fingerprint.text_keys():
            band_index[key].add(name)
    # The corpus' own near-copies (exact shingle containment >= NEAR_COPY) count as true pairs.
    related = _related(originals, band_index)
    variants = originals.variants
    queries = [(origin, kind, likeness.fingerprint(text)) for origin, kind, text in variants]
    queries += [
        (name, "original (against the others)", fingerprint)
        for name, fingerprint in originals.fingerprints.items()
    ]
    sweep = {}
    per_kind: dict[float, dict[str, float]] = {}
    for threshold in THRESHOLDS:
        sweep[threshold], per_kind[threshold] = _sweep_threshold(
            threshold, queries, related, band_index, originals.fingerprints
        )
    timing = _time_upload_check(originals.fingerprints, queries, library_size, rng)
    seconds = originals.fingerprint_seconds
    return {
        "files_compared": len(originals.fingerprints),
        "files_too_short": originals.skipped,
        "variants": len(variants),
        "variants_by_kind": {
            k: sum(1 for _o, kind, _t in variants if kind == k)
            for k in sorted({kind for _o, kind, _t in variants})
        },
        "corpus_near_copies": sum(len(v) - 1 for v in related.values()) // 2,
        "sweep": sweep,
        "recall_by_kind": per_kind,
        "fingerprint_ms": {
            "median": 1000 * statistics.median(seconds),
            "p95": 1000 * sorted(seconds)[int(0.95 * (len(seconds) - 1))],
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
