"""Signal handlers: publish, unpublish, delete, move and privacy changes reach the index."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

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


def on_publisher_changed(sender, instance, **kwargs) -> None:
    """An organisation or TWG renamed: the resources that credit it carry its name in the index."""
    indexing.queue_resources(list(instance.resources.values_list("pk", flat=True)))


# Lazy model references: the index follows hub's publishers without importing hub.
post_save.connect(on_publisher_changed, sender="hub.Organisation", dispatch_uid="hub-search-org")
post_save.connect(on_publisher_changed, sender="hub.WorkingGroup", dispatch_uid="hub-search-twg")


def on_resource_deleted(sender, instance, **kwargs) -> None:
    indexing.remove_now([instance.pk])


def _connect_deletes() -> None:
    from library.models import ResourcePage

    post_delete.connect(on_resource_deleted, sender=ResourcePage, dispatch_uid="hub-search-delete")


_connect_deletes()
