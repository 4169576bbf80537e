from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """Open by default: the public library as an API, feeds, OAI-PMH, citations and previews."""

    name = "opendata"
    verbose_name = "Open data"

    def ready(self) -> None:
        from . import tombstones  # noqa: F401 - connects the signals that record withdrawals
