"""What one viewer may see of the Secretariat's record: every list, count, feed and export starts here.

Live pages only, narrowed by Wagtail page privacy through library.access.visible_pages, so a
meeting limited to the Executive Committee (and the decisions below it) never reaches anyone
else, not even as a number.
"""

from __future__ import annotations

from django.db.models import QuerySet

from library.access import visible_pages
from library.models import ResourcePage

from .models import DecisionPage, MeetingPage, WorkplanActivity, WorkplanPage


def visible_meetings(user) -> QuerySet[MeetingPage]:
    return visible_pages(MeetingPage.objects.live(), user)


def visible_decisions(user) -> QuerySet[DecisionPage]:
    return visible_pages(DecisionPage.objects.live(), user)


def visible_workplans(user) -> QuerySet[WorkplanPage]:
    return visible_pages(WorkplanPage.objects.live(), user)


def visible_activities(user) -> QuerySet[WorkplanActivity]:
    return WorkplanActivity.objects.filter(workplan__in=visible_workplans(user).values("pk"))


def visible_resources(user) -> QuerySet[ResourcePage]:
    return visible_pages(ResourcePage.objects.live(), user)
