from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Knowledge Hub")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .publishing import signals
        from .wagtail_tasks import tolerate_deleted_objects

        signals.connect()
        # Before any worker resolves a queued task by its path.
        tolerate_deleted_objects()
