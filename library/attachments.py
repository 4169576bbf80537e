"""The files attached to a resource, each with the label readers see."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey


class ResourceAttachment(Orderable):
    """A file attached to a resource, with the label readers see (e.g. "Full report (French)")."""

    page = ParentalKey("library.ResourcePage", on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "library.HubDocument", on_delete=models.CASCADE, related_name="attachments"
    )
    label = models.CharField(_("label"), max_length=255, blank=True)
    language = models.ForeignKey(
        "library.Language", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("document"), FieldPanel("label"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached document")

    @property
    def display_label(self) -> str:
        return self.label or self.document.title
