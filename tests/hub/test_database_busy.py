"""A database that will not take a write in time: 503 with Retry-After and a page saying so,
never a 500; nothing half-saved, and the same request succeeds once the lock is gone."""

from __future__ import annotations

import shutil
import sqlite3

from django.contrib.auth.models import User
from django.db import OperationalError, connection
from django.test import Client

import pytest

from hub.demo.files import make_pdf
from library.documents import HubDocument
from tests.hub.test_worker_health import (
    _env,
    _python,
    migrated_database,  # noqa: F401 - the fixture
)
from tests.library.test_documents import post_upload

pytestmark = pytest.mark.django_db


def _locked(execute, sql, params, many, context):
    """What the SQLite backend raises when the write lock stayed taken past its timeout."""
    if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
        raise OperationalError("database is locked")
    return execute(sql, params, many, context)


def _is_busy_page(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    html = response.content.decode()
    assert "Nothing was saved" in html and "try again" in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_sign_in_while_the_database_is_locked_is_503_then_works():
    User.objects.create_user("member", password="right-password-1")
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(_locked):
        response = client.post("/sign-in/", {"username": "member", "password": "right-password-1"})
    _is_busy_page(response)
    response = client.post("/sign-in/", {"username": "member", "password": "right-password-1"})
    assert response.status_code == 302


def test_an_upload_while_the_database_is_locked_is_503_and_half_saves_nothing(admin_client):
    admin_client.raise_request_exception = False
    content = make_pdf("Busy", "IOM", ["one"])
    with connection.execute_wrapper(_locked):
        response = post_upload(admin_client, "busy.pdf", content)
    _is_busy_page(response)
    assert not HubDocument.objects.exists()
    assert post_upload(admin_client, "busy.pdf", content).status_code == 302
    assert HubDocument.objects.count() == 1


def test_a_real_write_lock_held_by_another_process(tmp_path, migrated_database):  # noqa: F811
    """SQLite file, another process holding the write lock: the request waits its bounded time
    (HUB_DATABASE_BUSY_SECONDS, here 1 s) and answers 503; after the lock, the same sign-in works."""
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_database, database)
    env = _env(tmp_path, database)
    _python(
        env,
        "from django.contrib.auth.models import User; "
        "User.objects.create_user('member', password='right-password-1'); print(1)",
    )
    sign_in = (
        "from django.test import Client; "
        "r = Client(raise_request_exception=False).post('/sign-in/', "
        "{'username': 'member', 'password': 'right-password-1'}); "
        "print(r.status_code, r.get('Retry-After'))"
    )
    holder = sqlite3.connect(database, timeout=10)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        answer = _python(env, sign_in)
    finally:
        holder.rollback()
        holder.close()
    assert answer == "503 10"
    assert _python(env, sign_in) == "302 None"
