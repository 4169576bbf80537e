"""The digest run in the worker: every minute, re-queued by itself like scheduled publishing.

``send_alerts_task`` runs one digest run (alerts.digest.run), prunes its own old results and
queues its next run a minute later, even after a failure, so one bad alert never stops the
clock. ``ensure_alerts_schedule`` starts the chain after ``migrate`` and never leaves two copies
waiting.
"""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)

INTERVAL = datetime.timedelta(seconds=60)
KEEP_RESULTS = datetime.timedelta(days=1)


@task()
def send_alerts_task() -> None:
    from .digest import run

    try:
        summary = run()
        if summary.sent or summary.failed or summary.bounced:
            logger.info(
                "Alerts: %s e-mails sent, %s failed, %s bounced",
                summary.sent,
                summary.failed,
                summary.bounced,
            )
    finally:
        ensure_alerts_schedule()
        prune_finished_runs()


def _db_backend():
    backend = send_alerts_task.get_backend()
    return backend if backend.supports_defer else None


def prune_finished_runs() -> int:
    """Delete this task's successful results older than KEEP_RESULTS (failures are kept)."""
    backend = _db_backend()
    if backend is None:
        return 0
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    deleted, _ = DBTaskResult.objects.filter(
        task_path=send_alerts_task.module_path,
        status=TaskResultStatus.SUCCESSFUL,
        finished_at__lt=timezone.now() - KEEP_RESULTS,
    ).delete()
    return deleted


def ensure_alerts_schedule() -> bool:
    """Queue the next run in a minute unless one already waits; True if one was queued.

    Backends that run tasks at once (tests) cannot wait a minute: nothing is queued there.
    """
    backend = _db_backend()
    if backend is None:
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=send_alerts_task.module_path,
        backend_name=backend.alias,
        status=TaskResultStatus.READY,
    ).exists()
    if waiting:
        return False
    send_alerts_task.using(run_after=timezone.now() + INTERVAL).enqueue()
    return True
