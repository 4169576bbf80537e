"""The child process that reads one file.

Usage: ``python -m library.extraction.child KIND PATH OUT MEMORY_MB SECONDS [ENGINE]``.

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
from .result import DAMAGED, EXTRACTED, TOO_LARGE, Extraction

EXIT_OK = 0
EXIT_USAGE = 2


def memory_message(memory_mb: int) -> str:
    return f"Reading this file needs more memory than the {memory_mb} MB limit; it was stopped."


def limit_resources(memory_mb: int, cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:  # not on a POSIX system: the parent's wall clock is the only limit
        return
    limit = memory_mb * 1024 * 1024
    for name, soft, hard in (
        ("RLIMIT_AS", limit, limit),
        ("RLIMIT_CPU", cpu_seconds, cpu_seconds + 5),
        ("RLIMIT_CORE", 0, 0),  # a crash must not leave a core file of the document behind
    ):
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


def _write(out: IO[str], record: dict[str, Any]) -> None:
    out.write(json.dumps(record, ensure_ascii=True) + "\n")
    out.flush()


def with_language(result: Extraction) -> Extraction:
    """The result with the language of its text in its metadata, when it is clear."""
    if result.status == EXTRACTED and "language" not in result.metadata:
        language = detect_language("\n".join(result.pages)[:40_000])
        if language:
            result.metadata["language"] = language
    return result


def run(
    kind: str, path: str, out: IO[str], *, engine: str | None = None, seconds: float = 60
) -> Extraction:
    if kind == "pdf":
        from .pdf import extract_pdf

        # The second reading of sparse pages stops early enough for the result to be written.
        deadline = time.monotonic() + 0.8 * seconds
        return extract_pdf(
            path,
            on_metadata=lambda metadata: _write(out, {"metadata": metadata}),
            on_page=lambda text: _write(out, {"page": text}),
            on_provisional=lambda result: _write(
                out, {"provisional": with_language(result).to_json()}
            ),
            engine=engine,
            deadline=deadline,
        )
    if kind == "docx":
        from .docx import extract_docx

        return extract_docx(path, engine=engine)
    return Extraction(DAMAGED, [], {}, "", f"Unknown kind of file: {kind!r}.")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
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
