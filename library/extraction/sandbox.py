"""Reading files in child processes that may crash, run out of memory or hang without harm.

A reader is a fresh interpreter (``python -m library.extraction.child serve``), not a fork: it
shares nothing with the caller (no Django, no open connections, no threads), and a crash in a C
library only kills it. It caps its own memory and, file by file, its CPU time; the parent
watches the wall clock. Readers are kept warm in a small pool and read file after file over a
pipe: starting an interpreter and loading the readers costs far more than reading most files.
A reader that crosses a limit, crashes or hangs is killed and replaced; only its file gets the
status.
"""

from __future__ import annotations

import errno
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

from .result import DAMAGED, TIMEOUT, TOO_LARGE, Extraction, memory_message
from .sniff import KINDS, PDF, UnacceptableFile, check_upload

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
#: A reader is replaced after this many files, so that no slow leak in a C library grows.
FILES_PER_READER = 500


class ReaderUnavailable(OSError):
    """No reader could be started or fed for a reason of the server's, not of the file: the
    disk is full, the temporary folder is missing. Reading again later may pass."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.errno, server_reason(error))
        self.cause = error


def server_reason(error: OSError) -> str:
    """What went wrong on the server, named for an editor or operator."""
    if error.errno == errno.ENOSPC:
        return "the server's disk is full"
    if error.errno == errno.ENOMEM:
        return "the server is out of memory"
    if error.errno in (errno.ENOENT, errno.ENOTDIR) and temp_folder_missing():
        return f"the temporary folder ({temp_folder()}) is missing"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"the server may not write to a folder it needs ({error.strerror})"
    if error.errno in (errno.EAGAIN, errno.EMFILE, errno.ENFILE):
        return "the server cannot start another process now"
    return f"the server could not start a reader ({error.strerror or error})"


def temp_folder_missing() -> bool:
    """Whether the temporary folder the server was given (TMPDIR) does not exist."""
    folder = os.environ.get("TMPDIR") or tempfile.gettempdir()
    return not os.path.isdir(folder)


def temp_folder() -> str:
    return os.environ.get("TMPDIR") or tempfile.gettempdir()


def _format_seconds(seconds: float) -> str:
    return f"{seconds:g} s"


def _engine_for(kind: str, engine: str | None = None) -> str:
    return engine or ("pypdfium2" if kind == PDF else "")


class Reader:
    """One warm child process reading files one after the other."""

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self.files_read = 0
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_IMPORT_ROOT, env.get("PYTHONPATH")]))
        env.pop("DJANGO_SETTINGS_MODULE", None)  # nothing in the child may set Django up
        env["OMP_THREAD_LIMIT"] = "1"
        if temp_folder_missing():
            # Python would quietly fall back to another folder; the libraries would not.
            raise ReaderUnavailable(OSError(errno.ENOENT, "No such directory"))
        try:
            # Its stderr goes to an unnamed temporary file: what it says when it dies.
            self._stderr: IO[bytes] = tempfile.TemporaryFile(prefix="hub-reader-")
            self.process = subprocess.Popen(
                [sys.executable, "-m", "library.extraction.child", "serve", str(memory_mb)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                cwd=tempfile.gettempdir(),
                env=env,
                close_fds=True,
            )
        except OSError as error:
            raise ReaderUnavailable(error) from error
        self._buffer = b""
        self._stderr_mark = 0

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def read(
        self, request: dict[str, Any], timeout_seconds: float, reading_seconds: float | None = None
    ) -> tuple[Any, ...]:
        """Send one file; (records, returncode, timed_out, stderr) once its result is back or
        the reader was stopped. The reader is dead afterwards unless returncode is None.

        The reading proper must end (a provisional or final result) within ``reading_seconds``;
        what follows (text recognition) within ``timeout_seconds`` in all."""
        # What the reader said since its last file (it may die before this one is even sent).
        stderr_start = self._stderr_mark
        records: list[dict[str, Any]] = []
        self.files_read += 1
        try:
            assert self.process.stdin is not None
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            self._finish()
            return records, self.process.returncode, False, self._tail(stderr_start)
        sent = time.monotonic()
        final_deadline = sent + timeout_seconds
        deadline = sent + min(timeout_seconds, reading_seconds or timeout_seconds)
        stdout = self.process.stdout
        assert stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    self.kill()
                    return records, self.process.returncode, True, self._tail(stderr_start)
                if not selector.select(left):
                    continue
                chunk = os.read(stdout.fileno(), 1 << 20)
                if not chunk:  # the reader died
                    self._finish()
                    return records, self.process.returncode, False, self._tail(stderr_start)
                self._buffer += chunk
                *lines, self._buffer = self._buffer.split(b"\n")
                for line in lines:
                    try:
                        record = json.loads(line)
                    except ValueError:
                        continue
                    if "result" in record:
                        if record.get("streamed"):  # its pages are the page lines before it
                            record["result"]["pages"] = [r["page"] for r in records if "page" in r]
                        self._buffer = b""
                        self._stderr_mark = self._stderr.seek(0, os.SEEK_END)
                        if record.get("retire"):  # it leaves after a MemoryError
                            self._finish()
                        if time.monotonic() > deadline:
                            # Done, but too late: a limit is a limit, however warm the reader.
                            return records, None, True, ""
                        records.append(record)
                        return records, None, False, ""
                    if "provisional" in record:
                        deadline = final_deadline
                    records.append(record)

    def _tail(self, start: int) -> str:
        try:
            end = self._stderr.seek(0, os.SEEK_END)
            self._stderr.seek(max(start, end - _STDERR_TAIL))
            return self._stderr.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    def _finish(self) -> None:
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def close(self) -> None:
        """Let the reader finish (stdin closed) or kill it, and free its pipes."""
        try:
            if self.process.stdin:
                self.process.stdin.close()
            self.process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
        for stream in (self.process.stdout, self._stderr):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass


class ReaderPool:
    """At most ``size`` warm readers with the same memory limit; a caller waits for a free one."""

    def __init__(self, size: int, memory_mb: int) -> None:
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self._idle: list[Reader] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(self.size)
        self.started = 0  # readers started, for tests and the benchmark

    def _checkout(self) -> Reader:
        self._slots.acquire()
        try:
            with self._lock:
                while self._idle:
                    reader = self._idle.pop()
                    if reader.alive and reader.files_read < FILES_PER_READER:
                        return reader
                    reader.close()
            reader = Reader(self.memory_mb)
            self.started += 1
            return reader
        except BaseException:
            self._slots.release()
            raise

    def _checkin(self, reader: Reader) -> None:
        try:
            if reader.alive:
                with self._lock:
                    self._idle.append(reader)
            else:
                reader.close()
        finally:
            self._slots.release()

    def run(
        self, request: dict[str, Any], timeout_seconds: float, reading_seconds: float | None = None
    ) -> tuple[Any, ...]:
        reader = self._checkout()
        try:
            return reader.read(request, timeout_seconds, reading_seconds)
        except BaseException:
            reader.kill()  # interrupted mid-file: its state is unknown
            raise
        finally:
            self._checkin(reader)

    def close(self) -> None:
        with self._lock:
            readers, self._idle = self._idle, []
        for reader in readers:
            reader.close()


_pools: dict[int, ReaderPool] = {}
_pools_lock = threading.Lock()
_pools_pid = os.getpid()


def reader_pool(memory_mb: int, size: int | None = None) -> ReaderPool:
    """The process's pool of readers with this memory limit (one per process: a forked process
    gets its own, never its parent's pipes). ``size`` raises the number of readers it keeps."""
    global _pools_pid
    with _pools_lock:
        if os.getpid() != _pools_pid:
            _pools.clear()
            _pools_pid = os.getpid()
        pool = _pools.get(memory_mb)
        wanted = size or int(os.environ.get("HUB_EXTRACTION_READERS", "0") or 0) or 1
        if pool is None or pool.size < wanted:
            if pool is not None:
                pool.close()
            pool = _pools[memory_mb] = ReaderPool(wanted, memory_mb)
        return pool


def close_pools() -> None:
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()


import atexit  # noqa: E402

atexit.register(close_pools)


def extract_file(
    path: str | os.PathLike[str],
    kind: str | None = None,
    *,
    timeout_seconds: float = 60,
    memory_mb: int = 1024,
    engine: str | None = None,
    max_pages: int | None = None,
    max_characters: int | None = None,
    ocr: dict[str, Any] | None = None,
    pool: ReaderPool | None = None,
) -> Extraction:
    """Read a PDF or Word file in a warm sandboxed reader; never raises for a bad file.

    ``kind`` is "pdf" or "docx"; when None it is found from the content (a file that is neither
    comes back as ``damaged``, a password-protected Word file as ``encrypted``, a zip bomb as
    ``too_large``, with the reason in ``error``). A missing or unreadable path raises OSError:
    that is the caller's problem, not the file's; so does ReaderUnavailable (an OSError), when
    the server cannot run a reader now (disk full, temporary folder missing).

    ``engine`` forces one reader ("pypdf" for a PDF; "python-docx" or "docx-xml" for a Word
    file). By default a PDF is read by PDFium, and read again by pypdf alone if PDFium crashed.
    Reading stops at ``max_pages`` pages or ``max_characters`` characters. ``ocr`` (a dict of
    ``languages``, ``max_pages``, ``seconds``) has the scanned pages of a PDF recognised, with
    that much more time. ``pool`` is the pool to read in (default: the process's pool).
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
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    pool = pool or reader_pool(memory_mb)
    ocr = ocr if kind == PDF and ocr and float(ocr.get("seconds") or 0) > 0 else None
    budget = timeout_seconds + (float(ocr["seconds"]) if ocr else 0)
    request = {
        "kind": kind,
        "path": path,
        "seconds": timeout_seconds,
        "engine": engine,
        "max_pages": max_pages,
        "max_characters": max_characters,
        "ocr": ocr,
    }
    result = _run(pool, request, budget, timeout_seconds)
    if kind == PDF and engine is None and _crashed(result):
        # A crash in PDFium's C code is PDFium's problem, not necessarily the file's: pypdf,
        # pure Python, gets the time that is left.
        left = timeout_seconds - (time.monotonic() - started)
        if left >= 1:
            fallback = _run(pool, {**request, "engine": "pypdf", "seconds": left}, left)
            if fallback.status != DAMAGED or not result.pages:
                result = fallback
    result.seconds = round(time.monotonic() - started, 3)
    return result


def _crashed(result: Extraction) -> bool:
    return result.status == DAMAGED and result.error.startswith(_CRASH_PREFIX)


def _run(
    pool: ReaderPool,
    request: dict[str, Any],
    timeout_seconds: float,
    reading_seconds: float | None = None,
) -> Extraction:
    records, returncode, timed_out, stderr = pool.run(request, timeout_seconds, reading_seconds)
    limit = timeout_seconds
    if reading_seconds and not any("provisional" in record for record in records):
        limit = reading_seconds  # stopped while reading, not while recognising text
    return _outcome(
        request["kind"],
        returncode,
        timed_out,
        records,
        stderr,
        limit,
        pool.memory_mb,
        request.get("engine"),
    )


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
    last_provisional = next((r for r in reversed(records) if "provisional" in r), None)
    provisional = last_provisional["provisional"] if last_provisional else None
    recognising = bool(last_provisional and last_provisional.get("stage") == "ocr")
    engine = _engine_for(kind, forced_engine)

    def stopped(status: str, message: str) -> Extraction:
        if provisional is not None:
            # Stopped while re-reading pages with little text: the first, complete reading
            # stands, with a note that those pages may hold more.
            result = Extraction.from_json(provisional)
            what = (
                "The text of scanned pages could not be recognised"
                if recognising
                else "Pages with little or no text could not be read a second time"
            )
            note = f"{what}: {message[0].lower()}{message[1:]}"
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
    if any(sign in stderr for sign in _MEMORY_SIGNS):
        return stopped(TOO_LARGE, memory_message(memory_mb))
    if returncode == -signal.SIGKILL:
        # We did not kill it: the kernel did (its out-of-memory killer, when the whole server
        # is short of memory) or an operator did. Neither is the file's fault: read it again.
        result = stopped(
            DAMAGED,
            "The reader was killed (SIGKILL) while reading this file, most likely because the "
            "server ran out of memory; it will be read again.",
        )
        result.retryable = True
        return result
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
