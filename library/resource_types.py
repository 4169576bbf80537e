"""The kinds of resource the library holds (a resource page's type, a browse facet)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    POLICY_BRIEF = "policy-brief", _("Policy brief")
    POLICY_PAPER = "policy-paper", _("Policy paper")
    REPORT = "report", _("Report")
    STUDY = "study", _("Study or assessment")
    DATASET = "dataset", _("Dataset")
    GUIDANCE = "guidance", _("Guidance or toolkit")
    TRAINING = "training", _("Training material")
    MEETING_RECORD = "meeting-record", _("Meeting record")
    NEWS = "news", _("News or update")
    EXTERNAL_LINK = "external-link", _("External link")
