"""The background queue (django-tasks, database backend): stalled tasks, failures retried by
hand, and the figures the admin page and the health endpoint show. Tasks retry themselves with
foundation.retries; what gives up is listed here, and can be retried from the admin.

A worker killed mid-task (kill -9, out of memory, a host restart) leaves its task RUNNING
forever: django_tasks_db never looks at it again. `requeue_stalled` puts such tasks back in the
queue once their worker's heartbeat lease has run out (hub.worker_health); `manage.py
run_worker` does it when it starts and every lease/2 seconds after.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

# Retries are the bottom layer's (every app's tasks call them); the queue's pages name them too.

logger = logging.getLogger(__name__)

# Longer than any task may take (extraction is capped well below this), so a task still running
# in a live worker is never mistaken for an abandoned one.
DEFAULT_STALLED_SECONDS = 3600.0


def stalled_seconds() -> float:
    return float(getattr(settings, "HUB_TASK_STALLED_SECONDS", DEFAULT_STALLED_SECONDS))


# -- what the queue holds ---------------------------------------------------------------------


def uses_database_queue() -> bool:
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


@dataclass(frozen=True)
class QueueState:
    ready: int  # may run now
    waiting: int  # queued for later (a retry's backoff)
    running: int
    failed: int
    oldest_ready_seconds: float | None  # how long the oldest runnable task has waited


def queue_state(failed_since: datetime.timedelta | None = None) -> QueueState:
    """Counts over the database queue; `failed_since` limits failures to a recent window."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    tasks = DBTaskResult.objects.all()
    ready = tasks.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    oldest_seconds = None
    if oldest is not None:
        enqueued_at, run_after = oldest
        # A deferred task has been waiting since it became runnable, not since it was queued.
        since = enqueued_at if run_after == get_date_max() else max(enqueued_at, run_after)
        oldest_seconds = max(0.0, (now - since).total_seconds())
    failed = tasks.failed()
    if failed_since is not None:
        failed = failed.filter(finished_at__gte=now - failed_since)
    return QueueState(
        ready=ready.count(),
        waiting=tasks.filter(status=TaskResultStatus.READY, run_after__gt=now)
        .exclude(run_after=get_date_max())
        .count(),
        running=tasks.running().count(),
        failed=failed.count(),
        oldest_ready_seconds=oldest_seconds,
    )


@dataclass(frozen=True)
class FailedTask:
    id: str
    task: str
    args: str
    finished_at: datetime.datetime | None
    error: str  # the exception's last line, never the whole traceback


def recent_failures(limit: int = 20) -> list[FailedTask]:
    from django_tasks_db.models import DBTaskResult

    failures = []
    for row in DBTaskResult.objects.failed().order_by("-finished_at")[:limit]:
        lines = [line for line in (row.traceback or "").strip().splitlines() if line.strip()]
        failures.append(
            FailedTask(
                id=str(row.id),
                task=row.task_path.rsplit(".", 1)[-1],
                args=_short(row.args_kwargs),
                finished_at=row.finished_at,
                error=(lines[-1] if lines else row.exception_class_path)[:300],
            )
        )
    return failures


def _short(args_kwargs: dict) -> str:
    args = ", ".join(repr(a) for a in args_kwargs.get("args", []))
    kwargs = ", ".join(f"{k}={v!r}" for k, v in args_kwargs.get("kwargs", {}).items())
    text = ", ".join(part for part in (args, kwargs) if part)
    return text if len(text) <= 120 else text[:119] + "…"


def requeue(task_ids: list[str]) -> int:
    """Put failed tasks back in the queue (tasks are idempotent, so running one again is safe)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return (
        DBTaskResult.objects.failed()
        .filter(pk__in=task_ids)
        .update(
            status=TaskResultStatus.READY,
            run_after=timezone.now(),
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
        )
    )


def requeue_stalled(older_than_seconds: float | None = None) -> int:
    """Queue again the tasks a dead worker abandoned. Returns how many.

    A RUNNING task was abandoned when the worker running it has stopped beating for longer than
    its lease (hub.worker_health: killed, out of memory, host restarted), or, whatever the
    beats say, when it has run longer than any task may take (HUB_TASK_STALLED_SECONDS).
    """
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from .worker_health import lease_seconds, live_worker_ids

    now = timezone.now()
    seconds = stalled_seconds() if older_than_seconds is None else older_than_seconds
    running = DBTaskResult.objects.running()
    abandoned = set(
        running.filter(started_at__lt=now - datetime.timedelta(seconds=seconds)).values_list(
            "pk", flat=True
        )
    )
    lease = lease_seconds()
    alive = live_worker_ids(lease)
    for pk, worker_ids in running.filter(
        started_at__lt=now - datetime.timedelta(seconds=lease)
    ).values_list("pk", "worker_ids"):
        if not worker_ids or worker_ids[-1] not in alive:
            abandoned.add(pk)
    if not abandoned:
        return 0
    count = running.filter(pk__in=abandoned).update(
        status=TaskResultStatus.READY, started_at=None, run_after=timezone.now()
    )
    if count:
        logger.warning("Re-queued %d task(s) abandoned by a stopped worker", count)
    return count
