"""Keeping the index in step with the database: what to (re)index, and asking the worker to do it.

Deletions happen at once (a page that left must vanish from results now); everything else is a
task for the worker, queued after the transaction commits so the worker reads what was saved.
"""

from __future__ import annotations

import logging

from django.db import transaction

from wagtail.models import Page

from .backends import get_backend
from .contract import SearchUnavailable

# The work itself lives in search.syncing (the worker's task runs it); callers that keep the
# index in step find it here too.
from .syncing import learn_acronyms, sync_resources
from .tasks import sync_resources_task

__all__ = [
    "learn_acronyms",
    "queue_collection",
    "queue_document",
    "queue_resources",
    "queue_subtree",
    "remove_now",
    "sync_resources",
]

logger = logging.getLogger(__name__)


def queue_resources(resource_ids: list[int]) -> None:
    """Ask the worker to re-index these resources once the current transaction commits."""
    ids = sorted(set(resource_ids))
    if ids:
        transaction.on_commit(lambda: sync_resources_task.enqueue(ids))


def queue_document(document_id: int) -> None:
    """A document's text changed: re-index every live resource that attaches it."""
    from library.models import ResourceAttachment

    queue_resources(
        list(
            ResourceAttachment.objects.filter(document_id=document_id).values_list(
                "page_id", flat=True
            )
        )
    )


def queue_subtree(page: Page) -> None:
    """A page's privacy changed or it moved: every record below it has new access labels."""
    from .records import record_types

    ids: list[int] = []
    for record_type in record_types():
        below = record_type.model.objects.descendant_of(page, inclusive=True)
        ids += below.values_list("pk", flat=True)
        # Aliases elsewhere share their source's privacy.
        ids += record_type.model.objects.filter(alias_of__in=below).values_list("pk", flat=True)
    queue_resources(ids)


def queue_collection(collection_id: int) -> None:
    """A collection's privacy changed: the resources whose files sit in it (or below) re-index."""
    from wagtail.models import Collection

    from library.models import ResourceAttachment

    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return
    queue_resources(
        list(
            ResourceAttachment.objects.filter(
                document__collection__in=collection.get_descendants(inclusive=True)
            ).values_list("page_id", flat=True)
        )
    )


def remove_now(resource_ids: list[int]) -> None:
    """Remove at once; if the engine is away, leave the removal to the worker's retries."""
    try:
        get_backend().delete(resource_ids)
    except SearchUnavailable:
        logger.warning("Search engine unavailable; removal of %s queued", resource_ids)
        queue_resources(resource_ids)
