"""Reading a file in a child process that may crash, run out of memory or hang without harm.

The child is a fresh interpreter (``python -m library.extraction.child``), not a fork: it
shares nothing with the caller (no Django, no open connections, no threads), and a crash in a C
library only kills it. It caps its own memory; the parent watches the wall clock and kills it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .child import memory_message
from .result import DAMAGED, TIMEOUT, TOO_LARGE, Extraction
from .sniff import DOCX, PDF, UnacceptableFile, check_upload

# The folder that holds the "library" package, for the child's import path.
_IMPORT_ROOT = str(Path(__file__).resolve().parents[2])
_STDERR_TAIL = 8192
_CRASH_PREFIX = "This file could not be read: "
# What a Python child or a C library prints when memory runs out.
_MEMORY_SIGNS = (
    "MemoryError",
    "Cannot allocate memory",
    "failed to map segment",  # a library could not even be loaded under the cap
    "out of memory",
    "bad_alloc",
)


def _format_seconds(seconds: float) -> str:
    return f"{seconds:g} s"


def _engine_for(kind: str, engine: str | None = None) -> str:
    return engine or ("pypdfium2" if kind == PDF else "")


def extract_file(
    path: str | os.PathLike[str],
    kind: str | None = None,
    *,
    timeout_seconds: float = 60,
    memory_mb: int = 1024,
    engine: str | None = None,
) -> Extraction:
    """Read a PDF or Word file in a child process; never raises for a bad file.

    ``kind`` is "pdf" or "docx"; when None it is found from the content (a file that is neither
    comes back as ``damaged``, a password-protected Word file as ``encrypted``, a zip bomb as
    ``too_large``, with the reason in ``error``). A missing or unreadable path raises OSError:
    that is the caller's problem, not the file's.

    ``engine`` forces one reader ("pypdf" for a PDF; "python-docx" or "docx-xml" for a Word
    file). By default a PDF is read by PDFium, and read again by pypdf alone if PDFium crashed.
    """
    path = os.path.abspath(os.fspath(path))
    started = time.monotonic()
    with open(path, "rb") as handle:  # OSError for a missing file, before anything else
        if kind is None:
            try:
                kind = check_upload(handle, max_bytes=2**63)
            except UnacceptableFile as refusal:
                seconds = round(time.monotonic() - started, 3)
                return Extraction(refusal.status, [], {}, "", refusal.message, seconds)
    if kind not in (PDF, DOCX):
        raise ValueError(f"kind must be 'pdf' or 'docx', not {kind!r}")
    result = _run_child(path, kind, timeout_seconds, memory_mb, engine)
    if kind == PDF and engine is None and _crashed(result):
        # A crash in PDFium's C code is PDFium's problem, not necessarily the file's: pypdf,
        # pure Python, gets the time that is left.
        left = timeout_seconds - (time.monotonic() - started)
        if left >= 1:
            fallback = _run_child(path, kind, left, memory_mb, "pypdf")
            if fallback.status != DAMAGED or not result.pages:
                result = fallback
    result.seconds = round(time.monotonic() - started, 3)
    return result


def _crashed(result: Extraction) -> bool:
    return result.status == DAMAGED and result.error.startswith(_CRASH_PREFIX)


def _run_child(
    path: str, kind: str, timeout_seconds: float, memory_mb: int, engine: str | None = None
) -> Extraction:
    with tempfile.TemporaryDirectory(prefix="hub-extraction-") as folder:
        out_path = os.path.join(folder, "out.jsonl")
        err_path = os.path.join(folder, "stderr.txt")
        command = [
            sys.executable,
            "-m",
            "library.extraction.child",
            kind,
            path,
            out_path,
            str(memory_mb),
            str(timeout_seconds),
        ]
        if engine:
            command.append(engine)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_IMPORT_ROOT, env.get("PYTHONPATH")]))
        env.pop("DJANGO_SETTINGS_MODULE", None)  # nothing in the child may set Django up
        with open(err_path, "wb") as err:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                cwd=folder,
                env=env,
                close_fds=True,
            )
            timed_out = False
            try:
                process.wait(timeout=timeout_seconds)
            except subprocess.TimeoutExpired:
                timed_out = True
            finally:
                if process.poll() is None:  # timed out, or the caller was interrupted
                    process.kill()
                    process.wait()
        records = _read_records(out_path)
        stderr = _tail(err_path)
    return _outcome(
        kind, process.returncode, timed_out, records, stderr, timeout_seconds, memory_mb, engine
    )


def _read_records(out_path: str) -> list[dict[str, Any]]:
    records = []
    try:
        with open(out_path, encoding="utf-8") as out:
            for line in out:
                try:
                    records.append(json.loads(line))
                except ValueError:  # the last line, cut short when the child was killed
                    break
    except FileNotFoundError:
        pass
    return records


def _tail(err_path: str) -> str:
    try:
        with open(err_path, "rb") as err:
            err.seek(0, os.SEEK_END)
            err.seek(max(0, err.tell() - _STDERR_TAIL))
            return err.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _outcome(
    kind: str,
    returncode: int | None,
    timed_out: bool,
    records: list[dict[str, Any]],
    stderr: str,
    timeout_seconds: float,
    memory_mb: int,
    forced_engine: str | None = None,
) -> Extraction:
    pages = [str(r["page"]) for r in records if "page" in r]
    metadata: dict[str, str] = {}
    for record in records:
        if "metadata" in record:
            metadata = {str(k): str(v) for k, v in record["metadata"].items()}
    final = next((r["result"] for r in records if "result" in r), None)
    provisional = next((r["provisional"] for r in records if "provisional" in r), None)
    engine = _engine_for(kind, forced_engine)

    def stopped(status: str, message: str) -> Extraction:
        if provisional is not None:
            # Stopped while re-reading pages with little text: the first, complete reading
            # stands, with a note that those pages may hold more.
            result = Extraction.from_json(provisional)
            note = (
                "Pages with little or no text could not be read a second time: "
                + message[0].lower()
                + message[1:]
            )
            result.error = f"{result.error} {note}".strip()
            return result
        if pages:
            message += " " + _pages_read(len(pages))
        return Extraction(status, pages, metadata, engine, message)

    if final is not None and not timed_out:
        result = Extraction.from_json(final)
        if result.status == TOO_LARGE and not result.pages:  # MemoryError, caught in the child
            return stopped(TOO_LARGE, result.error)
        result.engine = result.engine or engine
        return result

    if timed_out or returncode == -getattr(signal, "SIGXCPU", 24):
        return stopped(
            TIMEOUT,
            f"Reading this file took longer than {_format_seconds(timeout_seconds)}; "
            "it was stopped.",
        )
    if returncode == -signal.SIGKILL or any(sign in stderr for sign in _MEMORY_SIGNS):
        # We did not kill it: the kernel did, for memory (the out-of-memory killer).
        return stopped(TOO_LARGE, memory_message(memory_mb))
    if returncode is not None and returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        why = f"the reader crashed ({name})"
    else:
        last = stderr.strip().splitlines()[-1:] or [f"exit status {returncode}"]
        why = f"the reader stopped unexpectedly ({last[0][:160]})"
    return stopped(DAMAGED, f"{_CRASH_PREFIX}{why}.")


def _pages_read(count: int) -> str:
    return "The first page was read." if count == 1 else f"The first {count} pages were read."
