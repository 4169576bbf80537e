"""Settings shared by every environment; each value that differs between machines comes from the environment."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("HUB_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes" count as yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub",
    "library",
    "search",
    "governance",
    "opendata",
    "suggestions",
    "alerts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CSP on every HTML page, Permissions-Policy on every response (hub/headers.py).
    "hub.headers.SecurityHeadersMiddleware",
    "hub.security.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hub.security.PrivateForMembersMiddleware",
    "hub.throttle.KnownDeviceMiddleware",
    "hub.busy.DatabaseBusyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hub.identity.identity",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'hub.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The zero-service default: write-ahead log, so readers never wait for a writer and a commit
    # is not an fsync (synchronous=NORMAL: safe against a crashed process; a power cut may lose
    # the last commits); writers take the lock up front instead of failing on upgrade, and wait
    # for each other (web, task worker) rather than raise "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            # A writer waits this long for the lock, then the request answers 503 with
            # Retry-After (hub/busy.py) instead of hanging.
            "timeout": float(os.environ.get("HUB_DATABASE_BUSY_SECONDS", "10")),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("rw", _("Kinyarwanda"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Kigali"
# One date format everywhere, the admin included: "9 December 2025" (hub/formats/).
FORMAT_MODULE_PATH = ["hub.formats"]
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
WAGTAIL_DATE_FORMAT = "%d %B %Y"
WAGTAIL_DATETIME_FORMAT = "%d %B %Y %H:%M"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "hub" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get(
    "HUB_SITE_NAME", "UN Network on Migration in Rwanda: Knowledge Hub"
)
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "library.HubDocument"
# Word's macro-enabled and template files read like .docx (uploads are judged by content).
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "docx", "docm", "dotx", "dotm"],
    *["xlsx", "xlsm", "csv", "tsv", "pptx"],
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The upload form says which files it takes (library/editor_path.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "library.editor_path.HubDocumentForm"
# PDFs open in the browser's viewer (so #page=N works), Word files download; the headers
# (nosniff, a Content-Security-Policy the PDF viewer accepts, the name) are library/serving.py's.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# A review workflow's last approval publishes (or schedules) the page: hub/publishing/finish.py.
WAGTAIL_FINISH_WORKFLOW_ACTION = "hub.publishing.finish.publish_approved"
# The admin's own search uses the database: the hub's Elasticsearch index is for members' search only.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Uploads larger than this are refused before they are parsed.
HUB_MAX_UPLOAD_BYTES = int(os.environ.get("HUB_MAX_UPLOAD_MB", "50")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# A whole request body (several files at once) is refused above this, before it is read.
HUB_MAX_REQUEST_BYTES = int(os.environ.get("HUB_MAX_REQUEST_MB", "110")) * 1024 * 1024
# Files per request (Django refuses more with a 400).
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("HUB_MAX_FILES_PER_REQUEST", "20"))

# Sign-in: failed attempts per account and address before a pause, and the pause.
HUB_LOGIN_ATTEMPTS = int(os.environ.get("HUB_LOGIN_ATTEMPTS", "5"))
HUB_LOGIN_LOCKOUT_MINUTES = int(os.environ.get("HUB_LOGIN_LOCKOUT_MINUTES", "15"))
# Requests per minute one address may make to the API, feeds, OAI-PMH and citations (0: no limit).
HUB_API_RATE_LIMIT = int(os.environ.get("HUB_API_RATE_LIMIT", "120"))
# How many trusted proxies stand in front of the web process (compose: nginx, 1): the rate limit
# then reads the caller's address from X-Forwarded-For instead of the proxy's own.
HUB_PROXY_HOPS = int(os.environ.get("HUB_PROXY_HOPS", "0"))
# OAI-PMH: the address harvesters may write to, and the namespace of record identifiers
# (oai:<id>:resource/<n>; default: the host name of WAGTAILADMIN_BASE_URL). Keep it stable.
HUB_OAI_ADMIN_EMAIL = os.environ.get("HUB_OAI_ADMIN_EMAIL", "knowledge-hub@example.org")
HUB_OAI_REPOSITORY_ID = os.environ.get("HUB_OAI_REPOSITORY_ID", "")
# hub/throttle.py: failures from one address over all accounts, and against one account over all
# addresses, before sign-in pauses (a browser the account signed in from before still passes).
HUB_LOGIN_ADDRESS_ATTEMPTS = int(os.environ.get("HUB_LOGIN_ADDRESS_ATTEMPTS", "20"))
HUB_LOGIN_ACCOUNT_ATTEMPTS = int(os.environ.get("HUB_LOGIN_ACCOUNT_ATTEMPTS", "20"))
# Proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated): in
# production the nginx of deploy/nginx.conf (and a TLS terminator in front of it, if any).
HUB_TRUSTED_PROXIES = [
    item.strip() for item in os.environ.get("HUB_TRUSTED_PROXIES", "").split(",") if item.strip()
]
AUTHENTICATION_BACKENDS = ["hub.security.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "hub.security.ThrottledLoginForm"
# Restricted pages send visitors to the members' sign-in page, not the admin's.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL = "/sign-in/"
# Signing in without a page to go back to lands on the members' start page (hub/members.py).
LOGIN_REDIRECT_URL = "/start/"

# Background work: extraction and indexing never run inside a web request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Retries (foundation/retries.py): a task meeting a passing failure (search engine away) runs again
# after base * 2^(attempt-1) seconds, capped, and gives up (listed as failed) after the last.
HUB_TASK_MAX_ATTEMPTS = int(os.environ.get("HUB_TASK_MAX_ATTEMPTS", "10"))
HUB_TASK_RETRY_BASE_SECONDS = float(os.environ.get("HUB_TASK_RETRY_BASE_SECONDS", "15"))
HUB_TASK_RETRY_MAX_SECONDS = float(os.environ.get("HUB_TASK_RETRY_MAX_SECONDS", "1800"))
# A task RUNNING longer than this was abandoned by a killed worker: run_worker queues it again.
HUB_TASK_STALLED_SECONDS = float(os.environ.get("HUB_TASK_STALLED_SECONDS", "3600"))
# Objective suggestions: the model learned from tagged resources is retrained this long after a
# publication (one retraining for a burst of publications; suggestions.signals).
HUB_SUGGESTIONS_RETRAIN_DELAY_SECONDS = float(
    os.environ.get("HUB_SUGGESTIONS_RETRAIN_DELAY_SECONDS", "120")
)
# A document's stored text is read for suggestions this long after it is stored, in one batch
# with the others stored meanwhile (suggestions.signals): never on the worker's reading path.
HUB_SUGGESTIONS_READ_DELAY_SECONDS = float(
    os.environ.get("HUB_SUGGESTIONS_READ_DELAY_SECONDS", "10")
)
# Tasks the worker runs side by side (threads sharing as many warm readers; run_worker
# --concurrency): reading files is done in the readers, so one per CPU keeps them all busy.
HUB_WORKER_CONCURRENCY = max(
    1, int(os.environ.get("HUB_WORKER_CONCURRENCY", "0") or 0) or (os.cpu_count() or 1)
)
# The worker's heartbeat (hub/worker_health.py): it beats every HEARTBEAT seconds; /health/ and
# the admin say "no worker" after SILENT seconds without a beat; a RUNNING task whose worker has
# not beaten for LEASE seconds is queued again; a worker that cannot write its beat for GIVE_UP
# seconds (database locked, var/ read-only) exits with status 1 so that it is restarted.
HUB_WORKER_HEARTBEAT_SECONDS = float(os.environ.get("HUB_WORKER_HEARTBEAT_SECONDS", "10"))
HUB_WORKER_SILENT_SECONDS = float(os.environ.get("HUB_WORKER_SILENT_SECONDS", "60"))
HUB_WORKER_LEASE_SECONDS = float(os.environ.get("HUB_WORKER_LEASE_SECONDS", "120"))
HUB_WORKER_GIVE_UP_SECONDS = float(os.environ.get("HUB_WORKER_GIVE_UP_SECONDS", "60"))
# /health/ answers 503 when a runnable task has waited longer than this (no worker running).
HUB_HEALTH_MAX_QUEUE_AGE_SECONDS = float(os.environ.get("HUB_HEALTH_MAX_QUEUE_AGE_SECONDS", "600"))
# /health/ answers 503 when the temporary or media folder has less room than this (hub/health.py).
# The migration field's common acronyms as built-in synonyms (search/glossary.py).
HUB_SEARCH_GLOSSARY = os.environ.get("HUB_SEARCH_GLOSSARY", "1") != "0"
HUB_HEALTH_MIN_FREE_MB = float(os.environ.get("HUB_HEALTH_MIN_FREE_MB", "100"))

# Personal calendar feed links (governance/feed_tokens.py) work this many days (revocable).
HUB_CALENDAR_TOKEN_DAYS = int(os.environ.get("HUB_CALENDAR_TOKEN_DAYS", "365"))

# Extraction limits: a file may not hold the worker longer or larger than this.
HUB_EXTRACTION_TIMEOUT_SECONDS = int(os.environ.get("HUB_EXTRACTION_TIMEOUT_SECONDS", "60"))
HUB_EXTRACTION_MEMORY_MB = int(os.environ.get("HUB_EXTRACTION_MEMORY_MB", "1024"))
# Warm sandboxed readers kept per process: the worker reads one file at a time, so one.
HUB_EXTRACTION_READERS = int(os.environ.get("HUB_EXTRACTION_READERS", "1"))
# Past these, a file is read up to the cap and its status says so.
HUB_EXTRACTION_MAX_PAGES = int(os.environ.get("HUB_EXTRACTION_MAX_PAGES", "5000"))
HUB_EXTRACTION_MAX_CHARACTERS = int(os.environ.get("HUB_EXTRACTION_MAX_CHARACTERS", "5000000"))
# Text recognition (Tesseract) of scanned pages in the worker: on or off for the whole site, and
# a budget per file (pages, seconds) on top of the reading time.
HUB_OCR_ENABLED = os.environ.get("HUB_OCR_ENABLED", "1").lower() not in ("0", "false", "no", "")
HUB_OCR_MAX_PAGES = int(os.environ.get("HUB_OCR_MAX_PAGES", "100"))
HUB_OCR_SECONDS = int(os.environ.get("HUB_OCR_SECONDS", "300"))

# Members' search: "embedded" (SQLite FTS5, no service) or "elasticsearch".
HUB_SEARCH_BACKEND = os.environ.get("HUB_SEARCH_BACKEND", "embedded")
# Pages of one file that search indexes; past them a file is still stored and downloadable.
HUB_SEARCH_MAX_PAGES_PER_FILE = int(os.environ.get("HUB_SEARCH_MAX_PAGES_PER_FILE", "3000"))
HUB_SEARCH_EMBEDDED_PATH = Path(
    os.environ.get("HUB_SEARCH_EMBEDDED_PATH", VAR_DIR / "search.sqlite3")
)
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "hub")
ELASTICSEARCH_TIMEOUT_SECONDS = float(os.environ.get("ELASTICSEARCH_TIMEOUT_SECONDS", "10"))

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "knowledge-hub@localhost")

# Saved searches and e-mail digests (alerts/): how many alerts one member and one e-mail
# address may keep, how many subscriptions one address may ask for per hour, how long a
# visitor's confirmation link works, and when daily and weekly digests go out (local time).
HUB_ALERTS_MAX_PER_MEMBER = int(os.environ.get("HUB_ALERTS_MAX_PER_MEMBER", "50"))
HUB_ALERTS_MAX_PER_ADDRESS = int(os.environ.get("HUB_ALERTS_MAX_PER_ADDRESS", "10"))
HUB_ALERTS_SUBSCRIBE_PER_HOUR = int(os.environ.get("HUB_ALERTS_SUBSCRIBE_PER_HOUR", "5"))
HUB_ALERTS_CONFIRM_HOURS = int(os.environ.get("HUB_ALERTS_CONFIRM_HOURS", "48"))
HUB_ALERTS_DIGEST_HOUR = int(os.environ.get("HUB_ALERTS_DIGEST_HOUR", "7"))
# A digest the mail server refused is tried again after base * 2^(attempt-1) minutes, capped.
HUB_ALERTS_MAX_ATTEMPTS = int(os.environ.get("HUB_ALERTS_MAX_ATTEMPTS", "6"))
HUB_ALERTS_RETRY_BASE_MINUTES = float(os.environ.get("HUB_ALERTS_RETRY_BASE_MINUTES", "5"))
HUB_ALERTS_RETRY_MAX_MINUTES = float(os.environ.get("HUB_ALERTS_RETRY_MAX_MINUTES", "240"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HUB_LOG_LEVEL", "INFO")},
    "loggers": {"elastic_transport": {"level": "WARNING"}},
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = HUB_MAX_UPLOAD_BYTES
