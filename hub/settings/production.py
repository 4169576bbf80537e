"""Production settings: everything from the environment, secure by default (see the README's table)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a long random value.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Preload is hard to undo, so it stays an opt-in; until then its deploy warning is expected.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# DENY, as `check --deploy` asks (W019); Wagtail's preview views set SAMEORIGIN themselves.
# A hub view meant to be framed by the hub (e.g. an inline PDF) needs @xframe_options_sameorigin.
X_FRAME_OPTIONS = "DENY"

# One cache for every gunicorn process and every container, in the hub's own database (the table
# is made by `manage.py createcachetable`, in docker compose's migrate step). The sign-in throttle
# counts failures there (hub/security.py): a per-process cache would allow HUB_LOGIN_ATTEMPTS per
# process. Entries Wagtail and the search synonyms drop on an edit are then dropped everywhere.
# Django's default of 300 entries would let a flood of failed sign-ins under made-up names cull
# real accounts' counts; normal use keeps a few hundred rows, expired ones are removed first.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": os.environ.get("HUB_CACHE_TABLE", "hub_cache"),
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
