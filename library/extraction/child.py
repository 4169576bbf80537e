"""The child process that reads files: one (``KIND PATH ...``), or one after another (``serve``).

Usage: ``python -m library.extraction.child KIND PATH OUT MEMORY_MB SECONDS [ENGINE]``, or
``python -m library.extraction.child serve MEMORY_MB``: a warm reader that takes one JSON request
a line on stdin (``{"kind", "path", "seconds", "engine", "max_pages", "max_characters", "ocr"}``)
and answers with the same JSON lines as below on stdout, the ``result`` line last; when its
pages are those already sent, page by page, it carries ``"streamed": true`` and no pages. Its CPU limit
is moved forward before each file, so each file has its own.

It caps its own address space (so a file that needs too much memory fails here with
MemoryError, not in the parent) and its CPU time (so it dies even if the parent is gone), then
writes JSON lines to OUT: the metadata and each page as soon as they are read, a provisional
result before a slower second reading of some pages, then the whole result. The parent reads
the result line, or, when it had to stop the child, the lines before.

Only the standard library and the reader for KIND are imported: never Django.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
import time
import warnings
from typing import IO, Any

from .language import detect_language
from .result import DAMAGED, EXTRACTED, TOO_LARGE, Extraction, bounded, memory_message

EXIT_OK = 0
EXIT_USAGE = 2


def limit_resources(memory_mb: int, cpu_seconds: int | None) -> None:
    try:
        import resource
    except ImportError:  # not on a POSIX system: the parent's wall clock is the only limit
        return
    limit = memory_mb * 1024 * 1024
    limits = [
        ("RLIMIT_AS", limit, limit),
        ("RLIMIT_CORE", 0, 0),  # a crash must not leave a core file of the document behind
    ]
    if cpu_seconds is not None:  # a warm reader sets its CPU limit file by file
        limits.append(("RLIMIT_CPU", cpu_seconds, cpu_seconds + 5))
    for name, soft, hard in limits:
        which = getattr(resource, name, None)
        if which is None:
            continue
        _, current_hard = resource.getrlimit(which)
        if current_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, current_hard), min(hard, current_hard)
        try:
            resource.setrlimit(which, (soft, hard))
        except (ValueError, OSError):
            pass


class _Answer:
    """A warm reader's stdout for one file, keeping the pages it has sent: a result whose pages
    are exactly those is sent without them (the parent has them already, line by line), so
    that no text crosses the pipe twice."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.pages: list[str] = []

    def write(self, text: str) -> int:
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()


def _write(out: IO[str] | _Answer, record: dict[str, Any]) -> None:
    out.write(json.dumps(record, ensure_ascii=True) + "\n")
    out.flush()


def _write_page(out: IO[str] | _Answer, text: str) -> None:
    _write(out, {"page": text})
    if isinstance(out, _Answer):
        out.pages.append(text)


def with_language(result: Extraction) -> Extraction:
    """The result with the language of its text in its metadata, when it is clear."""
    if result.status == EXTRACTED and "language" not in result.metadata:
        language = detect_language("\n".join(result.pages)[:40_000])
        if language:
            result.metadata["language"] = language
    return result


def run(
    kind: str,
    path: str,
    out: IO[str] | _Answer,
    *,
    engine: str | None = None,
    seconds: float = 60,
    max_pages: int | None = None,
    max_characters: int | None = None,
    ocr: dict[str, Any] | None = None,
) -> Extraction:
    if kind == "pdf":
        from .pdf import extract_pdf

        # The second reading of sparse pages stops early enough for the result to be written.
        deadline = time.monotonic() + 0.8 * seconds
        result = extract_pdf(
            path,
            on_metadata=lambda metadata: _write(out, {"metadata": metadata}),
            on_page=lambda text: _write_page(out, text),
            on_provisional=lambda result: _write(
                out, {"provisional": with_language(result).to_json()}
            ),
            engine=engine,
            deadline=deadline,
            max_pages=max_pages,
            max_characters=max_characters,
        )
        if ocr:
            from .ocr import recognise_scanned_pages

            # A provisional line first: if recognition is stopped, the text layer stands.
            _write(out, {"provisional": with_language(result).to_json(), "stage": "ocr"})
            result = recognise_scanned_pages(
                path,
                result,
                languages=str(ocr.get("languages") or "eng"),
                max_pages=int(ocr.get("max_pages") or 0),
                seconds=float(ocr.get("seconds") or 0),
                dpi=int(ocr.get("dpi") or 300),
            )
        return result
    if kind == "docx":
        from .docx import extract_docx

        return bounded(extract_docx(path, engine=engine), max_pages, max_characters)
    if kind in ("xlsx", "pptx", "csv"):
        from .office import extract_office

        return bounded(extract_office(kind, path, seconds=seconds), max_pages, max_characters)
    return Extraction(DAMAGED, [], {}, "", f"Unknown kind of file: {kind!r}.")


def serve(memory_mb: int) -> int:
    """Read file after file, as asked on stdin, until stdin closes."""
    import os
    import resource

    # The protocol has stdout to itself: anything a library prints goes to stderr instead.
    stdout = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    limit_resources(memory_mb, None)
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    # Loaded once, here, so that no file pays for it. Only PDFium, the reader of most files:
    # every library loaded takes address space from the memory cap of every file.
    import pypdfium2  # noqa: F401

    from . import pdf  # noqa: F401

    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        seconds = float(request.get("seconds") or 60)
        ocr = request.get("ocr") or None
        budget = seconds + (float(ocr.get("seconds") or 0) if ocr else 0)
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu_used = used.ru_utime + used.ru_stime
        try:  # this file's CPU time, counted from what the reader has used so far
            _, hard = resource.getrlimit(resource.RLIMIT_CPU)
            resource.setrlimit(resource.RLIMIT_CPU, (int(cpu_used + budget) + 1, hard))
        except (ValueError, OSError):
            pass
        retire = False
        out = _Answer(stdout)
        try:
            result = with_language(
                run(
                    str(request["kind"]),
                    str(request["path"]),
                    out,
                    engine=request.get("engine") or None,
                    seconds=seconds,
                    max_pages=request.get("max_pages") or None,
                    max_characters=request.get("max_characters") or None,
                    ocr=ocr,
                )
            )
        except MemoryError:
            result = None
        if result is None:
            gc.collect()
            result = Extraction(TOO_LARGE, [], {}, "", memory_message(memory_mb))
            retire = True  # a fresh reader is cheaper than a fragmented heap
        answer = result.to_json()
        streamed = bool(result.pages) and result.pages == out.pages
        if streamed:
            answer["pages"] = None
        _write(stdout, {"result": answer, "retire": retire, "streamed": streamed})
        if retire:
            return EXIT_OK
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) == 2 and argv[0] == "serve":
        return serve(int(argv[1]))
    if len(argv) not in (5, 6):
        print(__doc__, file=sys.stderr)
        return EXIT_USAGE
    kind, path, out_path, memory, seconds = argv[:5]
    engine = argv[5] if len(argv) == 6 else None
    memory_mb, cpu_seconds = int(memory), max(1, int(float(seconds)) + 1)
    limit_resources(memory_mb, cpu_seconds)
    # Libraries' warnings about odd files would only fill the parent's log.
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    with open(out_path, "w", encoding="utf-8") as out:
        try:
            result = with_language(run(kind, path, out, engine=engine, seconds=float(seconds)))
        except MemoryError:
            result = None
        if result is None:
            gc.collect()
            result = Extraction(TOO_LARGE, [], {}, "", memory_message(memory_mb))
        _write(out, {"result": result.to_json()})
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
