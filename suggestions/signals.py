"""Once the worker has stored a document's text, the hub reads it with the editor.

Hooked on the document's own save rather than inside the extraction code, so the reading
follows whatever path stores the text: the document is read again whenever the hash of the
file whose text is stored differs from the one its reading was made from.

The reading waits HUB_SUGGESTIONS_READ_DELAY_SECONDS and is done in batches
(``read_waiting_documents_task`` reads every document waiting): ranking and fingerprinting
cost more than reading most files, and must not slow the worker's reading of an upload of
hundreds. A process queues one batch per delay, not one task per document.
"""

from __future__ import annotations

import threading
import time

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from library.documents import ExtractionStatus, HubDocument, text_stored
from library.pages import ResourcePage

from .models import DocumentReading


@receiver(text_stored, sender=HubDocument)
def read_new_text(sender, document: HubDocument, **kwargs) -> None:
    """The worker stored a file's text (with an update, which post_save does not see).

    No look at the document's reading here: the batch reads only the documents whose reading
    is missing or older than their text, and the worker is spared a query a file."""
    if document.extracted_hash and document.extraction_status != ExtractionStatus.PENDING:
        transaction.on_commit(queue_reading)


@receiver(post_save, sender=HubDocument)
def read_stored_text(sender, instance: HubDocument, raw: bool = False, **kwargs) -> None:
    if raw or not instance.extracted_hash or instance.extraction_status == ExtractionStatus.PENDING:
        return
    known = (
        DocumentReading.objects.filter(document_id=instance.pk)
        .values_list("read_hash", flat=True)
        .first()
    )
    if known == instance.extracted_hash:
        return
    transaction.on_commit(queue_reading)


_queued = threading.Lock()
#: When the batch this process queued last will run (time.monotonic()), if still ahead.
_batch_runs_at = 0.0
#: A batch due sooner than this is not counted on: the text may commit after it has looked.
_MARGIN_SECONDS = 1.0


def queue_reading() -> None:
    """Have the waiting documents read after the delay, unless a batch already will be."""
    global _batch_runs_at
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from .tasks import read_waiting_documents_task

    delay = float(settings.HUB_SUGGESTIONS_READ_DELAY_SECONDS)
    task = read_waiting_documents_task
    if delay <= 0 or not task.get_backend().supports_defer:
        task.enqueue()
        return
    with _queued:
        now = time.monotonic()
        if _batch_runs_at - now > _MARGIN_SECONDS:
            return  # the batch queued earlier runs after this text is committed: it reads it
        task.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue()
        _batch_runs_at = now + delay


@receiver(page_published, sender=ResourcePage)
def learn_from_tags(sender, instance: ResourcePage, **kwargs) -> None:
    """A resource published with its objectives teaches the library's model (in the worker).

    The retraining waits a little: an import publishing hundreds of resources queues as many
    requests, and the first to run, after the last publication, serves them all.
    """
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from .tasks import retrain_library_model_task

    now = timezone.now()
    requested = now.isoformat()

    def enqueue() -> None:
        task = retrain_library_model_task
        if task.get_backend().supports_defer:
            delay = timedelta(seconds=settings.HUB_SUGGESTIONS_RETRAIN_DELAY_SECONDS)
            task = task.using(run_after=now + delay)
        task.enqueue(requested)

    transaction.on_commit(enqueue)
