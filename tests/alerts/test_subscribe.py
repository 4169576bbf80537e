"""Saving alerts, double opt-in, managing them, and leaving in one click."""

from __future__ import annotations

import re

from django.core import mail
from django.core.cache import cache
from django.test import Client

import pytest

from alerts import digest
from alerts.models import Alert, Frequency
from alerts.tokens import confirm_token, leave_token

from .conftest import later, member, member_alert, publish, visitor_alert

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def subscribe(client: Client, email: str, **params) -> object:
    data = {
        "name": "Fair recruitment",
        "frequency": "daily",
        "email_language": "en",
        "email": email,
    }
    data.update(params)
    return client.post("/alerts/new/", data)


def link_in(body: str, kind: str) -> str:
    return re.search(rf"https?://[^\s]+(/alerts/{kind}/[^\s/]+/)", body).group(1)


def test_double_opt_in_sends_nothing_before_confirmation(library):
    client = Client()
    page = client.get("/alerts/new/?q=fair+recruitment&objective=6")
    assert page.status_code == 200
    assert "public material only" in page.content.decode()

    response = subscribe(client, "Reader@Example.org", q="fair recruitment", objective="6")
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    alert = Alert.objects.get()
    assert alert.email == "reader@example.org"
    assert alert.user is None and alert.confirmed_at is None
    assert alert.query == "fair recruitment" and alert.filters == {"objective": ["6"]}
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["reader@example.org"]
    assert "text/html" in [kind for _body, kind in confirmation.alternatives]

    # Nothing is sent before the address is confirmed.
    mail.outbox.clear()
    publish(library, "Fair recruitment of migrant workers")
    digest.run(now=later())
    assert mail.outbox == []

    url = link_in(confirmation.body, "confirm")
    shown = client.get(url)
    assert shown.status_code == 200 and "Confirm my alert" in shown.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is None  # a link scanner opening it confirms nothing
    done = client.post(url)
    assert "Confirmed" in done.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is not None
    assert client.post(url).status_code == 200  # twice is harmless
    from django.contrib.auth.models import User

    assert not User.objects.exists()  # no account created


def test_confirmation_links_that_are_altered_or_expired_get_a_clear_page(library, settings):
    alert = visitor_alert("reader@example.org", "remittances", confirmed_at=None)
    client = Client()
    broken = client.get("/alerts/confirm/not-a-token/")
    assert broken.status_code == 400
    assert "not valid" in broken.content.decode()
    token = confirm_token(alert.pk)
    settings.HUB_ALERTS_CONFIRM_HOURS = -1  # every link is now too old
    expired = client.post(f"/alerts/confirm/{token}/")
    assert expired.status_code == 410
    assert "expired" in expired.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is None


def test_malformed_addresses_get_a_clear_message(library):
    response = subscribe(Client(), "not an address", q="remittances")
    assert response.status_code == 400
    assert "is not an e-mail address" in response.content.decode()
    assert not Alert.objects.exists() and mail.outbox == []


def test_bad_saved_searches_are_refused_clearly(library):
    client = Client()
    assert client.get("/alerts/new/?q=" + "x" * 2000).status_code in (200, 400)
    nul = client.get("/alerts/new/?q=a%00b")
    assert nul.status_code == 400
    assert client.get("/alerts/new/?collection=999999").status_code == 400
    unknown = client.get("/alerts/new/?objective=99")
    assert unknown.status_code == 200 and "There is no GCM objective" in unknown.content.decode()


def test_a_burst_of_subscriptions_is_throttled(library, settings):
    settings.HUB_ALERTS_SUBSCRIBE_PER_HOUR = 3
    client = Client()
    codes = [subscribe(client, f"r{n}@example.org", q="remittances").status_code for n in range(5)]
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]
    assert Alert.objects.count() == 3


def test_alerts_per_address_and_per_member_are_capped(library, settings):
    settings.HUB_ALERTS_MAX_PER_ADDRESS = 2
    settings.HUB_ALERTS_SUBSCRIBE_PER_HOUR = 100
    client = Client()
    for word in ("remittances", "trafficking"):
        assert subscribe(client, "reader@example.org", q=word).status_code == 200
    refused = subscribe(client, "reader@example.org", q="returns")
    assert refused.status_code == 429
    assert "the most one address may keep" in refused.content.decode()

    settings.HUB_ALERTS_MAX_PER_MEMBER = 1
    user = member("focal")
    client.force_login(user)
    data = {"name": "A", "frequency": "weekly", "email_language": "fr", "q": "remittances"}
    assert client.post("/alerts/new/", data).status_code == 302
    over = client.post("/alerts/new/", data)
    assert over.status_code == 429
    assert Alert.objects.filter(user=user).count() == 1


def test_members_save_and_manage_their_alerts(library):
    user = member("focal")
    client = Client()
    client.force_login(user)
    form = client.get("/alerts/new/?organisation=nope&objective=6")
    assert "email" not in re.findall(r'name="(\w+)"', form.content.decode())
    response = client.post(
        "/alerts/new/",
        {
            "name": "Objective 6",
            "frequency": "immediately",
            "email_language": "en",
            "objective": "6",
        },
    )
    assert response.status_code == 302
    alert = Alert.objects.get(user=user)
    assert alert.confirmed_at is not None and alert.filters == {"objective": ["6"]}

    page = client.get("/alerts/").content.decode()
    assert "Objective 6" in page
    prefix = f"a{alert.pk}"
    client.post(
        f"/alerts/{alert.pk}/edit/",
        {
            f"{prefix}-name": "Decent work",
            f"{prefix}-frequency": "weekly",
            f"{prefix}-email_language": "fr",
        },
    )
    alert.refresh_from_db()
    assert (alert.name, alert.frequency, alert.language) == ("Decent work", "weekly", "fr")
    bad = client.post(
        f"/alerts/{alert.pk}/edit/", {f"{prefix}-name": "", f"{prefix}-frequency": "x"}
    )
    assert bad.status_code == 302
    alert.refresh_from_db()
    assert alert.name == "Decent work"

    client.post(f"/alerts/{alert.pk}/pause/")
    alert.refresh_from_db()
    assert alert.paused
    client.post(f"/alerts/{alert.pk}/pause/")
    alert.refresh_from_db()
    assert not alert.paused

    # Someone else's alert is out of reach.
    other = member_alert(member("other"), "remittances")
    assert client.post(f"/alerts/{other.pk}/delete/").status_code == 404
    client.post(f"/alerts/{alert.pk}/delete/")
    assert not Alert.objects.filter(pk=alert.pk).exists()
    assert Client().get("/alerts/").status_code == 302  # visitors are sent to sign in


def test_get_alerts_links_on_search_objective_organisation_twg_and_collection_pages(
    library, search_backend
):
    from hub.organisations import Organisation, WorkingGroup

    publish(library, "Remittances corridor study")
    client = Client()
    search = client.get("/search/?q=remittances&objective=6&utm=x").content.decode()
    form = re.search(
        r'<form class="get-alerts" action="/alerts/new/" method="get">(.*?)</form>', search
    )
    fields = re.findall(r'name="(\w+)" value="([^"]*)"', form.group(1))
    assert ("q", "remittances") in fields and ("objective", "6") in fields
    assert "utm" not in form.group(1)
    objective = client.get("/objectives/6/", follow=True).content.decode()
    assert "/alerts/new/?objective=6" in objective
    organisation = Organisation.objects.create(name="Test Agency", slug="test-agency")
    assert (
        "/alerts/new/?organisation=test-agency"
        in client.get(f"/organisations/{organisation.slug}/").content.decode()
    )
    group = WorkingGroup.objects.create(name="Labour migration", slug="labour-migration")
    assert (
        "/alerts/new/?twg=labour-migration"
        in client.get(f"/working-groups/{group.slug}/").content.decode()
    )


def test_one_click_unsubscribe_without_csrf(library, search_backend):
    alert = visitor_alert("reader@example.org", "remittances", frequency=Frequency.DAILY)
    publish(library, "Remittances corridor study")
    digest.run(now=later())
    message = mail.outbox[0]
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = re.sub(r"^https?://[^/]+", "", url)
    assert link_in(message.body, "leave") == path

    client = Client(enforce_csrf_checks=True)
    shown = client.get(path)
    assert shown.status_code == 200 and "Unsubscribe" in shown.content.decode()
    alert.refresh_from_db()
    assert alert.unsubscribed_at is None  # opening the link changes nothing
    # RFC 8058: the mail client POSTs this body, with no cookie and no CSRF token.
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    alert.refresh_from_db()
    assert alert.unsubscribed_at is not None

    again = client.post(path)
    assert "already unsubscribed" in again.content.decode()
    mail.outbox.clear()
    publish(library, "Remittances price survey")
    digest.run(now=later(30))
    assert mail.outbox == []


def test_unsubscribe_links_that_are_altered_or_old_get_a_clear_page(library):
    client = Client()
    broken = client.post("/alerts/leave/garbage/")
    assert broken.status_code == 400 and "not valid" in broken.content.decode()
    alert = visitor_alert("reader@example.org", "remittances")
    token = leave_token([alert.pk])
    alert.delete()
    gone = client.get(f"/alerts/leave/{token}/")
    assert gone.status_code == 200 and "already unsubscribed" in gone.content.decode()
