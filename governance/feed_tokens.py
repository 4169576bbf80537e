"""Personal calendar feed links: random tokens that expire and can be revoked.

A calendar app sends no cookie, so a member's feed address carries a token naming them. It used to
be a signature of their id (forgeable by anyone holding the secret key, valid for ever); it is now
a random key kept in the database, valid for HUB_CALENDAR_TOKEN_DAYS, that the member can revoke
from the meetings page ("make a new link") and that dies with the account (inactive users get
nothing). The member's access is still read afresh on every fetch.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS = 365
# A link about to expire is replaced on the next visit to the meetings page, not handed out again.
RENEW_BEFORE = datetime.timedelta(days=30)


def token_days() -> int:
    return int(getattr(settings, "HUB_CALENDAR_TOKEN_DAYS", DEFAULT_DAYS))


class CalendarToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_tokens"
    )
    key = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed link")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


def _valid():
    return CalendarToken.objects.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


def current_key(user) -> str:
    """The member's feed token, made when they have none valid for a while yet."""
    token = (
        _valid()
        .filter(user=user, expires_at__gt=timezone.now() + RENEW_BEFORE)
        .order_by("-created_at")
        .first()
    )
    if token is None:
        token = CalendarToken.objects.create(
            user=user,
            key=secrets.token_urlsafe(32),
            expires_at=timezone.now() + datetime.timedelta(days=token_days()),
        )
    return token.key


def user_for(key: str):
    """The active member a valid token names, else None."""
    if not key or len(key) > 64:
        return None
    token = _valid().filter(key=key, user__is_active=True).select_related("user").first()
    return token.user if token is not None else None


def revoke(user) -> int:
    """Every link of this member stops working now; a new one is made on the next visit."""
    return _valid().filter(user=user).update(revoked_at=timezone.now())


def personal_calendar_url(request: HttpRequest) -> str:
    """A member's own feed address: calendar apps send no cookie, so the link carries a token
    naming the member (random, expiring, revocable; their access is read afresh on every
    fetch)."""
    token = current_key(request.user)
    return request.build_absolute_uri(f"{reverse('meeting_calendar')}?token={token}")
