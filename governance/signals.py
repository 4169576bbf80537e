"""Keeping meetings' and decisions' search records in step with what they show.

search.signals indexes any registered page on publish; these cover what it cannot know: a
meeting's record holds its minutes' text and its decisions' titles.
"""

from __future__ import annotations

from django.db.models.signals import post_save

from wagtail.signals import page_published, page_unpublished

from search.indexing import queue_resources


def on_minutes_read(sender, instance, raw: bool = False, **kwargs) -> None:
    """Minutes whose text was (re)read: the meetings that hold them re-index."""
    from .models import MeetingPage

    if raw or instance.needs_extraction:
        return
    queue_resources(list(MeetingPage.objects.filter(minutes=instance).values_list("pk", flat=True)))


def on_decision_changed(sender, instance, **kwargs) -> None:
    """A decision published or withdrawn changes its meeting's record (titles, objectives)."""
    parent = instance.get_parent()
    if parent is not None:
        queue_resources([parent.pk])


def connect() -> None:
    from .models import DecisionPage

    post_save.connect(
        on_minutes_read, sender="library.HubDocument", dispatch_uid="governance-minutes"
    )
    page_published.connect(
        on_decision_changed, sender=DecisionPage, dispatch_uid="governance-decision-pub"
    )
    page_unpublished.connect(
        on_decision_changed, sender=DecisionPage, dispatch_uid="governance-decision-unpub"
    )
