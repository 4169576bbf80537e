"""manage.py run_worker [db_worker options]: django_tasks_db's worker, with a heartbeat, recovery
of tasks a dead worker abandoned, and a non-zero exit when it cannot work.

- **Heartbeat** (hub.worker_health): a thread beats every HUB_WORKER_HEARTBEAT_SECONDS; `/health/`
  and the admin's *Background tasks* turn red when no worker has beaten for a minute.
- **Leases**: the beat is the lease on the tasks this worker runs. Every lease/2 seconds (and at
  start) RUNNING tasks whose worker stopped beating are queued again (hub.task_queue.
  requeue_stalled); tasks are idempotent, so running one twice is safe.
- **Exit when stuck**: django_tasks_db's loop ignores "database is locked" for ever and keeps the
  process alive. When the beat cannot be written for HUB_WORKER_GIVE_UP_SECONDS (database locked,
  `var/` read-only, database gone) or the loop itself fails, the process exits with status 1,
  so its supervisor (docker compose's `restart:`, systemd, `make run`'s loop) starts it again.
  Nothing is lost: queued tasks stay queued, and a task it was running is re-taken by the next
  worker once its lease runs out.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

from django.core.management.base import CommandError
from django.db import DatabaseError, connection

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from hub import worker_health
from hub.task_queue import requeue_stalled

logger = logging.getLogger(__name__)

EXIT_CANNOT_WORK = 1


class Heartbeat(threading.Thread):
    """Beats, recovers abandoned tasks, and ends the process when the database refuses both."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="worker-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stop = threading.Event()

    def run(self) -> None:
        every = worker_health.heartbeat_seconds()
        recover_every = max(every, worker_health.lease_seconds() / 2)
        last_ok = last_recovery = time.monotonic()
        while not self.stop.wait(every):
            try:
                worker_health.beat(self.worker_id)
                if time.monotonic() - last_recovery >= recover_every:
                    requeue_stalled()
                    last_recovery = time.monotonic()
                last_ok = time.monotonic()
            except DatabaseError as error:
                silent = time.monotonic() - last_ok
                logger.warning("Worker heartbeat failed for %.0f s: %s", silent, error)
                if silent >= worker_health.give_up_seconds():
                    self.give_up(silent, error)
            finally:
                connection.close()  # this thread's own connection

    def give_up(self, silent: float, error: BaseException) -> None:
        logger.error(
            "The worker cannot use the database (%s) for %.0f s: stopping so that it is "
            "restarted; its tasks stay queued.",
            error,
            silent,
        )
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        # The main thread may be inside a task or in a busy-wait on the lock: end the process.
        os._exit(EXIT_CANNOT_WORK)


class Command(DbWorkerCommand):
    help = "Run the background worker: heartbeat, re-queueing of abandoned tasks, exit when stuck."

    def handle(self, *args, **options) -> None:
        self.configure_logging(options["verbosity"])
        worker_id = options["worker_id"]
        try:
            count = requeue_stalled()
            worker_health.beat(worker_id)
        except DatabaseError as error:
            # Cannot even start: say so and exit non-zero (CommandError's status is 1).
            raise CommandError(f"The worker cannot use the database: {error}") from error
        if count:
            self.stdout.write(f"Re-queued {count} task(s) abandoned by a stopped worker.")
        heartbeat = None
        if not options.get("batch"):
            # A batch run is one pass over the queue: the beat at its start is enough.
            heartbeat = Heartbeat(worker_id)
            heartbeat.start()
        try:
            super().handle(*args, **options)
        except DatabaseError as error:
            logger.exception("The worker's loop stopped")
            raise CommandError(f"The worker cannot use the database: {error}") from error
        except Exception as error:
            logger.exception("The worker's loop stopped")
            raise CommandError(f"The worker's loop stopped: {error}") from error
        finally:
            if heartbeat is not None:
                heartbeat.stop.set()
                heartbeat.join(timeout=5)
            try:
                worker_health.forget(worker_id)  # stopped cleanly: not counted as alive
            except DatabaseError:
                pass
