"""Personal calendar links: random tokens that expire and that the member can revoke; a link
signed with the secret key (the old kind) no longer opens anyone's feed."""

from __future__ import annotations

import datetime
import re

from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from governance.feed_tokens import CalendarToken

pytestmark = pytest.mark.django_db


def _personal_link(client: Client) -> str:
    html = client.get("/meetings/").content.decode()
    match = re.search(r'href="[^"]*(/governance/meetings\.ics\?token=[^"]+)"', html)
    assert match, "no personal link on the meetings page"
    return match.group(1)


def _feed(path: str) -> tuple[int, str]:
    response = Client().get(path)  # a calendar app: no cookie
    return response.status_code, response.content.decode()


def test_the_personal_link_opens_the_member_s_feed_until_revoked(record, excom_member):
    browser = Client()
    browser.force_login(excom_member)
    link = _personal_link(browser)
    assert _personal_link(browser) == link  # the same link on every visit
    status, body = _feed(link)
    assert status == 200 and "next secret" in body

    response = browser.post(reverse("revoke_calendar_link"))
    assert response.status_code == 302
    status, body = _feed(link)
    assert status == 404 and "next secret" not in body and "not valid" in body
    new_link = _personal_link(browser)
    assert new_link != link
    assert "next secret" in _feed(new_link)[1]


def test_a_link_expires(record, excom_member, settings):
    settings.HUB_CALENDAR_TOKEN_DAYS = 365
    browser = Client()
    browser.force_login(excom_member)
    link = _personal_link(browser)
    CalendarToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    status, body = _feed(link)
    assert status == 404 and "next secret" not in body
    assert _personal_link(browser) != link  # a fresh one is offered


def test_a_link_dies_with_the_account(record, excom_member):
    browser = Client()
    browser.force_login(excom_member)
    link = _personal_link(browser)
    excom_member.is_active = False
    excom_member.save()
    assert _feed(link)[0] == 404


def test_a_token_signed_with_the_secret_key_opens_nothing(record, excom_member):
    # What anyone holding the (formerly fixed) secret key could forge for any member.
    forged = signing.dumps(excom_member.pk, salt="governance.meeting-calendar")
    status, body = _feed(f"{reverse('meeting_calendar')}?token={forged}")
    assert status == 404 and "next secret" not in body


def test_revoking_needs_a_signed_in_member_and_a_post(client, record):
    assert client.get(reverse("revoke_calendar_link")).status_code == 405
    assert client.post(reverse("revoke_calendar_link")).status_code == 302
