"""Digests through Django's mail outbox, on both search engines: what is new reaches whom."""

from __future__ import annotations

import datetime
import re

from django.core import mail

import pytest

from alerts import digest
from alerts.models import Alert, Delivery, DeliveryStatus, Frequency

from .conftest import later, member, member_alert, publish, unpublish, visitor_alert

pytestmark = pytest.mark.django_db


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def html_of(message) -> str:
    return next(body for body, kind in message.alternatives if kind == "text/html")


def test_a_new_public_resource_reaches_a_visitors_daily_digest(library, search_backend):
    alert = visitor_alert("reader@example.org", "fair recruitment")
    publish(library, "Fair recruitment of migrant workers", "Ethical recruitment in Rwanda.")
    publish(library, "Border management report", "Patrols and crossings.", objective=11)

    summary = digest.run(now=later())

    assert summary.sent == 1
    assert recipients() == ["reader@example.org"]
    message = mail.outbox[0]
    assert "1 new resource" in message.subject
    assert "Fair recruitment of migrant workers" in message.body
    assert "Border management" not in message.body
    body_html = html_of(message)
    assert re.search(r"<mark>[Rr]ecruitment</mark>", body_html)
    assert "*" in message.body  # the words found, marked in the text part too
    assert "Policy" in message.body or "Report" in message.body or "·" in message.body
    # One click out (RFC 8058), and the network's name.
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(
        r"<https?://[^>]+/alerts/leave/[^>]+/>", message.extra_headers["List-Unsubscribe"]
    )
    assert "UN Network on Migration" in message.body
    delivery = Delivery.objects.get(alert=alert)
    assert delivery.status == DeliveryStatus.SENT

    # Nothing new since: nothing is sent, and the same day is never sent twice.
    mail.outbox.clear()
    assert digest.run(now=later(2)).sent == 0
    assert digest.run(now=later(30)).sent == 0
    assert mail.outbox == []


def test_a_restricted_resource_reaches_only_its_group(library, search_backend, twg):
    insider = member("insider", twg)
    outsider = member("outsider")
    for user in (insider, outsider):
        member_alert(user, "remittances")
    visitor_alert("visitor@example.org", "remittances")
    publish(library, "Remittances corridor study", "Remittances to Rwanda.", group=twg)

    digest.run(now=later())

    assert recipients() == ["insider@example.org"]
    assert "Remittances corridor study" in mail.outbox[0].body


def test_a_resource_newly_shared_with_a_group_counts_as_new_for_it(library, search_backend, twg):
    from wagtail.models import PageViewRestriction

    from search.indexing import sync_resources

    insider = member("insider", twg)
    member_alert(insider, "remittances")
    page = publish(library, "Remittances draft note", "Remittances, for the Secretariat.")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    other = type(twg).objects.create(name="Secretariat editors only")
    restriction.groups.set([other])
    sync_resources([page.pk])
    digest.run(now=later(1))
    assert mail.outbox == []

    restriction.groups.set([other, twg])  # now shared with the insider's TWG
    sync_resources([page.pk])
    digest.run(now=later(30))
    assert recipients() == ["insider@example.org"]
    assert "Remittances draft note" in mail.outbox[0].body


def test_a_resource_unpublished_before_the_digest_is_never_mentioned(library, search_backend):
    visitor_alert("reader@example.org", "trafficking")
    kept = publish(library, "Trafficking in persons: referral guide")
    gone = publish(library, "Trafficking statistics draft")
    unpublish(gone)

    digest.run(now=later())

    assert len(mail.outbox) == 1
    assert kept.title in mail.outbox[0].body
    assert gone.title not in mail.outbox[0].body
    assert gone.title not in html_of(mail.outbox[0])


def test_only_an_unpublished_resource_means_no_email(library, search_backend):
    visitor_alert("reader@example.org", "trafficking")
    unpublish(publish(library, "Trafficking statistics draft"))
    summary = digest.run(now=later())
    assert mail.outbox == []
    assert summary.nothing_new == 1


def test_one_email_per_subscriber_grouped_per_alert(library, search_backend):
    visitor_alert("reader@example.org", "remittances", name="Money home")
    visitor_alert("reader@example.org", "trafficking", name="Trafficking")
    publish(library, "Remittances corridor study")
    publish(library, "Trafficking referral guide")
    digest.run(now=later())
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Alert: Money home" in body and "Alert: Trafficking" in body
    assert "2 new resources for your alerts" in mail.outbox[0].subject


def test_filter_only_and_collection_alerts(library):
    from library.collections import CollectionEntry, CollectionIndexPage, CollectionPage

    visitor_alert("objective@example.org", filters={"objective": ["6"]})
    six = publish(library, "Decent work guidance", objective=6)
    publish(library, "Border data", objective=11)
    index = library.get_parent().add_child(
        instance=CollectionIndexPage(title="Collections", slug="collections")
    )
    collection = CollectionPage(title="Labour pack", slug="labour-pack", introduction="Pack.")
    index.add_child(instance=collection)
    collection.save_revision().publish()
    visitor_alert("collection@example.org", collection=collection)
    CollectionEntry.objects.create(collection=collection, resource=six, sort_order=0)

    digest.run(now=later())

    assert recipients() == ["collection@example.org", "objective@example.org"]
    for message in mail.outbox:
        assert "Decent work guidance" in message.body
        assert "Border data" not in message.body


def test_immediate_and_weekly_frequencies(library, search_backend):
    now = later()
    long_ago = now - datetime.timedelta(days=10)
    weekly = visitor_alert(
        "weekly@example.org",
        "remittances",
        frequency=Frequency.WEEKLY,
        confirmed_at=long_ago,
        covered_until=long_ago,
    )
    soon = visitor_alert("soon@example.org", "remittances", frequency=Frequency.IMMEDIATELY)
    publish(library, "Remittances corridor study")
    digest.run(now=now)
    assert recipients() == ["soon@example.org", "weekly@example.org"]
    mail.outbox.clear()
    # A minute later something else: the immediate alert hears of it, the weekly one waits.
    publish(library, "Remittances price survey")
    digest.run(now=now + datetime.timedelta(minutes=1))
    assert recipients() == ["soon@example.org"]
    assert "price survey" in mail.outbox[0].body
    weekly.refresh_from_db()
    soon.refresh_from_db()
    assert weekly.covered_until == now


def test_nothing_is_sent_before_confirmation_or_while_paused(library, search_backend):
    visitor_alert("unconfirmed@example.org", "remittances", confirmed_at=None)
    visitor_alert("paused@example.org", "remittances", paused=True)
    publish(library, "Remittances corridor study")
    digest.run(now=later())
    assert mail.outbox == []


def test_a_member_who_left_the_group_no_longer_hears_of_its_papers(library, search_backend, twg):
    insider = member("insider", twg)
    member_alert(insider, "remittances")
    publish(library, "Remittances corridor study", group=twg)
    insider.groups.remove(twg)
    digest.run(now=later())
    assert mail.outbox == []


def test_french_subscriber_gets_french_email(library, search_backend):
    visitor_alert("lecteur@example.org", "remittances", language="fr")
    publish(library, "Remittances corridor study")
    digest.run(now=later())
    message = mail.outbox[0]
    assert "nouvelle ressource" in message.subject
    assert "Se désabonner" in message.body


def test_dry_run_sends_and_records_nothing(library, search_backend):
    from io import StringIO

    from django.core.management import call_command

    alert = visitor_alert("reader@example.org", "remittances")
    publish(library, "Remittances corridor study")
    output = StringIO()
    call_command("send_alerts", "--dry-run", stdout=output)
    assert "reader@example.org" in output.getvalue()
    assert mail.outbox == []
    assert not Delivery.objects.exists()
    alert.refresh_from_db()
    assert alert.covered_until < later(0)

    call_command("send_alerts", stdout=StringIO())
    assert recipients() == ["reader@example.org"]


def test_alerts_on_a_visitor_address_are_never_sent_to_a_member_address(library):
    # A member's digest goes to the account's address as it is now.
    user = member("changer")
    member_alert(user, filters={"objective": ["6"]})
    user.email = "new-address@example.org"
    user.save()
    publish(library, "Decent work guidance", objective=6)
    digest.run(now=later())
    assert recipients() == ["new-address@example.org"]
    assert Alert.objects.count() == 1


def test_a_long_digest_lists_the_first_resources_and_says_how_many_more(library, monkeypatch):
    monkeypatch.setattr(digest, "MAX_ITEMS_PER_ALERT", 2)
    visitor_alert("reader@example.org", filters={"objective": ["6"]})
    for n in range(4):
        publish(library, f"Decent work note {n}", objective=6)
    digest.run(now=later())
    body = mail.outbox[0].body
    assert body.count("* Decent work note") == 2
    assert "And 2 more new resources: see all results" in body
    assert "4 new resources" in mail.outbox[0].subject


def test_unconfirmed_visitor_addresses_are_forgotten_once_their_link_expired(library):
    stale = visitor_alert("stale@example.org", "remittances", confirmed_at=None)
    fresh = visitor_alert("fresh@example.org", "remittances", confirmed_at=None)
    Alert.objects.filter(pk=stale.pk).update(created_at=later(-49))
    digest.run(now=later(0))
    assert list(Alert.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_alerts_saving_the_same_search_ask_the_engine_once(library, search_backend, monkeypatch):
    calls = []
    real = type(search_backend).search

    def counted(self, request):
        calls.append(request.query.raw)
        return real(self, request)

    monkeypatch.setattr(type(search_backend), "search", counted)
    for n in range(3):
        visitor_alert(f"reader{n}@example.org", "remittances")
    publish(library, "Remittances corridor study")
    digest.run(now=later())
    assert len(mail.outbox) == 3
    assert len(calls) == 1
