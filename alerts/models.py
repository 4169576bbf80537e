"""Saved searches, what was sent for them, and when each resource became visible to whom."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("As soon as something is new")
    DAILY = "daily", _("Once a day")
    WEEKLY = "weekly", _("Once a week")


# The languages a digest can be written in; anything else is sent in English.
DIGEST_LANGUAGES = (("en", _("English")), ("fr", _("French")))


class Alert(models.Model):
    """One saved search (query, filters, or a collection) and who gets its digest.

    A member's alert belongs to their account (their e-mail address and groups are read at send
    time); a visitor's has an e-mail address only, sees public material only, and is sent
    nothing until the address is confirmed.
    """

    name = models.CharField(_("name"), max_length=200)
    query = models.CharField(_("search words"), max_length=1000, blank=True)
    # Facet name -> values, as the search page reads them (objective, organisation, twg...).
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    collection = models.ForeignKey(
        "library.CollectionPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("collection"),
    )
    frequency = models.CharField(
        _("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.DAILY
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alerts",
        verbose_name=_("member"),
    )
    email = models.EmailField(_("e-mail address"), blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=DIGEST_LANGUAGES, default="en")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    paused = models.BooleanField(_("paused"), default=False)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # What the last digest covered: a resource is new when it became visible after this.
    covered_until = models.DateTimeField(_("covered until"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["frequency", "paused", "unsubscribed_at"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_visitor(self) -> bool:
        return self.user_id is None

    @property
    def address(self) -> str:
        """Where the digest goes: the member's e-mail address now, or the visitor's."""
        if self.user_id is not None:
            return (self.user.email or "").strip()
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and not self.paused and self.unsubscribed_at is None

    def subscriber_key(self) -> str:
        """One e-mail per subscriber per run: a member's account, or a visitor's address."""
        return f"user:{self.user_id}" if self.user_id else f"email:{self.email.lower()}"


class DeliveryStatus(models.TextChoices):
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Bounced")


class Delivery(models.Model):
    """One alert's digest for one period: claimed before anything is sent, so never sent twice.

    The (alert, period) pair is unique: a second worker trying the same digest finds the row
    and leaves it. A failed send keeps the row with its next attempt time; the alert's
    covered_until moves only when a digest was sent (or found nothing), so nothing is lost.
    """

    alert = models.ForeignKey(
        Alert, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("alert")
    )
    period = models.CharField(_("period"), max_length=32)
    status = models.CharField(
        _("status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.SENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    window_start = models.DateTimeField(_("new since"), null=True, blank=True)
    window_end = models.DateTimeField(_("new until"), null=True, blank=True)
    resource_ids = models.JSONField(_("resources"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "period"], name="alerts_one_delivery_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.alert} · {self.period} · {self.get_status_display()}"


class VisibilityEntry(models.Model):
    """Since when a live resource has been visible to holders of one access label.

    Refreshed from the database before each digest run: a label that appears (the page was
    published, or shared with a group) gets the time it was first seen; a label that goes
    (unpublished, restricted) is dropped, so sharing it again later counts as new again.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    label = models.CharField(max_length=64)
    since = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "label"], name="alerts_one_entry_per_label")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} · {self.label} · {self.since:%Y-%m-%d %H:%M}"
