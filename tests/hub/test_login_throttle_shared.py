"""Sign-in failures are counted once for the whole site, whichever process hears of them.

Production runs several gunicorn workers (and could run several web containers): a count kept in
one process's memory would let an attacker try HUB_LOGIN_ATTEMPTS passwords per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.contrib.auth.models import User
from django.core.cache import BaseCache, caches
from django.core.cache.backends import locmem
from django.core.management import call_command
from django.test import Client, override_settings

import pytest

from hub.security import _attempts_key

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]


def _production_caches() -> dict:
    """CACHES exactly as hub.settings.production builds them (Django's default if it sets none),
    read in a fresh interpreter: the settings read the environment when first imported."""
    script = (
        "import json; from django.conf import global_settings; "
        "import hub.settings.production as production; "
        "print(json.dumps(getattr(production, 'CACHES', global_settings.CACHES)))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "HUB_"))}
    env["DJANGO_SECRET_KEY"] = "test-only-not-secret"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _cache_of_a_new_process() -> BaseCache:
    """A fresh client of the default cache holding no memory of another's, as a separate gunicorn
    worker has (in-process caches keep their data in module globals, so empty those first)."""
    with (
        mock.patch.object(locmem, "_caches", {}),
        mock.patch.object(locmem, "_expire_info", {}),
        mock.patch.object(locmem, "_locks", {}),
    ):
        return caches.create_connection("default")


def _sign_in(password: str) -> int:
    response = Client().post("/admin/login/", {"username": "editor", "password": password})
    return response.status_code


def test_failures_in_one_web_process_pause_sign_in_in_another(settings):
    settings.HUB_LOGIN_ATTEMPTS = 3
    User.objects.create_superuser("editor", password="right-password-1")
    with override_settings(CACHES=_production_caches()):
        call_command("createcachetable")  # as docker compose's migrate step does
        first, second = _cache_of_a_new_process(), _cache_of_a_new_process()

        caches["default"] = first
        for _ in range(3):
            assert _sign_in("wrong") == 200

        key = _attempts_key("editor", "127.0.0.1")
        assert len(first.get(key) or []) == len(second.get(key) or []) == 3

        caches["default"] = second  # the next request lands on another worker
        assert _sign_in("right-password-1") == 200  # the form again: paused, not signed in
