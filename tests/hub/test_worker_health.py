"""The worker is seen: a heartbeat in the database, /health/ and the admin red without it, leases
that let a live worker re-take what a dead one abandoned, and an exit (status 1) when the
database will not let it work. Fault tests run `manage.py run_worker` as a real process against a
file-based SQLite database."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.contrib.auth.models import User
from django.utils import timezone

import pytest

from hub import task_queue, worker_health
from search.tasks import sync_resources_task
from tests.search.test_faults import slow_marker_task  # noqa: F401 - the task the workers run

REPO = Path(__file__).resolve().parents[2]
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _health(client) -> tuple[int, dict]:
    response = client.get("/health/")
    return response.status_code, json.loads(response.content)


# -- in process ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_health_is_503_when_no_worker_beats(client, search_backend, settings):
    settings.TASKS = DB_TASKS
    settings.HUB_WORKER_SILENT_SECONDS = 60
    status, body = _health(client)
    assert status == 503 and body["worker"] == {"status": "absent", "last_beat_seconds": None}

    worker_health.beat("w1")
    status, body = _health(client)
    assert status == 200, body
    assert body["worker"]["status"] == "ok" and body["worker"]["last_beat_seconds"] < 60

    worker_health.WorkerBeat.objects.update(beat_at=timezone.now() - datetime.timedelta(minutes=2))
    status, body = _health(client)
    assert status == 503 and body["worker"]["status"] == "absent"
    assert body["worker"]["last_beat_seconds"] >= 120


@pytest.mark.django_db
def test_the_admin_page_is_red_without_a_worker_and_when_tasks_wait_too_long(client, settings):
    settings.TASKS = DB_TASKS
    client.force_login(User.objects.create_superuser("root", "root@example.org", "pw"))
    html = client.get("/admin/task-queue/").content.decode()
    assert "task-queue-health-bad" in html and "No worker is running" in html

    worker_health.beat("w1")
    html = client.get("/admin/task-queue/").content.decode()
    assert "task-queue-health-ok" in html and "task-queue-health-bad" not in html

    from django_tasks_db.models import DBTaskResult

    result = sync_resources_task.enqueue([1])
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(hours=1)
    )
    html = client.get("/admin/task-queue/").content.decode()
    assert "task-queue-health-bad" in html and "waited too long" in html


@pytest.mark.django_db
def test_a_task_whose_worker_stopped_beating_is_taken_again_after_its_lease(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    settings.HUB_WORKER_LEASE_SECONDS = 120
    settings.HUB_TASK_STALLED_SECONDS = 3600
    dead = DBTaskResult.objects.get(pk=slow_marker_task.enqueue("/nonexistent").id)
    dead.claim("dead-worker")
    alive = DBTaskResult.objects.get(pk=slow_marker_task.enqueue("/nonexistent").id)
    alive.claim("live-worker")
    worker_health.beat("live-worker")
    worker_health.beat("dead-worker")
    # Both started 5 minutes ago; only one worker still beats.
    DBTaskResult.objects.update(started_at=timezone.now() - datetime.timedelta(minutes=5))
    worker_health.WorkerBeat.objects.filter(worker_id="dead-worker").update(
        beat_at=timezone.now() - datetime.timedelta(minutes=4)
    )
    assert task_queue.requeue_stalled() == 1
    assert DBTaskResult.objects.ready().filter(pk=dead.pk).exists()
    assert DBTaskResult.objects.running().filter(pk=alive.pk).exists()
    # A task just started is within its lease even before its worker's first beat.
    fresh = DBTaskResult.objects.get(pk=slow_marker_task.enqueue("/nonexistent").id)
    fresh.claim("new-worker")
    assert task_queue.requeue_stalled() == 0


# -- a real worker process ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory) -> Path:
    """One migrated SQLite file for the module; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("worker-db")
    env = _env(folder, folder / "db.sqlite3")
    _manage(env, "migrate", "--no-input", "-v", "0")
    return folder / "db.sqlite3"


def _env(folder: Path, database: Path, **settings: object) -> dict:
    lines = [
        "from hub.settings.test import *  # noqa",
        f"DATABASES = {{'default': {{'ENGINE': 'django.db.backends.sqlite3',"
        f" 'NAME': {str(database)!r}, 'OPTIONS': {{'timeout': 1}}}}}}",
        f"TASKS = {DB_TASKS!r}",
        f"HUB_SEARCH_EMBEDDED_PATH = {str(folder / 'search.sqlite3')!r}",
        "HUB_SEARCH_BACKEND = 'embedded'",
        "HUB_WORKER_HEARTBEAT_SECONDS = 0.2",
        "HUB_WORKER_SILENT_SECONDS = 2",
        "HUB_WORKER_LEASE_SECONDS = 2",
        "HUB_WORKER_GIVE_UP_SECONDS = 2",
        "LOGGING = {'version': 1, 'root': {'handlers': ['console'], 'level': 'WARNING'},"
        " 'handlers': {'console': {'class': 'logging.StreamHandler'}}}",
    ]
    lines += [f"{name} = {value!r}" for name, value in settings.items()]
    (folder / "worker_settings.py").write_text("\n".join(lines) + "\n")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "worker_settings",
        "PYTHONPATH": os.pathsep.join([str(folder), str(REPO)]),
    }


def _manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=check,
    )


def _python(env: dict, code: str) -> str:
    return _manage(env, "shell", "-c", code).stdout.strip().splitlines()[-1]


def _worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--no-startup-delay", "--interval", "0.2"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


STATES = (
    "from hub.health import worker_state; "
    "from django_tasks_db.models import DBTaskResult; "
    "print(worker_state()['status'], sorted(DBTaskResult.objects"
    ".filter(task_path__endswith='slow_marker_task').values_list('status', flat=True)))"
)


@pytest.fixture
def world(tmp_path, migrated_database):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_database, database)
    marks = tmp_path / "marks"
    marks.mkdir()
    return tmp_path, database, marks


def _wait(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_a_worker_facing_a_locked_database_exits_non_zero_and_loses_nothing(world):
    folder, database, marks = world
    env = _env(folder, database)
    worker = _worker(env)
    try:
        _wait(lambda: "ok" in _python(env, STATES), 30, "the worker never beat")
        # Another process holds the write lock and does not let go.
        holder = sqlite3.connect(database, timeout=10)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            assert worker.wait(timeout=60) == 1, "the worker did not give up"
        finally:
            holder.rollback()
            holder.close()
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert "cannot use the database" in worker.stderr.read()
    # The hub tells the truth: no worker. A task queued meanwhile waits, and the next worker runs it.
    time.sleep(2.1)
    _python(
        env,
        f"from tests.search.test_faults import slow_marker_task; "
        f"(__import__('pathlib').Path({str(marks)!r}) / 'started').write_text('x'); "
        f"slow_marker_task.enqueue({str(marks)!r}); print(1)",
    )
    assert _python(env, STATES) == "absent ['READY']"
    _manage(env, "run_worker", "--batch", "--no-startup-delay")
    assert (marks / "done").read_text() == "ok"
    assert _python(env, STATES) == "absent ['SUCCESSFUL']"


def test_a_worker_on_a_read_only_database_exits_non_zero(world):
    folder, database, _marks = world
    # var/ read-only: SQLite opens the file read-only (chmod would not stop root, as in CI).
    env = _env(folder, Path(f"file:{database}?mode=ro"))
    (folder / "worker_settings.py").write_text(
        (folder / "worker_settings.py")
        .read_text()
        .replace("'OPTIONS': {'timeout': 1}", "'OPTIONS': {'timeout': 1, 'uri': True}")
    )
    result = _manage(env, "run_worker", "--no-startup-delay", check=False)
    assert result.returncode == 1
    assert "cannot use the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_killed_worker_s_task_is_taken_again_by_a_live_worker(world):
    folder, database, marks = world
    env = _env(folder, database)
    _python(
        env,
        f"from tests.search.test_faults import slow_marker_task; "
        f"slow_marker_task.enqueue({str(marks)!r}); print(1)",
    )
    first = _worker(env)
    try:
        _wait(lambda: (marks / "started").exists(), 60, "the worker never started the task")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert "RUNNING" in _python(env, STATES)
    time.sleep(2.1)  # the dead worker's beat is older than HUB_WORKER_SILENT_SECONDS
    assert _python(env, STATES) == "absent ['RUNNING']"

    second = _worker(env)  # a long-running worker, as in production: no restart needed
    try:
        _wait(lambda: (marks / "done").exists(), 60, "the abandoned task was never re-taken")
        _wait(lambda: _python(env, STATES) == "ok ['SUCCESSFUL']", 30, "health never said ok")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    assert second.returncode == 0
    assert (marks / "started").read_text() == "xx"  # run twice, finished once


def test_a_worker_running_tasks_side_by_side_beats_and_stops_cleanly(world):
    folder, database, marks = world
    env = _env(folder, database)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--no-startup-delay", "--interval", "0.2"]
        + ["--concurrency", "2"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _python(
            env,
            f"from tests.search.test_faults import slow_marker_task; "
            f"(__import__('pathlib').Path({str(marks)!r}) / 'started').write_text('x'); "
            f"slow_marker_task.enqueue({str(marks)!r}); print(1)",
        )
        _wait(lambda: (marks / "done").exists(), 60, "the worker never ran the task")
        _wait(lambda: _python(env, STATES) == "ok ['SUCCESSFUL']", 30, "health never said ok")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert "Traceback" not in worker.stderr.read()
