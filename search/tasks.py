"""Background tasks that keep the index in step; each is idempotent and safe to repeat."""

from __future__ import annotations

from django_tasks import task

from .indexing import sync_resources


@task()
def sync_resources_task(resource_ids: list[int]) -> None:
    # Reads the pages afresh: a page deleted or unpublished meanwhile is simply removed.
    sync_resources(resource_ids)
