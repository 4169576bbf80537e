"""Is a worker taking tasks? A heartbeat row per worker, renewed while its loop can work.

`manage.py run_worker` beats every HUB_WORKER_HEARTBEAT_SECONDS (hub/management/commands/
run_worker.py). The beat is the lease on the tasks the worker runs: a RUNNING task whose worker
has not beaten for HUB_WORKER_LEASE_SECONDS was abandoned (the worker was killed) and is queued
again by any live worker (hub.task_queue.requeue_stalled), within minutes rather than after
HUB_TASK_STALLED_SECONDS. `/health/` and the admin's *Background tasks* say "no worker" when no
worker has beaten for HUB_WORKER_SILENT_SECONDS.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_HEARTBEAT_SECONDS = 10.0
DEFAULT_SILENT_SECONDS = 60.0
DEFAULT_LEASE_SECONDS = 120.0
DEFAULT_GIVE_UP_SECONDS = 60.0


def heartbeat_seconds() -> float:
    return float(getattr(settings, "HUB_WORKER_HEARTBEAT_SECONDS", DEFAULT_HEARTBEAT_SECONDS))


def silent_seconds() -> float:
    return float(getattr(settings, "HUB_WORKER_SILENT_SECONDS", DEFAULT_SILENT_SECONDS))


def lease_seconds() -> float:
    return float(getattr(settings, "HUB_WORKER_LEASE_SECONDS", DEFAULT_LEASE_SECONDS))


def give_up_seconds() -> float:
    return float(getattr(settings, "HUB_WORKER_GIVE_UP_SECONDS", DEFAULT_GIVE_UP_SECONDS))


class WorkerBeat(models.Model):
    """The last sign of life of one worker process (its db_worker id)."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    beat_at = models.DateTimeField(_("last beat"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self) -> str:
        return self.worker_id


def beat(worker_id: str) -> None:
    """Record that this worker's loop can work now (raises DatabaseError when it cannot)."""
    now = timezone.now()
    updated = WorkerBeat.objects.filter(worker_id=worker_id).update(beat_at=now)
    if not updated:
        WorkerBeat.objects.create(worker_id=worker_id, started_at=now, beat_at=now)


def forget(worker_id: str) -> None:
    """A worker stopping cleanly says so: it is no longer counted as alive."""
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


def live_worker_ids(within_seconds: float) -> set[str]:
    since = timezone.now() - datetime.timedelta(seconds=within_seconds)
    return set(WorkerBeat.objects.filter(beat_at__gte=since).values_list("worker_id", flat=True))


def last_beat_seconds() -> float | None:
    """Seconds since any worker last beat (None: no worker ever did, or every one stopped)."""
    last = WorkerBeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()
    if last is None:
        return None
    return max(0.0, (timezone.now() - last).total_seconds())


def worker_alive() -> bool:
    seconds = last_beat_seconds()
    return seconds is not None and seconds <= silent_seconds()


def prune(older_than: datetime.timedelta = datetime.timedelta(days=1)) -> None:
    WorkerBeat.objects.filter(beat_at__lt=timezone.now() - older_than).delete()
