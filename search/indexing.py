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

logger = logging.getLogger(__name__)


def sync_resources(resource_ids: list[int]) -> None:
    """Make the index say what the database says about these pages: index, refresh or remove."""
    from .records import build_record, is_indexable, load_pages

    records = [build_record(page) for page in load_pages(resource_ids) if is_indexable(page)]
    kept = {record.resource_id for record in records}
    gone = [rid for rid in resource_ids if rid not in kept]
    backend = get_backend()
    if records:
        backend.index(records)
        learn_acronyms(records)
    if gone:
        backend.delete(gone)


def learn_acronyms(records: list) -> None:
    """Learn the acronyms public resources spell out (search.acronyms); restricted text never
    shapes what the public's searches find."""
    from .acronyms import learn
    from .contract import PUBLIC

    texts = [
        "\n".join(
            [
                record.title,
                record.summary,
                record.body,
                *(
                    page.text
                    for document in record.documents
                    if not record.stricter(document)
                    for page in document.pages
                ),
            ]
        )
        for record in records
        if PUBLIC in record.access
    ]
    if texts:
        learn(texts)


def queue_resources(resource_ids: list[int]) -> None:
    """Ask the worker to re-index these resources once the current transaction commits."""
    from .tasks import sync_resources_task

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
