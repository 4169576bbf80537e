"""Signal handlers: publish, unpublish, delete, move and privacy changes reach the index."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from library.documents import HubDocument, document_read

from . import indexing


@receiver(page_published)
def on_publish(sender, instance, **kwargs) -> None:
    indexing.queue_resources([instance.pk])


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs) -> None:
    indexing.remove_now([instance.pk])


@receiver(post_page_move)
def on_move(sender, instance, **kwargs) -> None:
    indexing.queue_subtree(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_change(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone when the restriction goes with its page
        indexing.queue_subtree(page)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def on_privacy_groups_change(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        on_privacy_change(sender, instance)


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def on_collection_privacy_change(sender, instance, **kwargs) -> None:
    indexing.queue_collection(instance.collection_id)


@receiver(m2m_changed, sender=CollectionViewRestriction.groups.through)
def on_collection_groups_change(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, CollectionViewRestriction):
        indexing.queue_collection(instance.collection_id)


def on_publisher_changed(sender, instance, **kwargs) -> None:
    """An organisation or TWG renamed: the resources that credit it carry its name in the index."""
    indexing.queue_resources(list(instance.resources.values_list("pk", flat=True)))


# Lazy model references: the index follows hub's publishers without importing hub.
post_save.connect(on_publisher_changed, sender="hub.Organisation", dispatch_uid="hub-search-org")
post_save.connect(on_publisher_changed, sender="hub.WorkingGroup", dispatch_uid="hub-search-twg")
# A taxonomy term renamed: the resources tagged with it carry its words in the index.
for _model in ("GcmObjective", "GuidingPrinciple", "Place", "Language"):
    post_save.connect(
        on_publisher_changed, sender=f"library.{_model}", dispatch_uid=f"hub-search-{_model}"
    )


@receiver(post_delete)
def on_page_deleted(sender, instance, **kwargs) -> None:
    """Any page of a type the index holds (resources, meetings...) leaves the index at once."""
    from .records import record_types

    if isinstance(instance, Page) and any(sender is t.model for t in record_types()):
        indexing.remove_now([instance.pk])


def on_document_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """A file moved to another collection (maybe a private one): its resources re-index. A file
    whose text is still to be read is re-indexed by the reading task instead."""
    if not raw and not instance.needs_extraction:
        indexing.queue_document(instance.pk)


post_save.connect(on_document_saved, sender="library.HubDocument", dispatch_uid="hub-search-doc")


@receiver(document_read, sender=HubDocument)
def on_document_read(sender, document: HubDocument, **kwargs) -> None:
    """The worker read a file: the resources attaching it show its new text or status."""
    indexing.queue_document(document.pk)
