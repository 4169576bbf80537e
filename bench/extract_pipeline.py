"""The hub's own reading paths beside pdftotext, and text recognition (OCR) of scanned pages.

Run by ``bench.extract`` (``make bench-extract``), which adds these sections to
bench/results/extract.md. Three measures, each in the same run as its reference:

- **Worker, end to end**: every corpus PDF uploaded as a document (stored, queued), then the
  real worker (``run_worker --batch``: HUB_WORKER_CONCURRENCY tasks side by side, the warm
  sandboxed readers, the database) reads and stores its text. Pages/s counts the pages stored
  over the upload and worker time; pdftotext reads the same files one process a file, as a
  shell loop would. OCR is off: pdftotext does none. The worker keeps its database connection
  between tasks (DATABASE_CONN_MAX_AGE). The suggestions' reading of the stored texts waits
  (HUB_SUGGESTIONS_READ_DELAY_SECONDS) and is done in one batch off the reading path: it is
  run and timed afterwards, and not counted.
- **extract_text, one call**: ``manage.py extract_text --json --no-ocr`` over every corpus PDF,
  its wall time beside pdftotext's over the same files; files with text, characters and
  failures beside pdftotext's.
- **OCR**: pages the benchmark draws itself from known English and French text, at 200 and 300
  dpi, clean and with noise and skew, each as a PDF of one picture, read through the readers
  with recognition on; word recall against the known text, and pages/s.

    python -m bench.extract_pipeline [--corpus ../shared/corpus]   (these sections alone)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from bench.corpus import corpus_files

REPO = Path(__file__).resolve().parents[1]
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def nonspace(text: str) -> int:
    return len(_SPACE.sub("", text))


# pdftotext, the reference -------------------------------------------------------------------


def pdftotext_over(paths: list[str], timeout: float) -> dict[str, Any]:
    """pdftotext over the files one process a file: wall time, pages, text, failures."""
    pages = characters = with_text = failures = 0
    started = time.perf_counter()
    for path in paths:
        try:
            done = subprocess.run(
                ["pdftotext", "-q", "-enc", "UTF-8", path, "-"],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            failures += 1
            continue
        if done.returncode != 0:
            failures += 1
            continue
        text = done.stdout.decode("utf-8", "replace")
        pages += text.count("\f")
        count = nonspace(text)
        characters += count
        with_text += count > 0
    return {
        "files": len(paths),
        "seconds": round(time.perf_counter() - started, 3),
        "pages": pages,
        "nonspace_characters": characters,
        "files_with_text": with_text,
        "failures": failures,
    }


# The worker, end to end ---------------------------------------------------------------------


def _bench_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=f"sqlite:///{work / 'hub.sqlite3'}",
        HUB_VAR_DIR=str(work),
        HUB_SEARCH_BACKEND="embedded",
        HUB_SEARCH_EMBEDDED_PATH=str(work / "search.sqlite3"),
        HUB_OCR_ENABLED="0",  # pdftotext does no OCR: left out of the comparison
        PYTHONPATH=str(REPO),
    )
    return env


def worker_child(paths: list[str]) -> dict[str, Any]:
    """In a Django process of its own: upload every file, then run the worker once over the
    queue. Prints nothing; returns the figures."""
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command

    from library.documents import DocumentPageText, HubDocument
    from library.extraction.sandbox import _pools

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    for path in paths:
        document = HubDocument(title=os.path.basename(path)[:255])
        with open(path, "rb") as handle:
            document.file.save(os.path.basename(path), File(handle), save=False)
            document._set_document_file_metadata()
            document.save()  # queues the reading, as an upload does
    uploaded = time.perf_counter()
    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)
    finished = time.perf_counter()
    peak_kb = 0
    readers = 0
    for pool in _pools.values():
        readers += pool.started
        for reader in pool._idle:
            peak_kb = max(peak_kb, _peak_kb(reader.process.pid))
    from django.conf import settings

    from django_tasks_db.models import DBTaskResult

    from suggestions.models import DocumentReading
    from suggestions.tasks import read_waiting_documents_task

    waiting = Counter(
        path.rsplit(".", 1)[-1]
        for path in DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True)
    )
    deferred = time.perf_counter()
    read_waiting_documents_task.call()  # what the deferred batch does, once the delay is over
    suggestions_seconds = time.perf_counter() - deferred
    statuses = Counter(HubDocument.objects.values_list("extraction_status", flat=True))
    texts = DocumentPageText.objects.values_list("document_id", "text")
    characters: Counter[int] = Counter()
    for document_id, text in texts.iterator():
        characters[document_id] += nonspace(text)
    return {
        "files": len(paths),
        "upload_seconds": round(uploaded - started, 3),
        "worker_seconds": round(finished - uploaded, 3),
        "seconds": round(finished - started, 3),
        "pages": DocumentPageText.objects.count(),
        "nonspace_characters": sum(characters.values()),
        "files_with_text": sum(1 for count in characters.values() if count),
        "failures": sum(
            count
            for status, count in statuses.items()
            if status not in ("extracted", "no_text_layer")
        ),
        "statuses": dict(statuses),
        "concurrency": settings.HUB_WORKER_CONCURRENCY,
        "readers_started": readers,
        "reader_peak_memory_mb": round(peak_kb / 1024, 1),
        "reader_memory_limit_mb": settings.HUB_EXTRACTION_MEMORY_MB,
        "tasks_left_waiting": dict(waiting),
        "suggestions_batch_seconds": round(suggestions_seconds, 3),
        "suggestions_read": DocumentReading.objects.count(),
    }


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


#: The worker keeps its database connection (DATABASE_CONN_MAX_AGE), as a deployment should:
#: closing SQLite after every task costs a checkpoint each time.
WORKER_CONN_MAX_AGE = "600"


def run_worker(paths: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-extract-worker-") as folder:
        work = Path(folder)
        listing = work / "files.json"
        listing.write_text(json.dumps(paths))
        done = subprocess.run(
            [sys.executable, "-m", "bench.extract_pipeline", "--worker-child", str(listing)],
            capture_output=True,
            text=True,
            env=_bench_env(work) | {"DATABASE_CONN_MAX_AGE": WORKER_CONN_MAX_AGE},
            cwd=REPO,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the worker run failed: {done.stderr[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


# extract_text, one call ---------------------------------------------------------------------


def run_extract_text(paths: list[str], timeout: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-extract-text-") as folder:
        env = _bench_env(Path(folder))
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "extract_text",
                "--json",
                "--no-ocr",
                "--timeout",
                str(timeout),
                *paths,
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            check=False,
        )
        seconds = time.perf_counter() - started
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {
        "files": len(paths),
        "seconds": round(seconds, 3),
        "jobs": os.cpu_count(),
        "pages": sum(row["pages"] for row in rows),
        "nonspace_characters": sum(row["nonspace_characters"] for row in rows),
        "files_with_text": sum(1 for row in rows if row["nonspace_characters"]),
        "failures": sum(1 for row in rows if row["status"] not in ("extracted", "no_text_layer"))
        + (len(paths) - len(rows)),
        "statuses": dict(Counter(row["status"] for row in rows)),
    }


# OCR ----------------------------------------------------------------------------------------

ENGLISH = [
    "The network met in Kigali to review the joint workplan for the year. Members agreed that "
    "the secretariat will prepare a short report on labour migration, remittances and the "
    "return of Rwandans from neighbouring countries, with figures from the national statistics "
    "office and the ministry in charge of emergency management.",
    "Participants asked that the guidance on safe and regular pathways be translated and shared "
    "with district officials in Rubavu, Rusizi and Nyagatare before the next quarterly meeting. "
    "The working group on data will compile a list of surveys that record the reasons people "
    "move, and propose common definitions for the partners.",
]
FRENCH = [
    "Le réseau s'est réuni à Kigali pour examiner le plan de travail conjoint de l'année. Les "
    "membres ont convenu que le secrétariat préparera un court rapport sur la migration de "
    "travail, les transferts de fonds et le retour des Rwandais depuis les pays voisins, avec "
    "des chiffres de l'institut national de la statistique.",
    "Les participants ont demandé que les orientations sur les voies de migration sûres et "
    "régulières soient traduites et partagées avec les autorités des districts de Rubavu, "
    "Rusizi et Nyagatare avant la prochaine réunion trimestrielle. Le groupe de travail sur "
    "les données dressera la liste des enquêtes disponibles.",
]


def _font(size: int) -> Any:
    from PIL import ImageFont

    for name in ("DejaVuSerif.ttf", "DejaVuSans.ttf", "LiberationSerif-Regular.ttf"):
        for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"):
            path = Path(folder) / name
            if path.is_file():
                return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def draw_page(text: str, dpi: int, *, noisy: bool, seed: int) -> bytes:
    """A PDF of one scanned page: ``text`` drawn in 11 pt at ``dpi``, maybe noisy and skewed."""
    from PIL import Image, ImageDraw

    width, height = int(8.27 * dpi), int(11.69 * dpi)  # A4
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = _font(round(11 / 72 * dpi))
    margin, y = dpi, dpi
    line_height = round(11 / 72 * dpi * 1.5)
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) > width - 2 * margin and line:
            draw.text((margin, y), line, font=font, fill=0)
            y += line_height
            line = word
        else:
            line = trial
    draw.text((margin, y), line, font=font, fill=0)
    if noisy:
        chance = random.Random(seed)
        image = image.rotate(chance.uniform(1.0, 2.0), fillcolor=255, expand=False)
        pixels = image.load()
        for _ in range(width * height // 60):  # salt and pepper, as a poor scanner leaves
            x, y = chance.randrange(width), chance.randrange(height)
            pixels[x, y] = 0 if chance.random() < 0.5 else 255
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=dpi)
    return buffer.getvalue()


def words(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFC", text.lower().replace("’", "'"))
    return Counter(_WORD.findall(text))


def recall(reference: str, found: str) -> tuple[int, int]:
    wanted, got = words(reference), words(found)
    return sum(min(count, got[word]) for word, count in wanted.items()), sum(wanted.values())


def run_ocr() -> dict[str, Any]:
    from library.extraction import extract_file
    from library.extraction.sandbox import ReaderPool

    cases = []
    for language, texts in (("eng", ENGLISH), ("fra", FRENCH)):
        for text in texts:
            for dpi in (200, 300):
                for noisy in (False, True):
                    cases.append((language, text, dpi, noisy, len(cases)))
    pool = ReaderPool(1, 1024)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as folder:
        try:
            seconds = 0.0
            for language, text, dpi, noisy, seed in cases:
                path = Path(folder) / f"page-{seed}.pdf"
                path.write_bytes(draw_page(text, dpi, noisy=noisy, seed=seed))
                started = time.perf_counter()
                result = extract_file(
                    path,
                    pool=pool,
                    timeout_seconds=60,
                    ocr={"languages": language, "max_pages": 10, "seconds": 120},
                )
                seconds += time.perf_counter() - started
                found, total = recall(text, "\n".join(result.pages))
                rows.append(
                    {
                        "language": language,
                        "dpi": dpi,
                        "noisy": noisy,
                        "status": result.status,
                        "found": found,
                        "words": total,
                    }
                )
        finally:
            pool.close()
    found = sum(row["found"] for row in rows)
    total = sum(row["words"] for row in rows)
    groups = {}
    for key in ("eng", "fra", 200, 300, False, True):
        field = "language" if isinstance(key, str) else ("dpi" if key in (200, 300) else "noisy")
        chosen = [row for row in rows if row[field] == key and type(row[field]) is type(key)]
        words_in = sum(row["words"] for row in chosen)
        groups[f"{field}={key}"] = round(sum(row["found"] for row in chosen) / words_in, 4)
    return {
        "pages": len(rows),
        "seconds": round(seconds, 3),
        "pages_per_second": round(len(rows) / seconds, 3) if seconds else None,
        "word_recall": round(found / total, 4) if total else None,
        "by_group": groups,
        "pages_detail": rows,
    }


# The report ---------------------------------------------------------------------------------


def run_all(corpus: Path, relatives: list[str], timeout: float) -> dict[str, Any]:
    paths = [str(corpus / relative) for relative in relatives]
    print(f"pipeline: pdftotext over {len(paths)} PDFs ...", flush=True)
    reference = pdftotext_over(paths, timeout)
    print("pipeline: the worker, end to end ...", flush=True)
    worker = run_worker(paths)
    print("pipeline: extract_text in one call ...", flush=True)
    command = run_extract_text(paths, timeout)
    print("pipeline: OCR of drawn pages ...", flush=True)
    ocr = run_ocr() if shutil.which("tesseract") else {"skipped": "tesseract is not installed"}
    return {"pdftotext": reference, "worker": worker, "extract_text": command, "ocr": ocr}


def _ratio(value: float, reference: float) -> str:
    return f"{value / reference:.2f}x" if reference else "-"


def targets(report: dict[str, Any]) -> list[tuple[str, bool]]:
    ref, worker, command = report["pdftotext"], report["worker"], report["extract_text"]
    ref_rate = ref["pages"] / ref["seconds"] if ref["seconds"] else 0
    worker_rate = worker["pages"] / worker["seconds"] if worker["seconds"] else 0
    found = [
        ("worker end to end: pages/s >= pdftotext", worker_rate >= ref_rate),
        ("extract_text, one call: wall time <= pdftotext", command["seconds"] <= ref["seconds"]),
    ]
    for name, row in (("worker", worker), ("extract_text", command)):
        found += [
            (
                f"{name}: files with text >= pdftotext",
                row["files_with_text"] >= ref["files_with_text"],
            ),
            (
                f"{name}: characters >= 0.99x pdftotext",
                row["nonspace_characters"] >= 0.99 * ref["nonspace_characters"],
            ),
            (f"{name}: failures <= pdftotext", row["failures"] <= ref["failures"]),
        ]
    ocr = report["ocr"]
    if "word_recall" in ocr:
        found.append(("OCR word recall >= 0.95", (ocr["word_recall"] or 0) >= 0.95))
    return found


def markdown(report: dict[str, Any]) -> list[str]:
    ref, worker, command, ocr = (
        report["pdftotext"],
        report["worker"],
        report["extract_text"],
        report["ocr"],
    )

    def row(name: str, data: dict[str, Any]) -> str:
        rate = data["pages"] / data["seconds"] if data["seconds"] else 0
        ref_rate = ref["pages"] / ref["seconds"] if ref["seconds"] else 0
        return (
            f"| {name} | {data['seconds']:.1f} | {_ratio(ref['seconds'], data['seconds'])} | "
            f"{data['pages']:,} | {rate:.1f} | {_ratio(rate, ref_rate)} | "
            f"{data['files_with_text']} | {data['nonspace_characters']:,} | "
            f"{_ratio(data['nonspace_characters'], ref['nonspace_characters'])} | "
            f"{data['failures']} |"
        )

    lines = [
        f"### The hub's reading paths: {ref['files']} PDFs of the corpus",
        "",
        "Same files, same run. pdftotext: one process a file, one after the other. Worker: "
        "upload (store + queue) then `run_worker --batch`, "
        f"{worker.get('concurrency', 1)} task(s) side by side, through the warm readers "
        f"({worker['readers_started']} reader(s) started, peak memory of a reader "
        f"{worker['reader_peak_memory_mb']} MB of its {worker.get('reader_memory_limit_mb')} MB "
        f"limit; DATABASE_CONN_MAX_AGE={WORKER_CONN_MAX_AGE}). extract_text: one call, "
        f"{command['jobs']} readers side by side, the largest files first. OCR off in all three.",
        "",
        "| path | wall s | speed vs pdftotext | pages | pages/s | vs pdftotext | files with text "
        "| non-space chars | vs pdftotext | failures |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        row("pdftotext", ref),
        row("worker, end to end", worker),
        row("extract_text, one call", command),
        "",
        f"Worker: upload {worker['upload_seconds']:.1f} s, reading {worker['worker_seconds']:.1f}"
        f" s; statuses {worker['statuses']}. extract_text statuses {command['statuses']}.",
        "",
        "Off the reading path, not counted: the tasks queued for later when the batch ended, "
        f"{worker.get('tasks_left_waiting')}; the suggestions' deferred batch among them, run "
        f"afterwards, read {worker.get('suggestions_read')} documents for suggestions in "
        f"{worker.get('suggestions_batch_seconds', 0):.1f} s.",
        "",
    ]
    if "word_recall" in ocr:
        groups = ", ".join(f"{key}: {value:.3f}" for key, value in ocr["by_group"].items())
        lines += [
            f"### OCR: {ocr['pages']} scanned pages drawn from known text",
            "",
            "English and French, 200 and 300 dpi, clean and with noise and 1-2 degrees of skew; "
            "one PDF of one picture a page, read through a warm reader with recognition on.",
            "",
            f"- word recall: **{ocr['word_recall']:.3f}** ({groups})",
            f"- speed: {ocr['pages_per_second']:.2f} pages/s ({ocr['seconds']:.1f} s in all)",
            "",
        ]
    else:
        lines += [f"### OCR: {ocr.get('skipped')}", ""]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--limit", type=int, default=0, help="only the first N PDFs (a trial)")
    parser.add_argument("--worker-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker_child:
        figures = worker_child(json.loads(args.worker_child.read_text()))
        print(json.dumps(figures))
        return 0
    relatives = [relative for kind, relative in corpus_files(args.corpus) if kind == "pdf"]
    if args.limit:
        relatives = relatives[: args.limit]
    report = run_all(args.corpus, relatives, args.timeout)
    lines = markdown(report)
    lines += ["#### Targets", ""]
    lines += [f"- {'met' if met else 'NOT met'}: {name}" for name, met in targets(report)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
