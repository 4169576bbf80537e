"""Faults the pipeline must survive: Elasticsearch away while editors publish, a worker killed
mid-task, searches while the index is rebuilt.

Elasticsearch is made unreachable through a TCP proxy this test owns and stops (the shared node
is never touched). The worker runs as django_tasks_db's real Worker (in process) or as
`manage.py db_worker` / `run_worker` subprocesses against a file-based SQLite database.
"""

from __future__ import annotations

import datetime
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

from django.utils import timezone

import pytest
from django_tasks import task
from django_tasks.base import TaskResultStatus

from foundation import retries
from hub import task_queue
from search import consistency
from search.backends import get_backend
from search.contract import SearchRequest
from search.management.commands.search_index import rebuild
from search.query import parse_query

from .records import record

REPO = Path(__file__).resolve().parents[2]
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# -- a proxy in front of the node, which the test can stop and start again ---------------------


class Proxy:
    """Forwards 127.0.0.1:<port> to the node; stop() refuses connections and cuts open ones."""

    def __init__(self, target: str) -> None:
        parsed = urlparse(target)
        self.target = (parsed.hostname, parsed.port or 9200)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: socket.socket | None = None
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(16)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            try:
                # Wakes the accepting thread: a plain close() leaves it accepting on Linux.
                self._server.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._server.close()
            self._server = None
        with self._lock:
            for sock in self._open:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._open.clear()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@pytest.fixture
def proxied_elasticsearch(elasticsearch_node, settings):
    proxy = Proxy(elasticsearch_node)
    proxy.start()
    settings.HUB_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = proxy.url
    settings.ELASTICSEARCH_TIMEOUT_SECONDS = 2
    get_backend.cache_clear()
    backend = get_backend()
    backend.reset()
    yield proxy, backend
    if proxy._server is None:
        proxy.start()
    backend.drop()
    proxy.stop()
    get_backend.cache_clear()


def run_worker_once() -> None:
    """Run every task that is ready now, as `manage.py db_worker --batch` does."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


SYNC_TASK = "search.tasks.sync_resources_task"


def wait_until_ready(timeout: float = 10.0) -> None:
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    while (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=SYNC_TASK)
        .exclude(pk__in=DBTaskResult.objects.ready().values("pk"))
        .exists()
    ):
        assert time.monotonic() < deadline, "a retry never became ready"
        time.sleep(0.1)


def publish(library, title: str, capture):
    from library.models import ResourcePage

    page = ResourcePage(title=title, slug=title.lower().replace(" ", "-"), summary="A brief.")
    with capture(execute=True):
        library.add_child(instance=page)
        page.save_revision().publish()
    return ResourcePage.objects.get(pk=page.pk)


@pytest.mark.django_db
def test_elasticsearch_down_while_editors_publish_then_back_nothing_lost(
    proxied_elasticsearch, library, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    proxy, backend = proxied_elasticsearch
    settings.TASKS = DB_TASKS
    settings.HUB_TASK_RETRY_BASE_SECONDS = 0.3
    settings.HUB_TASK_RETRY_MAX_SECONDS = 0.6
    settings.HUB_TASK_MAX_ATTEMPTS = 50
    kept = publish(library, "Kept while down", django_capture_on_commit_callbacks)
    gone = publish(library, "Deleted while down", django_capture_on_commit_callbacks)
    run_worker_once()
    assert backend.indexed_ids() == {kept.pk, gone.pk}

    proxy.stop()
    # Editors keep publishing, editing and deleting: every save succeeds.
    added = publish(library, "Published while down", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        kept.title = "Kept and retitled"
        kept.save_revision().publish()
        gone.delete()  # the immediate removal fails; it is left to the worker's retries
    run_worker_once()
    # The index's own tasks (other apps queue theirs on publishing too, e.g. a delayed retrain).
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=SYNC_TASK)
    assert waiting.count() >= 2
    assert all(row.args_kwargs["kwargs"]["attempt"] == 2 for row in waiting)
    assert all(row.run_after > row.enqueued_at for row in waiting)
    wait_until_ready()
    run_worker_once()  # still down: a third attempt, later again
    assert {r.args_kwargs["kwargs"]["attempt"] for r in waiting.all()} == {3}
    assert not DBTaskResult.objects.failed().exists()

    proxy.start()
    wait_until_ready()
    run_worker_once()
    assert not DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=SYNC_TASK
    ).exists()
    assert not DBTaskResult.objects.failed().exists()
    assert backend.indexed_ids() == {kept.pk, added.pk}
    drift = consistency.check(backend)
    assert drift.total == 0, drift
    hits = backend.search(SearchRequest(query=parse_query("retitled"))).hits
    assert [hit.resource_id for hit in hits] == [kept.pk]


@pytest.mark.django_db
def test_retries_give_up_after_the_limit_with_an_error_and_can_be_retried(
    proxied_elasticsearch, library, settings, django_capture_on_commit_callbacks, caplog
):
    from django_tasks_db.models import DBTaskResult

    proxy, backend = proxied_elasticsearch
    settings.TASKS = DB_TASKS
    settings.HUB_TASK_RETRY_BASE_SECONDS = 0.1
    settings.HUB_TASK_MAX_ATTEMPTS = 2
    proxy.stop()
    page = publish(library, "Never reached", django_capture_on_commit_callbacks)
    with caplog.at_level(logging.WARNING, logger="foundation.retries"):
        run_worker_once()
        wait_until_ready()
        run_worker_once()
    [failed] = DBTaskResult.objects.failed()
    assert failed.args_kwargs["kwargs"]["attempt"] == 2
    assert "SearchUnavailable" in failed.exception_class_path
    assert any(r.levelno == logging.ERROR and "giving up" in r.message for r in caplog.records)
    assert task_queue.queue_state().failed == 1

    # The engine is back; the operator retries the failure from the admin.
    proxy.start()
    assert task_queue.requeue([str(failed.pk)]) == 1
    run_worker_once()
    assert not DBTaskResult.objects.failed().exists()
    assert backend.indexed_ids() == {page.pk}


def test_backoff_is_exponential_and_capped(settings):
    settings.HUB_TASK_RETRY_BASE_SECONDS = 10
    settings.HUB_TASK_RETRY_MAX_SECONDS = 60
    assert [retries.backoff_seconds(n) for n in range(1, 6)] == [10, 20, 40, 60, 60]


@pytest.mark.django_db
def test_tasks_for_objects_deleted_meanwhile_do_nothing(search_backend, library, settings):
    from django_tasks_db.models import DBTaskResult

    from library.models import HubDocument, ResourcePage
    from library.tasks import read_document_task
    from search.tasks import sync_resources_task

    settings.TASKS = DB_TASKS
    page = ResourcePage(title="Short lived", slug="short-lived", summary="x")
    library.add_child(instance=page)
    search_backend.index([record(page.pk, "Short lived")])
    sync_resources_task.enqueue([page.pk])
    read_document_task.enqueue(424_242)  # never existed, or deleted since
    ResourcePage.objects.filter(pk=page.pk).delete()  # bypassing signals: only the task is left
    assert not HubDocument.objects.filter(pk=424_242).exists()
    run_worker_once()
    ours = DBTaskResult.objects.filter(
        task_path__in=["search.tasks.sync_resources_task", "library.tasks.read_document_task"]
    )
    # (Wagtail's own tasks for the page, queued by add_child, do fail here with DoesNotExist.)
    assert not ours.failed().exists()
    assert ours.successful().count() == 2
    assert page.pk not in search_backend.indexed_ids()


# -- searches while the index is rebuilt ---------------------------------------------------------


@pytest.mark.django_db
def test_searches_during_a_rebuild_never_see_empty_or_partial_results(search_backend):
    total = 300
    records = [
        record(n, f"Migration report {n}", pages=["remittance corridors"])
        for n in range(1, total + 1)
    ]
    rebuild(search_backend, records)
    seen: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def search_in_a_loop() -> None:
        try:
            while not stop.is_set():
                seen.append(
                    search_backend.search(SearchRequest(query=parse_query("migration"))).total
                )
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    def slowly(items):
        for item in items:
            time.sleep(0.004)  # stretch the rebuild so many searches overlap it
            yield item

    if search_backend.name == "embedded":
        # The embedded rebuild reads every record first, then writes them in one transaction:
        # slow the writing down instead, so the searches overlap the transaction itself.
        original = search_backend._insert

        def slow_insert(connection, item):
            time.sleep(0.004)
            original(connection, item)

        search_backend._insert = slow_insert
    searcher = threading.Thread(target=search_in_a_loop)
    searcher.start()
    try:
        started = time.monotonic()
        while not seen and time.monotonic() - started < 10:
            time.sleep(0.01)
        before = len(seen)
        rebuild(search_backend, slowly(records))
        during = len(seen) - before
    finally:
        stop.set()
        searcher.join(timeout=30)
    assert not errors, errors
    assert during >= 5, f"only {during} searches overlapped the rebuild"
    assert set(seen) == {total}


# -- a worker killed mid-task ---------------------------------------------------------------------


@task()
def slow_marker_task(folder: str) -> None:
    """Writes `started`, sleeps the first time only (so it can be killed), then writes `done`."""
    marks = Path(folder)
    first = not (marks / "started").exists()
    with (marks / "started").open("a") as handle:
        handle.write("x")
    if first:
        time.sleep(60)
    (marks / "done").write_text("ok")


def manage(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
        **kwargs,
    )


def task_status(env: dict) -> str:
    return (
        manage(
            env,
            "shell",
            "-c",
            "from django_tasks_db.models import DBTaskResult; print(DBTaskResult.objects"
            ".get(task_path__endswith='slow_marker_task').status)",
        )
        .stdout.strip()
        .splitlines()[-1]
    )


def test_a_worker_killed_mid_task_loses_nothing(tmp_path):
    marks = tmp_path / "marks"
    marks.mkdir()
    (tmp_path / "fault_settings.py").write_text(
        "from hub.settings.test import *  # noqa\n"
        f"DATABASES = {{'default': {{'ENGINE': 'django.db.backends.sqlite3',"
        f" 'NAME': {str(tmp_path / 'db.sqlite3')!r}}}}}\n"
        f"TASKS = {DB_TASKS!r}\n"
        "HUB_TASK_STALLED_SECONDS = 1\n"
        f"HUB_SEARCH_EMBEDDED_PATH = {str(tmp_path / 'search.sqlite3')!r}\n"
        "HUB_SEARCH_BACKEND = 'embedded'\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fault_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)]),
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(
        env,
        "shell",
        "-c",
        f"from tests.search.test_faults import slow_marker_task; "
        f"slow_marker_task.enqueue({str(marks)!r})",
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (marks / "started").exists():
            assert worker.poll() is None, "the worker stopped by itself"
            assert time.monotonic() < deadline, "the worker never started the task"
            time.sleep(0.1)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert task_status(env) == "RUNNING"

    # What django_tasks_db does on its own: nothing. The task stays RUNNING, never run again.
    manage(env, "db_worker", "--batch", "--no-startup-delay")
    assert task_status(env) == "RUNNING" and not (marks / "done").exists()

    # The hub's worker queues abandoned tasks again when it starts, and runs them.
    time.sleep(1.1)  # older than HUB_TASK_STALLED_SECONDS
    result = manage(env, "run_worker", "--batch", "--no-startup-delay")
    assert "Re-queued 1 task" in result.stdout
    assert task_status(env) == "SUCCESSFUL"
    assert (marks / "done").read_text() == "ok"
    assert (marks / "started").read_text() == "xx"  # run twice, finished once


def test_requeue_stalled_only_takes_tasks_older_than_the_limit(db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    result = slow_marker_task.enqueue("/nonexistent")
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("dead-worker")
    assert task_queue.requeue_stalled(older_than_seconds=3600) == 0
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=2)
    )
    assert task_queue.requeue_stalled(older_than_seconds=3600) == 1
    assert DBTaskResult.objects.ready().filter(pk=row.pk).exists()
