"""Text extraction benchmark: the hub's readers beside poppler's pdftotext, over a real corpus.

    python -m bench.extract [--corpus ../shared/corpus] [--timeout 20] [--memory-mb 2048]

Every file is read by every engine in one run, one file at a time:

- PDF: pypdf alone, pypdfium2 alone, pdftotext (the reference), and "hub": the hub's own reader
  (``library.extraction.pdf.extract_pdf``: PDFium, pypdf for sparse pages and for files PDFium
  cannot open). "hub-sandboxed" is the same reader as the worker runs it, in a warm sandboxed
  reader (``extract_file``): its time includes the round trip over the reader's pipe.
- Word: "hub-docx" (``extract_docx``), python-docx alone, and a plain zip + XML walk.

Each Python engine runs in a long-lived child process (so interpreter start-up is not counted
against it, just as pdftotext's own start-up is counted against it) with a memory cap; the parent
gives each file a wall-clock limit and kills and restarts the child when it is exceeded. A file
fails for an engine when the engine raises, crashes, runs out of time or memory; a PDF with no
text layer read as empty is not a failure. Yield is the number of non-space characters.

Throughput and yield are compared on the files every engine of the kind read, so that one
engine's failures do not flatter it. Then ``bench.extract_pipeline``: the worker end to end,
``extract_text`` in one call, each beside pdftotext in the same run, and OCR word recall over
pages the benchmark draws itself. Writes bench/results/extract.json and extract.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.corpus import corpus_files

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
PDF_ENGINES = ["pdftotext", "pypdf", "pypdfium2", "hub", "hub-sandboxed"]
DOCX_ENGINES = ["zip-xml", "python-docx", "hub-docx"]
REFERENCE = {"pdf": "pdftotext", "docx": "zip-xml"}
CANDIDATE = {"pdf": "hub", "docx": "hub-docx"}
_SPACE = re.compile(r"\s+")
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def nonspace(text: str) -> int:
    return len(_SPACE.sub("", text))


# The engines, as run inside a worker child ------------------------------------------------------


def read_pypdf(path: str) -> tuple[int, int]:
    from pypdf import PdfReader

    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    texts = [page.extract_text() or "" for page in reader.pages]
    return len(texts), sum(nonspace(t) for t in texts)


def read_pypdfium2(path: str) -> tuple[int, int]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        total = 0
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            total += nonspace(textpage.get_text_range())
            textpage.close()
            page.close()
        return len(document), total
    finally:
        document.close()


def read_hub(path: str) -> tuple[int, int]:
    from library.extraction.pdf import extract_pdf

    return _hub_outcome(extract_pdf(path))


def read_hub_docx(path: str) -> tuple[int, int]:
    from library.extraction.docx import extract_docx

    return _hub_outcome(extract_docx(path))


def _hub_outcome(result: Any) -> tuple[int, int]:
    if result.status not in ("extracted", "no_text_layer"):
        raise RuntimeError(f"{result.status}: {result.error}")
    return len(result.pages), result.nonspace_characters


def read_python_docx(path: str) -> tuple[int, int]:
    import docx

    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
    return 1, sum(nonspace(t) for t in parts)


def read_zip_xml(path: str) -> tuple[int, int, int]:
    """The plain walk: every w:t of the main part, headers, footers, footnotes and endnotes.

    The third number leaves out the w:t inside mc:Fallback (Word stores each text box twice:
    DrawingML, and VML for old readers) and inside w:moveFrom (the old place of moved text,
    which Word shows struck through and also keeps at its new place): counting copies is no
    yield.
    """
    import zipfile

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    total = copies = 0
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    move_from = f"{W_NS}moveFrom"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        wanted = [
            n
            for n in names
            if n == "word/document.xml"
            or re.fullmatch(r"word/(header|footer)\d*\.xml|word/(foot|end)notes\.xml", n)
        ]
        if "word/document.xml" not in wanted:
            raise KeyError("no word/document.xml")
        for name in wanted:
            root = etree.fromstring(archive.read(name), parser)
            for t in root.iter(f"{W_NS}t"):
                count = nonspace(t.text or "")
                total += count
                if next(t.iterancestors(fallback, move_from), None) is not None:
                    copies += count
    return 1, total, total - copies


WORKER_ENGINES = {
    "pypdf": read_pypdf,
    "pypdfium2": read_pypdfium2,
    "hub": read_hub,
    "hub-docx": read_hub_docx,
    "python-docx": read_python_docx,
    "zip-xml": read_zip_xml,
}


def worker(engine: str, memory_mb: int) -> None:
    """Read paths from stdin, one a line; answer each with one JSON line on stdout."""
    import logging
    import warnings

    from library.extraction.child import limit_resources

    limit_resources(memory_mb, 10**6)
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    read = WORKER_ENGINES[engine]
    out = sys.stdout
    sys.stdout = sys.stderr  # libraries that print must not break the protocol
    for line in sys.stdin:
        path = line.rstrip("\n")
        started = time.perf_counter()
        try:
            pages, characters, *without_copies = read(path)
            answer = {"ok": True, "pages": pages, "nonspace": characters}
            if without_copies:
                answer["nonspace_without_copies"] = without_copies[0]
        except MemoryError:
            answer = {"ok": False, "error": "MemoryError"}
        except Exception as error:  # a benchmark records failures, it does not stop on them
            answer = {"ok": False, "error": f"{type(error).__name__}: {str(error)[:200]}"}
        answer["seconds"] = time.perf_counter() - started
        out.write(json.dumps(answer) + "\n")
        out.flush()


# The parent -------------------------------------------------------------------------------------


class Worker:
    def __init__(self, engine: str, memory_mb: int) -> None:
        self.engine, self.memory_mb = engine, memory_mb
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO))
        env.pop("DJANGO_SETTINGS_MODULE", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.extract", "--worker", self.engine],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env | {"BENCH_MEMORY_MB": str(self.memory_mb)},
            cwd=REPO,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def read(self, path: str, timeout: float) -> dict[str, Any]:
        if self.process is None or self.process.poll() is not None:
            self.start()
        assert self.process is not None and self.process.stdin and self.process.stdout
        started = time.perf_counter()
        try:
            self.process.stdin.write(path + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            self.stop()
            return {"ok": False, "error": "crashed", "seconds": 0.0}
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            self.stop()
            return {"ok": False, "error": "timeout", "timeout": True, "seconds": timeout}
        line = self.process.stdout.readline()
        if not line:
            code = self.process.wait()
            self.stop()
            return {
                "ok": False,
                "error": f"crashed (exit {code})",
                "seconds": time.perf_counter() - started,
            }
        return json.loads(line)


def run_pdftotext(path: str, timeout: float) -> dict[str, Any]:
    started = time.perf_counter()
    process = subprocess.Popen(
        ["pdftotext", "-q", "-enc", "UTF-8", path, "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return {"ok": False, "error": "timeout", "timeout": True, "seconds": timeout}
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        return {"ok": False, "error": f"exit {process.returncode}", "seconds": seconds}
    text = output.decode("utf-8", "replace")
    # pdftotext ends every page with a form feed.
    return {"ok": True, "pages": text.count("\f"), "nonspace": nonspace(text), "seconds": seconds}


def run_sandboxed(path: str, timeout: float, memory_mb: int) -> dict[str, Any]:
    from library.extraction import extract_file

    started = time.perf_counter()
    result = extract_file(path, timeout_seconds=timeout, memory_mb=memory_mb)
    seconds = time.perf_counter() - started
    ok = result.status in ("extracted", "no_text_layer")
    answer: dict[str, Any] = {"ok": ok, "seconds": seconds}
    if ok:
        answer.update(pages=len(result.pages), nonspace=result.nonspace_characters)
    else:
        answer.update(error=f"{result.status}: {result.error[:200]}")
        answer["timeout"] = result.status == "timeout"
    return answer


def summarise(kind: str, engines: list[str], results: dict[str, dict[str, dict]]) -> dict:
    files = sorted(results)
    common = [f for f in files if all(results[f][e]["ok"] for e in engines)]
    summary: dict[str, Any] = {"files": len(files), "read_by_every_engine": len(common)}
    for engine in engines:
        rows = [results[f][engine] for f in files]
        ok = [r for r in rows if r["ok"]]
        shared = [results[f][engine] for f in common]
        seconds = sum(r["seconds"] for r in shared)
        pages = sum(r["pages"] for r in shared)
        summary[engine] = {
            "failed": len(rows) - len(ok),
            "timeouts": sum(1 for r in rows if r.get("timeout")),
            "pages": sum(r["pages"] for r in ok),
            "nonspace_characters": sum(r["nonspace"] for r in ok),
            "seconds": round(sum(r["seconds"] for r in rows), 3),
            "common_pages": pages,
            "common_seconds": round(seconds, 3),
            "common_nonspace_characters": sum(r["nonspace"] for r in shared),
            "common_nonspace_without_copies": sum(
                r.get("nonspace_without_copies", r["nonspace"]) for r in shared
            ),
            "common_pages_per_second": round(pages / seconds, 1) if seconds else None,
            "common_files_per_second": round(len(shared) / seconds, 1) if seconds else None,
        }
    return summary


def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    versions = {}
    for package in ("pypdf", "pypdfium2", "python-docx", "lxml"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "not installed"
    try:
        import pypdfium2.version

        versions["pdfium"] = str(pypdfium2.version.PDFIUM_INFO)
    except Exception:
        pass
    poppler = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    versions["pdftotext"] = (poppler.stderr or poppler.stdout).splitlines()[0]
    return {
        "cpus": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "versions": versions,
    }


def ratio(value: float | None, reference: float | None) -> str:
    return f"{value / reference:.2f}x" if value and reference else "-"


def table(kind: str, engines: list[str], summary: dict) -> list[str]:
    reference = summary[REFERENCE[kind]]
    # A Word file has no pages of its own: its speed is counted in files.
    speed = "common_pages_per_second" if kind == "pdf" else "common_files_per_second"
    speed_label = "pages/s" if kind == "pdf" else "files/s"
    lines = [
        f"### {kind.upper()}: {summary['files']} files, {summary['read_by_every_engine']} read "
        "by every engine",
        "",
        f"| engine | failed | timeouts | {speed_label} (common) | vs ref | yield (common) | vs ref "
        "| yield w/o copies (common) | vs ref | all non-space chars | total s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for engine in engines:
        row = summary[engine]
        yield_ = row["common_nonspace_characters"]
        unique = row["common_nonspace_without_copies"]
        lines.append(
            f"| {engine} | {row['failed']} | {row['timeouts']} | {row[speed]} | "
            f"{ratio(row[speed], reference[speed])} | {yield_:,} | "
            f"{ratio(yield_, reference['common_nonspace_characters'])} | {unique:,} | "
            f"{ratio(unique, reference['common_nonspace_without_copies'])} | "
            f"{row['nonspace_characters']:,} | {row['seconds']:.1f} |"
        )
    return lines


def targets(summary: dict) -> list[tuple[str, bool]]:
    pdf, docx = summary["pdf"], summary["docx"]
    hub, ref = pdf["hub"], pdf["pdftotext"]
    return [
        (
            "PDF pages/s >= pdftotext",
            (hub["common_pages_per_second"] or 0) >= (ref["common_pages_per_second"] or 0),
        ),
        (
            "PDF yield >= pdftotext",
            hub["common_nonspace_characters"] >= ref["common_nonspace_characters"],
        ),
        ("PDF fewer failed files than pdftotext", hub["failed"] < ref["failed"]),
        (
            "DOCX fewer failures than zip+XML",
            docx["hub-docx"]["failed"] < docx["zip-xml"]["failed"],
        ),
        (
            "DOCX yield >= zip+XML (without the copies it reads twice)",
            docx["hub-docx"]["common_nonspace_without_copies"]
            >= docx["zip-xml"]["common_nonspace_without_copies"],
        ),
    ]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line: the corpus, the limits per file, a trial's subset, where to write."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per file")
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (a trial)")
    parser.add_argument("--kind", choices=["pdf", "docx"], help="only this kind (a trial)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _read_all(
    files: list[tuple[str, str]], corpus: Path, timeout: float, memory_mb: int
) -> dict[str, dict[str, dict[str, dict]]]:
    """Every file read by every engine of its kind: kind -> file -> engine -> answer."""
    results: dict[str, dict[str, dict[str, dict]]] = {"pdf": {}, "docx": {}}
    for kind, engines in (("pdf", PDF_ENGINES), ("docx", DOCX_ENGINES)):
        paths = [relative for k, relative in files if k == kind]
        for engine in engines:
            print(f"{kind}: {engine} over {len(paths)} files ...", flush=True)
            # Engines in a worker process keep one process for all files (it is restarted
            # when a file kills it); the others start their own per file.
            pool = Worker(engine, memory_mb) if engine in WORKER_ENGINES else None
            try:
                for relative in paths:
                    path = str(corpus / relative)
                    if engine == "pdftotext":
                        answer = run_pdftotext(path, timeout)
                    elif engine == "hub-sandboxed":
                        answer = run_sandboxed(path, timeout, memory_mb)
                    else:
                        assert pool is not None
                        answer = pool.read(path, timeout)
                    results[kind].setdefault(relative, {})[engine] = answer
            finally:
                if pool is not None:
                    pool.stop()
    return results


def _markdown_lines(report: dict, file_count: int, extract_pipeline) -> list[str]:
    """The report's markdown: the machine and corpus, a table per kind, the pipeline, targets."""
    info = report["machine"]
    summary, pipeline = report["summary"], report["pipeline"]
    return [
        "# Text extraction benchmark",
        "",
        f"Machine: {info['cpus']} CPUs, {info['memory']} RAM, {info['platform']}, "
        f"Python {info['python']}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()) + ".",
        f"Corpus: {file_count} files; {report['timeout_seconds']:g} s and "
        f"{report['memory_mb']} MB per file; "
        f"run took {report['wall_seconds']} s. Ratios are against the reference "
        "(pdftotext for PDF, the zip + XML walk for Word), on the files every engine read. "
        "Yield is non-space characters; for Word, yield w/o copies leaves out what a plain walk "
        "reads twice: the copy of each text box Word keeps for old readers (mc:Fallback) and "
        "the old place of moved text (w:moveFrom).",
        "",
        *table("pdf", PDF_ENGINES, summary["pdf"]),
        "",
        *table("docx", DOCX_ENGINES, summary["docx"]),
        "",
        *extract_pipeline.markdown(pipeline),
        "### Targets",
        "",
        *(f"- {'met' if met else 'NOT met'}: {name}" for name, met in targets(summary)),
        *(
            f"- {'met' if met else 'NOT met'}: {name}"
            for name, met in extract_pipeline.targets(pipeline)
        ),
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    """Read the corpus with every engine and the hub's pipeline; write the JSON and markdown."""
    args = _arguments(argv)
    if args.worker:
        worker(args.worker, int(os.environ.get("BENCH_MEMORY_MB", args.memory_mb)))
        return 0
    if shutil.which("pdftotext") is None:
        print("pdftotext is missing: install poppler-utils (make bench-extract does).")
        return 2
    if not (args.corpus / "MANIFEST.tsv").is_file():
        print(f"No corpus at {args.corpus} (MANIFEST.tsv not found).")
        return 2
    files = corpus_files(args.corpus)
    if args.kind:
        files = [(kind, relative) for kind, relative in files if kind == args.kind]
    if args.limit:
        files = files[: args.limit]
    started = time.monotonic()
    results = _read_all(files, args.corpus, args.timeout, args.memory_mb)
    summary = {
        "pdf": summarise("pdf", PDF_ENGINES, results["pdf"]),
        "docx": summarise("docx", DOCX_ENGINES, results["docx"]),
    }
    from bench import extract_pipeline

    pdfs = [relative for k, relative in files if k == "pdf"]
    pipeline = extract_pipeline.run_all(args.corpus, pdfs, args.timeout)
    report = {
        "machine": machine(),
        "corpus": str(args.corpus),
        "timeout_seconds": args.timeout,
        "memory_mb": args.memory_mb,
        "wall_seconds": round(time.monotonic() - started, 1),
        "summary": summary,
        "targets": {name: met for name, met in targets(summary)},
        "pipeline": pipeline,
        "pipeline_targets": {name: met for name, met in extract_pipeline.targets(pipeline)},
        "files": results,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "extract.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    lines = _markdown_lines(report, len(files), extract_pipeline)
    (args.out / "extract.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    print(f"Written: {args.out / 'extract.json'}, {args.out / 'extract.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
