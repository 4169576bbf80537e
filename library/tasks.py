"""The library's background work: reading documents, never inside a web request."""

from __future__ import annotations

from django_tasks import task

from search.indexing import queue_document

from .reading import read_document


@task()
def read_document_task(document_id: int, force: bool = False) -> None:
    document = read_document(document_id, force=force)
    if document is not None:
        queue_document(document.pk)
