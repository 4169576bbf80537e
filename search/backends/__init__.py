"""Which engine answers searches: chosen by the HUB_SEARCH_BACKEND setting."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from ..contract import SearchBackend

BACKEND_NAMES = ("embedded", "elasticsearch")


@cache
def get_backend() -> SearchBackend:
    name = settings.HUB_SEARCH_BACKEND
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(
            settings.ELASTICSEARCH_URL,
            settings.ELASTICSEARCH_INDEX_PREFIX,
            timeout=settings.ELASTICSEARCH_TIMEOUT_SECONDS,
            refresh=getattr(settings, "HUB_SEARCH_REFRESH_ON_WRITE", False),
        )
    if name == "embedded":
        from .embedded import EmbeddedBackend

        return EmbeddedBackend(settings.HUB_SEARCH_EMBEDDED_PATH)
    raise ValueError(f"HUB_SEARCH_BACKEND must be one of {BACKEND_NAMES}, not {name!r}")


@receiver(setting_changed)
def _forget_backend(setting: str, **kwargs) -> None:
    if setting.startswith(("HUB_SEARCH", "ELASTICSEARCH")):
        get_backend.cache_clear()
