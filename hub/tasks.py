"""Scheduled publishing in the worker: pages approved with a "go live" date go live on time.

``publish_scheduled_task`` runs Wagtail's own ``publish_scheduled`` (publish approved revisions
whose time has come, unpublish expired pages) and puts itself back in the queue a minute later.
``ensure_publishing_schedule`` starts the chain; it runs after every ``migrate`` (``make run``
and docker compose's ``migrate`` service both migrate before the worker starts) and never leaves
two copies waiting.
"""

from __future__ import annotations

import datetime
import logging
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)

INTERVAL = datetime.timedelta(seconds=60)


def publish_due() -> str:
    """Wagtail's scheduled publishing, once; returns what the command reported."""
    output = StringIO()
    call_command("publish_scheduled", stdout=output)
    return output.getvalue()


# A run a minute leaves 1,440 finished results a day in the queue's table: keep one day's.
KEEP_RESULTS = datetime.timedelta(days=1)


@task()
def publish_scheduled_task() -> None:
    try:
        publish_due()
    finally:
        # Even after a failure the next run stays queued: one bad page must not stop the clock.
        ensure_publishing_schedule()
        prune_finished_runs()


def prune_finished_runs() -> int:
    """Delete this task's successful results older than KEEP_RESULTS (failures are kept)."""
    backend = publish_scheduled_task.get_backend()
    if not backend.supports_defer:
        return 0
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    deleted, _ = DBTaskResult.objects.filter(
        task_path=publish_scheduled_task.module_path,
        status=TaskResultStatus.SUCCESSFUL,
        finished_at__lt=timezone.now() - KEEP_RESULTS,
    ).delete()
    return deleted


def _waiting_copies() -> int | None:
    """How many copies wait in the database queue; None for a backend that cannot defer."""
    backend = publish_scheduled_task.get_backend()
    if not backend.supports_defer:
        return None
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=publish_scheduled_task.module_path,
        backend_name=backend.alias,
        status=TaskResultStatus.READY,
    ).count()


def ensure_publishing_schedule() -> bool:
    """Queue the next run in a minute unless one is already waiting; True if one was queued.

    Backends that run tasks at once (tests) cannot wait a minute: nothing is queued there.
    """
    waiting = _waiting_copies()
    if waiting is None or waiting > 0:
        return False
    publish_scheduled_task.using(run_after=timezone.now() + INTERVAL).enqueue()
    return True
