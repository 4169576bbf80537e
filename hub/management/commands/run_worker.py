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
- **Tasks side by side** (``--concurrency N``, default HUB_WORKER_CONCURRENCY, the number of
  CPUs): N threads each take tasks from the queue, with their own database connection, sharing
  N warm readers. Reading a file happens in a reader process, so the threads read in parallel;
  on SQLite they take turns at the database (library.database_turns), claiming tasks included.
  One signal lets every
  thread finish its task; a second stops at once. ``--max-tasks`` counts per thread; with
  ``--reload`` (development) the worker runs one task at a time.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from types import FrameType

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.db import DatabaseError, OperationalError, close_old_connections, connection

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker, valid_max_tasks
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from hub import worker_health
from hub.task_queue import requeue_stalled
from library.database_turns import database_turn, take_turns
from library.extraction.sandbox import reader_pool

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


class TurnTakingWorker(Worker):
    """django_tasks_db's worker, one of several threads. It takes a task and runs it in the
    database turn (given up while a file is read, and while it waits for work), and closes its
    own connection when it stops. The loop is django_tasks_db's, but for the turn: claiming a
    task outside it, threads of one process would meet each other's write lock."""

    def run(self) -> None:
        try:
            while self.running:
                close_old_connections()
                with database_turn():
                    task_result, retrieved = self.claim_next()
                    if task_result is not None:
                        self.run_task(task_result)
                if self.batch and retrieved and task_result is None:
                    return  # the queue is empty: a batch run ends
                if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                    return
                close_old_connections()
                if self.running and task_result is None:
                    time.sleep(self.interval)
        finally:
            connection.close()  # this thread's own connection

    def claim_next(self) -> tuple[DBTaskResult | None, bool]:
        """The next runnable task, claimed for this worker, and whether the queue could be
        read at all (a database locked by another process is tried again later)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)  # no other worker will run it
        except OperationalError as error:
            if is_locked_database_exception(error):
                return None, False
            raise
        return task_result, True


class SideBySide:
    """N workers in N threads of this process; the main thread only waits and takes signals."""

    def __init__(self, count: int, **worker_options) -> None:
        self.workers = [TurnTakingWorker(**worker_options) for _ in range(count)]
        self.errors: list[BaseException] = []
        self.stopping = False

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        if self.stopping:
            logger.warning("Received %s - stopping at once.", signal.strsignal(signum))
            self.workers[0].reset_signals()
            sys.exit(1)  # the threads are daemons: they end with the process
        logger.warning(
            "Received %s - letting the running tasks finish... (again to stop at once)",
            signal.strsignal(signum),
        )
        self.stopping = True
        for worker in self.workers:
            worker.running = False

    def _run_one(self, worker: TurnTakingWorker) -> None:
        try:
            worker.run()
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            self.errors.append(error)
            for other in self.workers:  # one broken loop stops the process, to be restarted
                other.running = False

    def run(self) -> None:
        signal.signal(signal.SIGINT, self.shutdown)
        signal.signal(signal.SIGTERM, self.shutdown)
        if hasattr(signal, "SIGQUIT"):
            signal.signal(signal.SIGQUIT, self.shutdown)
        threads = [
            threading.Thread(target=self._run_one, args=(worker,), name=f"worker-{n}", daemon=True)
            for n, worker in enumerate(self.workers, start=1)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(0.5)  # short waits: the main thread must stay free for signals
        if self.errors:
            raise self.errors[0]


class Command(DbWorkerCommand):
    help = "Run the background worker: heartbeat, re-queueing of abandoned tasks, exit when stuck."

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--concurrency",
            type=valid_max_tasks,  # a whole number above zero
            default=None,
            help="tasks run side by side, each in its own thread with its own reader "
            "(default: HUB_WORKER_CONCURRENCY, the number of CPUs)",
        )

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
            concurrency = options.get("concurrency") or settings.HUB_WORKER_CONCURRENCY
            if concurrency > 1 and not (options.get("reload") and not options.get("batch")):
                self.run_side_by_side(concurrency, options)
            else:
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

    def run_side_by_side(self, count: int, options: dict) -> None:
        # As many warm readers as threads: none waits for another's file to be read.
        reader_pool(settings.HUB_EXTRACTION_MEMORY_MB, max(count, settings.HUB_EXTRACTION_READERS))
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        take_turns(connection.vendor == "sqlite")
        try:
            SideBySide(
                count,
                queue_names=queue_names,
                interval=options["interval"],
                batch=options["batch"],
                backend_name=options["backend_name"],
                startup_delay=options["startup_delay"],
                max_tasks=options["max_tasks"],
                worker_id=options["worker_id"],
                excluded_queue_names=excluded,
            ).run()
        finally:
            take_turns(False)
