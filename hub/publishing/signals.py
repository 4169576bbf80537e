"""Keeping groups, sections and workflows in step with TWGs, the library and the database."""

from __future__ import annotations

import logging

from django.db import DatabaseError
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver

from wagtail.signals import task_submitted

logger = logging.getLogger(__name__)


def connect() -> None:
    """Called from HubConfig.ready(): the models are loaded by then."""
    from foundation.organisations import WorkingGroup
    from library.models import LibraryIndexPage, ResourcePage

    post_save.connect(working_group_saved, sender=WorkingGroup, dispatch_uid="hub-twg-sync")
    post_delete.connect(working_group_deleted, sender=WorkingGroup, dispatch_uid="hub-twg-del")
    post_save.connect(library_saved, sender=LibraryIndexPage, dispatch_uid="hub-library-wf")
    pre_save.connect(credit_section_twg, sender=ResourcePage, dispatch_uid="hub-section-twg")
    task_submitted.connect(notify_fallback_reviewers, dispatch_uid="hub-fallback-reviewers")


def working_group_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    from ..workflow import sync_twg

    sync_twg(instance)


def working_group_deleted(sender, instance, **kwargs) -> None:
    from ..workflow import archive_twg_groups

    archive_twg_groups(instance)


def library_saved(sender, instance, created: bool = False, raw: bool = False, **kwargs) -> None:
    if raw or not created:
        return
    from foundation.organisations import WorkingGroup

    from ..workflow import ensure_network_workflow, sync_twg

    ensure_network_workflow(instance)
    for working_group in WorkingGroup.objects.all():
        sync_twg(working_group)


def credit_section_twg(sender, instance, raw: bool = False, **kwargs) -> None:
    """A paper drafted in a TWG's section is that TWG's, whatever the form said."""
    if raw or not instance.path or instance.depth is None or instance.depth < 4:
        return
    from .models import TwgSectionPage

    section = (
        TwgSectionPage.objects.filter(path=instance.path[: -TwgSectionPage.steplen])
        .values_list("working_group_id", flat=True)
        .first()
    )
    if section is not None:
        instance.working_group_id = section


def notify_fallback_reviewers(sender, instance=None, **kwargs) -> None:
    from ..workflow import fallback_reviewers_notifier

    fallback_reviewers_notifier(instance=instance, **kwargs)


@receiver(post_migrate)
def after_migrate(sender, app_config=None, **kwargs) -> None:
    if getattr(app_config, "name", None) != "hub":
        return
    from ..tasks import ensure_publishing_schedule
    from ..workflow import ensure_publishing

    try:
        ensure_publishing()
        # The worker's scheduled publishing: queued once here, then it re-queues itself.
        ensure_publishing_schedule()
    except DatabaseError as error:  # a partial migrate (to an older state): nothing to sync yet
        logger.warning("Publishing set-up skipped: %s", error)
