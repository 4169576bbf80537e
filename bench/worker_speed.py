"""The `worker` step: the background worker (`manage.py db_worker --batch`) indexing every
resource from queued tasks: its wall time and its own peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time


def worker(config: dict) -> dict:
    """Queue index tasks for every resource (batches of 100) and let `manage.py db_worker
    --batch` process them: its wall time and peak memory."""
    from django_tasks_db.models import DBTaskResult

    from library.models import ResourcePage
    from search.tasks import sync_resources_task

    # Tasks queued while the database was seeded (publish signals) are not part of the batch.
    DBTaskResult.objects.all().delete()
    ids = list(ResourcePage.objects.live().order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), 100):
        sync_resources_task.enqueue(ids[first : first + 100])
    from django.db import connections

    connections.close_all()
    t0 = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    # wait4 gives the worker's own resource usage: its peak memory, not this process's.
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - t0
    stderr = process.stderr.read().decode(errors="replace")[-2000:] if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"db_worker failed: {stderr}")
    done = DBTaskResult.objects.filter(status="SUCCESSFUL").count()
    failed = DBTaskResult.objects.exclude(status="SUCCESSFUL").count()
    return {
        "resources": len(ids),
        "tasks": -(-len(ids) // 100),
        "tasks_successful": done,
        "tasks_not_successful": failed,
        "seconds": round(seconds, 2),
        "resources_per_second": round(len(ids) / seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
    }
