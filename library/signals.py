"""A new or replaced file is queued for reading once the upload is committed."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .documents import HubDocument


@receiver(post_save, sender=HubDocument)
def queue_reading(sender, instance: HubDocument, raw: bool = False, **kwargs) -> None:
    if raw or not instance.needs_extraction or getattr(instance, "read_inline", False):
        # read_inline: the caller (import_resources) reads it itself, in the same readers; the
        # worker reading it too would read the same file twice.
        return
    from .tasks import read_document_task

    document_id = instance.pk
    transaction.on_commit(lambda: read_document_task.enqueue(document_id))
