"""Background work of the suggestions: reading a stored document, retraining the model."""

from __future__ import annotations

from datetime import datetime

from django.db import DatabaseError

from django_tasks import task

from foundation.retries import retry_later
from library.documents import HubDocument


@task()
def read_with_editor_task(document_id: int, attempt: int = 1) -> None:
    """One document at once: what the signal queued before readings were batched, kept so that
    such tasks still in a queue run."""
    from .reader import read_with_editor

    document = HubDocument.objects.filter(pk=document_id).first()
    if document is None:  # deleted meanwhile
        return
    try:
        read_with_editor(document)
    except DatabaseError as error:
        retry_later(read_with_editor_task, document_id, attempt=attempt, error=error)


@task()
def read_waiting_documents_task(attempt: int = 1) -> None:
    """Read every document whose stored text the hub has not read yet, oldest first.

    Queued, deferred, each time a text is stored (suggestions.signals): the first task to run
    reads the whole burst, the others find nothing left. The worker's reading of files never
    waits on this (an upload of hundreds of files is read at the readers' speed).
    """
    from .reader import read_with_editor, waiting_documents

    try:
        for document in waiting_documents():
            read_with_editor(document)
    except DatabaseError as error:
        retry_later(read_waiting_documents_task, attempt=attempt, error=error)


@task()
def retrain_library_model_task(requested_at: str) -> None:
    """Retrain unless a model newer than the request exists (many publications, one retrain).

    Deferred by the signal; the request time is that of the publication, so the first task to
    run, once the last publication is older than the delay, trains, and the others skip.
    """
    from .models import LibraryModel
    from .training import retrain

    if LibraryModel.objects.filter(trained_at__gte=datetime.fromisoformat(requested_at)).exists():
        return
    retrain()
