from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Secretariat's record")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import search, signals

        search.register()
        signals.connect()
