"""Retrying a background task that met a passing failure (the search engine away, the database
busy): django-tasks has no retry of its own.

A task calls `retry_later`, which enqueues the same task again with `run_after` = now + a capped
exponential delay and the attempt number + 1; after HUB_TASK_MAX_ATTEMPTS it gives up with an
ERROR log and the task is recorded as failed (the admin lists it, and it can be retried there:
hub.task_queue).
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)

# Defaults: 10 attempts with delays 15 s, 30 s, ... capped at 30 min cover about 2.5 hours of an
# engine being away before a task gives up (and the failure is listed in the admin).
DEFAULT_MAX_ATTEMPTS = 10
DEFAULT_RETRY_BASE_SECONDS = 15.0
DEFAULT_RETRY_MAX_SECONDS = 1800.0


def max_attempts() -> int:
    return int(getattr(settings, "HUB_TASK_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS))


def backoff_seconds(attempt: int) -> float:
    """The wait before attempt `attempt + 1`: base * 2^(attempt - 1), capped."""
    base = float(getattr(settings, "HUB_TASK_RETRY_BASE_SECONDS", DEFAULT_RETRY_BASE_SECONDS))
    cap = float(getattr(settings, "HUB_TASK_RETRY_MAX_SECONDS", DEFAULT_RETRY_MAX_SECONDS))
    return min(cap, base * 2 ** max(0, attempt - 1))


def retry_later(task, *args: Any, attempt: int, error: BaseException, **kwargs: Any) -> None:
    """Enqueue `task(*args, attempt=attempt + 1, **kwargs)` after a backoff, or give up.

    Giving up re-raises `error`, so the queue records the task as failed with its traceback.
    A backend that cannot defer (the immediate one, in tests) gets no retry: retrying at once
    would only fail again.
    """
    name = getattr(task, "name", str(task))
    if attempt >= max_attempts():
        logger.error("%s failed %d times; giving up: %s", name, attempt, error)
        raise error
    backend = task.get_backend()
    if not backend.supports_defer:
        logger.error("%s failed and %s cannot retry later: %s", name, backend.alias, error)
        raise error
    delay = backoff_seconds(attempt)
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
    logger.warning(
        "%s failed (attempt %d of %d), retrying in %.0f s: %s",
        name,
        attempt,
        max_attempts(),
        delay,
        error,
    )
