"""Settings for pytest: tasks run at once, files go to a temporary folder, fast password hashing."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
# `make test` runs the database tests a second time on PostgreSQL, as production runs it
# (scripts/postgres.sh starts the cluster; pytest-django creates and drops test_hub in it).
if os.environ.get("HUB_TEST_DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["HUB_TEST_DATABASE_URL"])}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
_TMP = Path(tempfile.mkdtemp(prefix="hub-test-"))
MEDIA_ROOT = _TMP / "media"
HUB_SEARCH_EMBEDDED_PATH = _TMP / "search.sqlite3"
ELASTICSEARCH_INDEX_PREFIX = f"test-hub-{_TMP.name.lower()}"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HUB_SEARCH_REFRESH_ON_WRITE = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}
# One task at a time unless a test asks for more: other threads would not see the test's
# uncommitted data (the concurrency tests use transactional test cases).
HUB_WORKER_CONCURRENCY = 1
