"""Background tasks that keep the index in step; each is idempotent and safe to repeat.

When the search engine is away the task queues itself again with a growing delay
(foundation.retries.retry_later): editors' publishing never waits on the engine, and nothing is lost.
"""

from __future__ import annotations

from django_tasks import task

from foundation.retries import retry_later

from .contract import SearchUnavailable
from .syncing import sync_resources


@task()
def sync_resources_task(resource_ids: list[int], attempt: int = 1) -> None:
    # Reads the pages afresh: a page deleted or unpublished meanwhile is simply removed, so a
    # retry hours later still writes what the database says then.
    try:
        sync_resources(resource_ids)
    except SearchUnavailable as error:
        retry_later(sync_resources_task, resource_ids, attempt=attempt, error=error)
