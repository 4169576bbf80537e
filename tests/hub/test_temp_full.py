"""A full temporary folder: an upload answers 503 and keeps nothing half-saved, a live worker
keeps working (what it cannot read waits with the reason and is read once room is freed), and
/health/ says "disk full" until then. The folder is a real small tmpfs filled to the last byte,
not a patched function: mounting one needs root, which CI runs as."""

from __future__ import annotations

import errno
import gc
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.models import Collection

import pytest

from hub.demo.files import make_pdf
from library.documents import HubDocument
from tests.hub.test_worker_health import (
    _env,
    _python,
    _wait,
    _worker,
    migrated_database,  # noqa: F401 - the fixture
)
from tests.library.test_documents import post_upload

SIZE_KB = 2048
ROOM_MB = 0.5  # HUB_HEALTH_MIN_FREE_MB in these tests: an empty 2 MB folder is "ok"


@pytest.fixture
def small_folder(tmp_path) -> Iterator[Path]:
    folder = tmp_path / "tmp"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE_KB}k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here (needs root): {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        # A failed upload's spooled file is closed (and unlinked) when collected: before the
        # folder goes, or its __del__ fails later at a random point of the run.
        gc.collect()
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Write until the disk says no more."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    return filler


def _health(client: Client) -> tuple[int, dict]:
    response = client.get("/health/")
    return response.status_code, response.json()


@pytest.mark.django_db
def test_an_upload_to_a_full_temporary_folder_is_503_then_passes_once_room_is_freed(
    small_folder, admin_client, settings, monkeypatch
):
    settings.FILE_UPLOAD_TEMP_DIR = str(small_folder)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # spooled to disk, as any large upload is
    settings.HUB_HEALTH_MIN_FREE_MB = ROOM_MB
    monkeypatch.setenv("TMPDIR", str(small_folder))
    admin_client.raise_request_exception = False
    content = make_pdf("Full", "IOM", ["words " * 400])
    assert len(content) > 1024
    filler = fill(small_folder)

    response = post_upload(admin_client, "full.pdf", content)
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "disk is full" in html and "Nothing was saved" in html
    assert "Traceback" not in html and "OSError" not in html
    assert not HubDocument.objects.exists()
    status, body = _health(Client())
    assert status == 503
    assert body["disk"]["status"] == "full" and body["disk"]["full"] == ["temp"]

    # The same upload through the CSRF check (which reads the form before any view): same answer.
    checked = Client(enforce_csrf_checks=True, raise_request_exception=False)
    checked.force_login(User.objects.get(is_superuser=True))
    checked.get(reverse("wagtaildocs:add"))
    response = checked.post(
        reverse("wagtaildocs:add"),
        {
            "csrfmiddlewaretoken": checked.cookies["csrftoken"].value,
            "title": "full.pdf",
            "file": SimpleUploadedFile("full.pdf", content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 503 and "disk is full" in response.content.decode()
    assert not HubDocument.objects.exists()

    filler.unlink()
    assert post_upload(admin_client, "full.pdf", content).status_code == 302
    assert HubDocument.objects.count() == 1
    status, body = _health(Client())
    assert body["disk"] == {
        "status": "ok",
        "temp_free_mb": 2,
        "media_free_mb": body["disk"]["media_free_mb"],
    }


DOCUMENTS = (
    "from library.documents import HubDocument; "
    "print(sorted((d.title, d.extraction_status, d.extraction_error) "
    "for d in HubDocument.objects.all()))"
)
HEALTH = (
    "from hub.health import worker_state, disk_state; "
    "print(worker_state()['status'], disk_state()['status'])"
)


def test_a_worker_whose_temporary_folder_fills_keeps_working_and_loses_nothing(
    small_folder,
    tmp_path,
    migrated_database,  # noqa: F811
):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_database, database)
    media = tmp_path / "media"
    media.mkdir()
    settings = {
        "MEDIA_ROOT": str(media),
        "HUB_HEALTH_MIN_FREE_MB": ROOM_MB,
        "HUB_TASK_RETRY_BASE_SECONDS": 1,
        "HUB_TASK_RETRY_MAX_SECONDS": 2,
        # The web side polls while the worker writes: on a loaded machine one second of
        # SQLite's lock timeout is too short a wait (this test is about the disk, not locks).
        "DATABASES": {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(database),
                "OPTIONS": {"timeout": 20},
            }
        },
    }
    web = _env(tmp_path, database, **settings)  # the web side: its own temporary folder
    worker_env = {**web, "TMPDIR": str(small_folder)}
    worker = _worker(worker_env)
    try:
        _wait(lambda: _python(web, HEALTH) == "ok ok", 60, "the worker never beat")
        filler = fill(small_folder)
        assert _python(worker_env, HEALTH) == "ok full"  # alive, and the disk is named

        pdfs = ["corridors.pdf", "returns.pdf"]
        _python(
            web,
            "from django.core.files.base import ContentFile; "
            "from hub.demo.files import make_pdf; "
            "from library.documents import HubDocument; "
            + "; ".join(
                f"HubDocument.objects.create("
                f"title={name!r}, file=ContentFile(make_pdf({name!r}, 'IOM', "
                f"['remittance corridors', 'page two']), name={name!r}))"
                for name in pdfs
            )
            + "; print(1)",
        )

        def settled() -> bool:
            rows = _python(web, DOCUMENTS)
            return "pending" not in rows or "disk is full" in rows

        _wait(settled, 90, "the worker never took the documents")
        # Whatever it could not read waits with the reason; nothing is called damaged.
        rows = _python(web, DOCUMENTS)
        assert "damaged" not in rows and "stopped unexpectedly" not in rows
        assert worker.poll() is None, "the worker stopped"

        filler.unlink()
        _wait(
            lambda: _python(web, DOCUMENTS).count("'extracted'") == len(pdfs),
            120,
            f"the documents were not read once room was freed: {_python(web, DOCUMENTS)}",
        )
        assert _python(worker_env, HEALTH) == "ok ok"
    finally:
        with suppress(ProcessLookupError):
            worker.terminate()
        with suppress(subprocess.TimeoutExpired):
            worker.wait(timeout=30)
        if worker.poll() is None:
            worker.kill()
    assert "Traceback" not in worker.stderr.read()
