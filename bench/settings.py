"""Settings for the benchmark's subprocesses: production-like (no debug, no query log), a SQLite
database and search index in the run's work folder, Wagtail's Elasticsearch 9 backend as the peer.

The run (bench.run) sets DATABASE_URL, HUB_VAR_DIR, HUB_SEARCH_BACKEND, HUB_SEARCH_EMBEDDED_PATH,
ELASTICSEARCH_URL and ELASTICSEARCH_INDEX_PREFIX for each subprocess; the rest is hub.settings.base.
"""

from hub.settings.base import *  # noqa: F403
from hub.settings.base import ELASTICSEARCH_INDEX_PREFIX, ELASTICSEARCH_URL, VAR_DIR

SECRET_KEY = "bench-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
# The peer: Wagtail's own search on Elasticsearch 9. The minimal node has no n-gram or
# asciifolding filters, so Wagtail's analyzers are redefined with core parts only (in its deep
# merge an empty mapping replaces a key: the n-gram tokenizers and filters are dropped).
_CORE_ANALYZER = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
    "peer": {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}-wagtail-",
        "AUTO_UPDATE": False,
        "TIMEOUT": 30,
        "INDEX_SETTINGS": {
            "settings": {
                "analysis": {
                    "analyzer": {
                        "ngram_analyzer": _CORE_ANALYZER,
                        "edgengram_analyzer": _CORE_ANALYZER,
                    },
                    "tokenizer": {},
                    "filter": {},
                },
                "index": {},
            }
        },
    },
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "ERROR"},
}
# The peer's view (Wagtail's generated search view) is served beside the hub's.
ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]  # noqa: F405
# The benchmark asks the API thousands of times from one address.
HUB_API_RATE_LIMIT = 0
