from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "hub_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from library.related import use_engine

        from . import signals  # noqa: F401
        from .similar import similar_later

        # Resource pages list related resources through the engine (library.related).
        use_engine(similar_later)
