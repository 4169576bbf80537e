"""The Secretariat record's fixed vocabulary: kinds of meeting, where a decision or a workplan
activity stands, and what "today" means. Models, forms and reports all read it."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def today() -> datetime.date:
    """Today in the hub's time zone (Kigali), which is what "overdue" and "upcoming" mean."""
    return timezone.localdate()


class MeetingType(models.TextChoices):
    QUARTERLY = "quarterly", _("Network quarterly meeting")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")
    EXECUTIVE_COMMITTEE = "executive-committee", _("Executive Committee meeting")
    TWG = "twg", _("TWG meeting")


class DecisionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in-progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


# A decision still waiting for action: only these can be overdue.
PENDING_STATUSES = (DecisionStatus.OPEN, DecisionStatus.IN_PROGRESS)


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in-progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")
