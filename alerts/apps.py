import logging

from django.apps import AppConfig
from django.db import DatabaseError
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Alerts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_after_migrate, sender=self)


def _after_migrate(sender, **kwargs) -> None:
    from .tasks import ensure_alerts_schedule

    try:
        # The worker's digest run: queued once here, then it re-queues itself.
        ensure_alerts_schedule()
    except DatabaseError as error:  # a partial migrate: the queue's table may not exist yet
        logger.warning("Alerts schedule not queued: %s", error)
