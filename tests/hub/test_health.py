"""GET /health/ (database, index, queue as JSON) and the task queue page in the admin."""

import datetime
import json

from django.contrib.auth.models import Group, User
from django.db import DatabaseError
from django.utils import timezone

import pytest

from hub.worker_health import beat
from search.backends import get_backend
from search.tasks import sync_resources_task

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def health(client):
    response = client.get("/health/")
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content)


def test_all_ok_is_200_with_counts(client, search_backend, settings):
    from tests.search.records import record

    settings.TASKS = DB_TASKS
    beat("a-worker")
    search_backend.index([record(1, "One"), record(2, "Two")])
    sync_resources_task.enqueue([1])
    status, body = health(client)
    assert status == 200, body
    assert body["status"] == "ok"
    assert body["database"] == {"status": "ok"}
    assert body["index"] == {"status": "ok", "backend": search_backend.name, "documents": 2}
    queue = body["queue"]
    assert queue["status"] == "ok" and queue["ready"] == 1 and queue["failed_last_24h"] == 0
    assert 0 <= queue["oldest_ready_seconds"] < 60


def test_an_unreachable_index_is_503_without_details(client, db, settings):
    settings.HUB_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT_SECONDS = 1
    get_backend.cache_clear()
    try:
        status, body = health(client)
    finally:
        get_backend.cache_clear()
    assert status == 503
    assert body["index"] == {"status": "unavailable"}
    assert body["database"]["status"] == "ok" and body["status"] == "error"
    text = json.dumps(body)
    assert "127.0.0.1" not in text and "Traceback" not in text and "Error" not in text


def test_a_database_failure_is_503(client, search_backend, monkeypatch):
    from hub import health as health_module

    class Broken:
        def cursor(self):
            raise DatabaseError("disk I/O error at /secret/path")

    monkeypatch.setattr(health_module, "connection", Broken())
    status, body = health(client)
    assert status == 503
    assert body["database"] == {"status": "error"} and body["queue"] == {"status": "error"}
    assert "secret" not in json.dumps(body)


def test_a_queue_nobody_takes_from_is_503(client, search_backend, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    settings.HUB_HEALTH_MAX_QUEUE_AGE_SECONDS = 600
    result = sync_resources_task.enqueue([1])
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(hours=1)
    )
    status, body = health(client)
    assert status == 503
    assert body["queue"]["status"] == "stalled"
    assert body["queue"]["oldest_ready_seconds"] >= 3600


def test_failures_and_waiting_retries_are_counted_but_not_fatal(client, search_backend, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    beat("a-worker")
    failed = sync_resources_task.enqueue([1])
    DBTaskResult.objects.get(pk=failed.id).set_failed(RuntimeError("boom"))
    sync_resources_task.using(run_after=timezone.now() + datetime.timedelta(minutes=5)).enqueue(
        [2], attempt=2
    )
    status, body = health(client)
    assert status == 200
    assert body["queue"]["failed_last_24h"] == 1
    assert body["queue"]["waiting"] == 1 and body["queue"]["ready"] == 0


# -- the admin page -------------------------------------------------------------------------------


@pytest.fixture
def failed_task(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    result = sync_resources_task.enqueue([77])
    row = DBTaskResult.objects.get(pk=result.id)
    try:
        raise RuntimeError("the engine said no")
    except RuntimeError as error:
        row.set_failed(error)
    return row


def test_superusers_see_queue_depth_and_failures_and_retry_them(client, failed_task):
    from django_tasks_db.models import DBTaskResult

    admin = User.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    sync_resources_task.enqueue([5])
    page = client.get("/admin/task-queue/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="task-queue-ready">1<' in html
    assert 'class="task-queue-failed">1<' in html
    assert "RuntimeError: the engine said no" in html and "sync_resources_task" in html
    assert "Traceback" not in html
    menu = client.get("/admin/").content.decode()
    assert "/admin/task-queue/" in menu

    response = client.post("/admin/task-queue/", {"action": "retry", "task": [failed_task.pk]})
    assert response.status_code == 302
    failed_task.refresh_from_db()
    assert failed_task.status == "READY"
    assert not DBTaskResult.objects.failed().exists()


def test_the_secretariat_sees_the_page_other_editors_do_not(client, failed_task):
    from django.contrib.auth.models import Permission

    access = Permission.objects.get(codename="access_admin")
    secretariat, _ = Group.objects.get_or_create(name="Secretariat editors")
    secretariat.permissions.add(access)
    editors, _ = Group.objects.get_or_create(name="Some editors")
    editors.permissions.add(access)
    clerk = User.objects.create_user("clerk", password="pw")
    clerk.groups.add(secretariat)
    other = User.objects.create_user("other", password="pw")
    other.groups.add(editors)

    client.force_login(other)
    assert client.get("/admin/task-queue/").status_code in (302, 403)
    assert "/admin/task-queue/" not in client.get("/admin/").content.decode()
    client.post("/admin/task-queue/", {"action": "retry", "task": [failed_task.pk]})
    failed_task.refresh_from_db()
    assert failed_task.status == "FAILED"  # refused: nothing was retried
    client.force_login(clerk)
    assert client.get("/admin/task-queue/").status_code == 200
