"""The library's background work: reading documents, never inside a web request."""

from __future__ import annotations

from django.db import DatabaseError

from django_tasks import task

from foundation.retries import max_attempts, retry_later

from .documents import HubDocument, document_read
from .reading import read_document


@task()
def read_document_task(document_id: int, force: bool = False, attempt: int = 1) -> None:
    # A document deleted meanwhile reads as None: nothing to do. Extraction itself never raises
    # (a bad file ends with a status); what can pass is storage or the database being away, a
    # full disk, a missing temporary folder or a reader the system killed (ReadLater).
    try:
        # A queue that cannot run a task later stores the failure at once.
        last = attempt >= max_attempts() or not read_document_task.get_backend().supports_defer
        document = read_document(document_id, force=force, last_attempt=last)
    except (OSError, DatabaseError) as error:
        retry_later(read_document_task, document_id, force=force, attempt=attempt, error=error)
        return
    if document is not None:
        document_read.send(sender=HubDocument, document=document)
