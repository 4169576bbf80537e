"""Signed links in e-mails: confirming a visitor's address (expires) and leaving (does not).

Both are signed with the secret key, so nobody can confirm or cancel another person's alert by
guessing ids; an unsubscribe link keeps working as long as the alert exists, as RFC 8058 expects.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "alerts.confirm"
LEAVE_SALT = "alerts.unsubscribe"


class BadLink(Exception):
    """A link that was altered, cut, or is too old; `expired` tells which, for the message."""

    def __init__(self, expired: bool = False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def confirm_token(alert_id: int) -> str:
    return signing.dumps({"a": alert_id}, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> int:
    max_age = settings.HUB_ALERTS_CONFIRM_HOURS * 3600
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadLink(expired=True) from error
    except signing.BadSignature as error:
        raise BadLink() from error
    if not isinstance(data, dict) or not isinstance(data.get("a"), int):
        raise BadLink()
    return data["a"]


def leave_token(alert_ids: list[int]) -> str:
    """One link for the alerts of one e-mail (a digest may hold several of them)."""
    return signing.dumps({"l": sorted(alert_ids)}, salt=LEAVE_SALT, compress=True)


def read_leave_token(token: str) -> list[int]:
    try:
        data = signing.loads(token, salt=LEAVE_SALT)
    except signing.BadSignature as error:
        raise BadLink() from error
    ids = data.get("l") if isinstance(data, dict) else None
    if not isinstance(ids, list) or not ids or not all(isinstance(i, int) for i in ids):
        raise BadLink()
    return ids
