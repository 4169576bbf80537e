"""GET /health/: is the hub able to serve? Database, search index, task queue, worker and disk
room, as JSON.

HTTP 200 when everything is ok, 503 otherwise (for load balancers and monitoring). The answer
names states and counts only: never an address, a credential or a traceback.
"""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

# Failures counted in the health answer: recent ones only, so one failure last month does not
# keep the hub "unhealthy" for ever (the admin queue page lists them all).
FAILED_WINDOW = timedelta(hours=24)
# A runnable task waiting longer than this means no worker is taking tasks.
DEFAULT_MAX_QUEUE_AGE_SECONDS = 600.0


def database_state() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unavailable")
        return {"status": "error"}
    return {"status": "ok"}


def index_state() -> dict:
    from search.backends import get_backend
    from search.consistency import indexed_count
    from search.contract import SearchUnavailable

    try:
        backend = get_backend()
        count = indexed_count(backend)
    except SearchUnavailable:
        logger.warning("Health check: search index unavailable", exc_info=True)
        return {"status": "unavailable"}
    except Exception:  # noqa: BLE001 - any engine failure is "unavailable", never a 500
        logger.exception("Health check: search index failed")
        return {"status": "unavailable"}
    return {"status": "ok", "backend": backend.name, "documents": count}


def queue_state() -> dict:
    from hub.task_queue import queue_state as read_queue
    from hub.task_queue import uses_database_queue

    if not uses_database_queue():
        return {"status": "ok", "backend": "immediate"}
    try:
        state = read_queue(failed_since=FAILED_WINDOW)
    except DatabaseError:
        logger.exception("Health check: task queue unreadable")
        return {"status": "error"}
    oldest = state.oldest_ready_seconds
    limit = float(
        getattr(settings, "HUB_HEALTH_MAX_QUEUE_AGE_SECONDS", DEFAULT_MAX_QUEUE_AGE_SECONDS)
    )
    return {
        # Failures are reported, not fatal (the hub still serves; they are retried from the
        # admin); a queue nobody takes from is: the index stops following the database.
        "status": "stalled" if oldest is not None and oldest > limit else "ok",
        "ready": state.ready,
        "waiting": state.waiting,
        "running": state.running,
        "failed_last_24h": state.failed,
        "oldest_ready_seconds": round(oldest, 1) if oldest is not None else None,
    }


def _free_megabytes(folder: str) -> float | None:
    try:
        stats = os.statvfs(folder)
    except OSError:
        return None
    return stats.f_bavail * stats.f_frsize / (1024 * 1024)


def disk_state() -> dict:
    """Room left where the hub writes: the temporary folder (uploads are spooled there, readers
    work there) and the media folder (the files themselves). A full one makes uploads fail and
    reading wait: not healthy, though every page still serves."""
    limit = float(getattr(settings, "HUB_HEALTH_MIN_FREE_MB", 100))
    folders = {
        "temp": os.environ.get("TMPDIR") or tempfile.gettempdir(),
        "media": str(settings.MEDIA_ROOT),
    }
    free = {name: _free_megabytes(folder) for name, folder in folders.items()}
    full = sorted(name for name, room in free.items() if room is not None and room < limit)
    return {
        "status": "full" if full else "ok",
        **({"full": full} if full else {}),
        **{f"{name}_free_mb": round(room) for name, room in free.items() if room is not None},
    }


def worker_state() -> dict:
    """Has a worker beaten within HUB_WORKER_SILENT_SECONDS? (hub.worker_health)"""
    from hub import worker_health
    from hub.task_queue import uses_database_queue

    if not uses_database_queue():
        return {"status": "ok", "backend": "immediate"}
    try:
        seconds = worker_health.last_beat_seconds()
    except DatabaseError:
        logger.exception("Health check: worker heartbeats unreadable")
        return {"status": "error"}
    alive = seconds is not None and seconds <= worker_health.silent_seconds()
    return {
        # A hub whose worker is gone still serves pages, but uploads stay unread and the index
        # stops following the database: not healthy.
        "status": "ok" if alive else "absent",
        "last_beat_seconds": round(seconds, 1) if seconds is not None else None,
    }


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    database = database_state()
    body = {
        "database": database,
        "index": index_state(),
        "queue": queue_state() if database["status"] == "ok" else {"status": "error"},
        "worker": worker_state() if database["status"] == "ok" else {"status": "error"},
        "disk": disk_state(),
    }
    healthy = all(part["status"] == "ok" for part in body.values())
    body["status"] = "ok" if healthy else "error"
    return JsonResponse(body, status=200 if healthy else 503)
