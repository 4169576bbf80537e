"""Anonymous search analytics: what was searched, how much was found, which rank was clicked.

Nothing here identifies a reader: no user, session, IP address or user agent is stored.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 1000


def normalise_query(text: str) -> str:
    """Lower-cased, whitespace collapsed, cut to MAX_QUERY_LENGTH characters."""
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH]


class SearchEvent(models.Model):
    """One results page shown for a non-empty query."""

    query = models.CharField(_("query"), max_length=MAX_QUERY_LENGTH)
    # The facet filters chosen, {facet: [values]}: bounded by the search form's validation.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    total = models.PositiveIntegerField(_("results"))
    page = models.PositiveIntegerField(_("page"), default=1)
    page_size = models.PositiveSmallIntegerField(_("page size"), default=10)
    created_at = models.DateTimeField(_("searched at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("search event")
        verbose_name_plural = _("search events")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.query


class SearchClick(models.Model):
    """A reader followed a result; `position` is the 1-based rank over all result pages."""

    event = models.ForeignKey(SearchEvent, on_delete=models.CASCADE, related_name="clicks")
    # Not a foreign key: deleting a resource must never break or erase analytics.
    resource_id = models.PositiveIntegerField(_("resource id"))
    position = models.PositiveIntegerField(_("position"))
    created_at = models.DateTimeField(_("clicked at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("search click")
        verbose_name_plural = _("search clicks")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event_id} #{self.position} -> {self.resource_id}"
