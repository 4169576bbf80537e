"""Tombstones for harvesters: when a resource the public could see is unpublished, deleted or
put behind a restriction, remember it (opendata.models.WithdrawnResource)."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished

from library.access import PUBLIC, labels_for_restrictions, page_restrictions
from library.pages import ResourcePage

from .models import WithdrawnResource


def resource_sets(page: ResourcePage) -> list[str]:
    """The OAI setSpecs of a resource: its GCM objectives and its type."""
    objectives = [f"objective:{n}" for n in page.objectives.values_list("number", flat=True)]
    return [*objectives, f"type:{page.resource_type}"]


def withdraw(page: ResourcePage) -> None:
    WithdrawnResource.objects.update_or_create(
        resource_id=page.pk,
        defaults={"withdrawn_at": timezone.now(), "sets": resource_sets(page)},
    )


def _was_public(page: ResourcePage, ignoring: PageViewRestriction | None = None) -> bool:
    restrictions = [r for r in page_restrictions(page) if ignoring is None or r.pk != ignoring.pk]
    return PUBLIC in labels_for_restrictions(restrictions)


@receiver(page_unpublished, sender=ResourcePage)
def _unpublished(sender, instance: ResourcePage, **kwargs) -> None:
    if _was_public(instance):
        withdraw(instance)


@receiver(pre_delete, sender=ResourcePage)
def _deleted(sender, instance: ResourcePage, **kwargs) -> None:
    if instance.live and _was_public(instance):
        withdraw(instance)


@receiver(post_save, sender=PageViewRestriction)
def _restricted(sender, instance: PageViewRestriction, created: bool, **kwargs) -> None:
    if not created:
        return
    resources = ResourcePage.objects.live().descendant_of(instance.page, inclusive=True)
    for page in resources:
        if _was_public(page, ignoring=instance):
            withdraw(page)
