"""manage.py run_worker [db_worker options]: django_tasks_db's worker, plus recovery of tasks a
killed worker abandoned.

django_tasks_db leaves a task RUNNING for ever when its worker dies mid-task (kill -9, out of
memory, a host restart); nothing picks it up again. This worker queues such tasks again
(hub.task_queue.requeue_stalled: RUNNING longer than HUB_TASK_STALLED_SECONDS) when it starts and
then every quarter of that time. Tasks are idempotent, so running one twice is safe.
"""

from __future__ import annotations

import logging
import threading

from django.db import DatabaseError, connection

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from hub.task_queue import requeue_stalled, stalled_seconds

logger = logging.getLogger(__name__)


def _recover_periodically(every: float, stop: threading.Event) -> None:
    while not stop.wait(every):
        try:
            requeue_stalled()
        except DatabaseError:
            logger.warning("Could not look for abandoned tasks", exc_info=True)
        finally:
            connection.close()  # this thread's own connection


class Command(DbWorkerCommand):
    help = "Run the background worker, re-queueing tasks a stopped worker abandoned."

    def handle(self, *args, **options) -> None:
        self.configure_logging(options["verbosity"])
        count = requeue_stalled()
        if count:
            self.stdout.write(f"Re-queued {count} task(s) abandoned by a stopped worker.")
        stop = threading.Event()
        watcher = threading.Thread(
            target=_recover_periodically,
            args=(max(1.0, stalled_seconds() / 4), stop),
            name="requeue-stalled",
            daemon=True,
        )
        watcher.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
