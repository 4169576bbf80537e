"""One digest run: which alerts are due, what is new for each, one e-mail per subscriber.

For each subscriber (a member's account, or a visitor's address) the run reads their access
labels now (a member who left a TWG no longer hears of its papers), asks the ledger what became
visible to those labels since each alert's last digest, lets each alert's saved search pick from
it, checks the database once more (live pages the subscriber may see), and sends one e-mail
grouped per alert, or nothing when nothing is new.

Never twice: before sending, each alert's delivery row for the period is claimed in a
transaction, on the alert's row locked and its `covered_until` unchanged, with no other delivery
of it in flight; the (alert, period) pair is unique as well. A second worker finds the claim
and moves on. Never lost: `covered_until` moves only when the digest went out (or nothing was
new), so after a failed send the next run covers the same resources and more.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from library.access import PUBLIC, viewer_labels, visible_pages
from library.pages import ResourcePage

from . import ledger
from .mail import Section, build_digest
from .matching import find_new, record_dates
from .models import Alert, Delivery, DeliveryStatus, Frequency

logger = logging.getLogger(__name__)

# A claim older than this was left by a worker that stopped mid-send: it may be tried again.
STALLED = datetime.timedelta(minutes=30)
# A digest lists at most this many resources per alert, then says how many more there are.
MAX_ITEMS_PER_ALERT = 25
# A refused address is not tried again for this long.
BOUNCE_PAUSE = datetime.timedelta(days=1)


@dataclass
class RunSummary:
    due: int = 0
    sent: int = 0  # e-mails
    alerts_sent: int = 0
    nothing_new: int = 0
    failed: int = 0
    bounced: int = 0
    skipped: int = 0  # claimed by another worker, or waiting for a retry
    would_send: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)


def slot(frequency: str, now: datetime.datetime) -> tuple[str, datetime.datetime | None]:
    """The period a digest belongs to and when it opened (None: any time is its time)."""
    if frequency == Frequency.IMMEDIATELY:
        return now.strftime("i%Y-%m-%dT%H:%M"), None
    local = timezone.localtime(now)
    opened = local.replace(hour=settings.HUB_ALERTS_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if opened > local:
        opened -= datetime.timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        opened -= datetime.timedelta(days=opened.weekday())  # Mondays
        year, week, _day = opened.isocalendar()
        return f"w{year}-W{week:02d}", opened
    return f"d{opened.date().isoformat()}", opened


def active_alerts():
    return Alert.objects.filter(
        confirmed_at__isnull=False, paused=False, unsubscribed_at__isnull=True
    ).select_related("user")


def due_alerts(now: datetime.datetime) -> list[tuple[Alert, str]]:
    """Active alerts whose period has opened since their last digest and that are not waiting."""
    latest_id = Delivery.objects.filter(alert=OuterRef("pk")).order_by("-created_at", "-pk")
    alerts = list(active_alerts().annotate(latest_delivery=Subquery(latest_id.values("pk")[:1])))
    waiting = Delivery.objects.filter(
        pk__in=[a.latest_delivery for a in alerts if a.latest_delivery],
        status__in=[DeliveryStatus.SENDING, DeliveryStatus.FAILED, DeliveryStatus.BOUNCED],
    ).in_bulk()
    due = []
    for alert in alerts:
        period, opened = slot(alert.frequency, now)
        if opened is not None and alert.covered_until and alert.covered_until >= opened:
            continue
        latest = waiting.get(alert.latest_delivery)
        if latest is not None and not _may_try(latest, now):
            continue
        due.append((alert, period))
    return due


def _may_try(delivery: Delivery, now: datetime.datetime) -> bool:
    # Claims and bounces are dated by the wall clock (updated_at), retries by the run's clock.
    wall = timezone.now()
    if delivery.status == DeliveryStatus.SENDING:
        return delivery.updated_at < wall - STALLED
    if delivery.status == DeliveryStatus.BOUNCED:
        return delivery.updated_at < wall - BOUNCE_PAUSE
    if delivery.attempts >= settings.HUB_ALERTS_MAX_ATTEMPTS:
        return True  # given up on that one: a new period starts afresh (nothing was lost)
    return delivery.next_attempt_at is None or delivery.next_attempt_at <= now


def subscriber_labels(alert: Alert) -> tuple[str, ...]:
    """Visitors see public material only; a member holds their groups' labels as of now."""
    if alert.user_id is None:
        return (PUBLIC,)
    return viewer_labels(alert.user)


def run(now: datetime.datetime | None = None, dry_run: bool = False) -> RunSummary:
    """Send every due digest once. A dry run does the same work, sends and records nothing."""
    now = now or timezone.now()
    summary = RunSummary()
    if dry_run:
        with transaction.atomic():
            _run(now, summary, dry_run=True)
            transaction.set_rollback(True)
        return summary
    _run(now, summary, dry_run=False)
    return summary


def forget_unconfirmed(now: datetime.datetime) -> int:
    """Visitors' alerts never confirmed while their link worked: nothing was ever sent to the
    address, and it is not kept."""
    too_old = now - datetime.timedelta(hours=settings.HUB_ALERTS_CONFIRM_HOURS)
    deleted, _ = Alert.objects.filter(
        user__isnull=True, confirmed_at__isnull=True, created_at__lt=too_old
    ).delete()
    return deleted


def _run(now: datetime.datetime, summary: RunSummary, dry_run: bool) -> None:
    forget_unconfirmed(now)
    if not active_alerts().exists():
        return
    ledger.refresh(now)
    due = due_alerts(now)
    summary.due = len(due)
    by_subscriber: dict[str, list[tuple[Alert, str]]] = defaultdict(list)
    for alert, period in due:
        by_subscriber[alert.subscriber_key()].append((alert, period))
    new_cache: dict = {}  # per label set: what is new; "dates": the new resources' dates
    for entries in by_subscriber.values():
        try:
            _serve_subscriber(entries, now, summary, dry_run, new_cache)
        except Exception:  # one subscriber's trouble must not stop everyone else's digest
            logger.exception("Digest for alerts %s failed", [a.pk for a, _p in entries])
            summary.failed += len(entries)


def _new_for(
    labels: tuple[str, ...],
    after: datetime.datetime,
    now: datetime.datetime,
    cache: dict,
) -> dict[int, datetime.datetime]:
    """What became visible to these labels since `after` (computed once per label set)."""
    key = labels
    known = cache.get(key)
    if known is None or known[0] > after:
        known = (after, ledger.became_visible(labels, after, now))
        cache[key] = known
    return {pk: when for pk, when in known[1].items() if when > after}


def _dates(new: dict[int, datetime.datetime], cache: dict) -> dict:
    """The new resources' dates, read once per run (shared by every alert that asks)."""
    known = cache.setdefault("dates", {})
    missing = [pk for pk in new if pk not in known]
    if missing:
        known.update(record_dates(missing))
        known.update({pk: None for pk in missing if pk not in known})
    return {pk: known[pk] for pk in new}


def _serve_subscriber(
    entries: list[tuple[Alert, str]],
    now: datetime.datetime,
    summary: RunSummary,
    dry_run: bool,
    cache: dict,
) -> None:
    """One subscriber's digest: what is new for each of their alerts, as they may see it now,
    in one e-mail (or, in a dry run, what that e-mail would list)."""
    first = entries[0][0]
    address = first.address
    if not address:
        summary.skipped += len(entries)
        return
    labels = subscriber_labels(first)
    viewer = first.user if first.user_id else AnonymousUser()
    found_per_alert = _found_per_alert(entries, labels, now, summary, dry_run, cache)
    if not found_per_alert:
        return
    sections = _sections(found_per_alert, viewer, now, summary, dry_run)
    if not sections:
        return
    if dry_run:
        summary.would_send.append((address, [(s.alert.name, len(s.items)) for s in sections]))
        summary.sent += 1
        summary.alerts_sent += len(sections)
        return
    claimed = _claimed(sections, now, summary)
    if claimed:
        _send(address, claimed, now, summary)


def _found_per_alert(
    entries: list[tuple[Alert, str]],
    labels: tuple[str, ...],
    now: datetime.datetime,
    summary: RunSummary,
    dry_run: bool,
    cache: dict,
) -> list[tuple[Alert, str, dict[int, object]]]:
    """What each alert's saved search picks from what became visible to the subscriber since
    its last digest; an alert with nothing new is covered up to now at once."""
    found_per_alert: list[tuple[Alert, str, dict[int, object]]] = []
    for alert, period in entries:
        since = alert.covered_until or alert.confirmed_at or alert.created_at
        new = _new_for(labels, since, now, cache)
        found = find_new(
            alert, set(new), labels, _dates(new, cache), memo=cache.setdefault("found", {})
        )
        if not found:
            if not dry_run:
                _advance(alert, since, now)
            summary.nothing_new += 1
            continue
        found_per_alert.append((alert, period, {f.resource_id: f.hit for f in found}))
    return found_per_alert


def _sections(
    found_per_alert: list[tuple[Alert, str, dict[int, object]]],
    viewer,
    now: datetime.datetime,
    summary: RunSummary,
    dry_run: bool,
) -> list[Section]:
    """One section per alert, of the resources found that are live pages the subscriber may
    see now: the database has the last word (a page unpublished or restricted since the ledger
    saw it is left out). An alert left with nothing is covered up to now."""
    all_ids = {pk for _alert, _period, hits in found_per_alert for pk in hits}
    pages = {
        page.pk: page
        for page in visible_pages(ResourcePage.objects.live().filter(pk__in=all_ids), viewer)
        .select_related("working_group")
        .prefetch_related("organisations")
    }
    sections = []
    for alert, period, hits in found_per_alert:
        items = [(pages[pk], hit) for pk, hit in hits.items() if pk in pages]
        if not items:
            if not dry_run:
                _advance(alert, alert.covered_until or alert.confirmed_at or alert.created_at, now)
            summary.nothing_new += 1
            continue
        items.sort(key=lambda item: (item[1] is not None, item[0].pk), reverse=True)
        sections.append(
            Section(
                alert=alert,
                period=period,
                items=items[:MAX_ITEMS_PER_ALERT],
                more=max(len(items) - MAX_ITEMS_PER_ALERT, 0),
            )
        )
    return sections


def _claimed(sections: list[Section], now: datetime.datetime, summary: RunSummary) -> list[Section]:
    """The sections whose delivery this run could claim (another worker may have the rest)."""
    claimed = []
    for section in sections:
        delivery = claim(section.alert, section.period, now, [p.pk for p, _h in section.items])
        if delivery is None:
            summary.skipped += 1
        else:
            section.delivery = delivery
            claimed.append(section)
    return claimed


def _send(
    address: str, claimed: list[Section], now: datetime.datetime, summary: RunSummary
) -> None:
    """Send the e-mail and record how it went on each claimed delivery: sent, bounced (the
    address is paused) or failed (tried again later)."""
    try:
        build_digest(address, claimed).send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as error:
        _finish(claimed, DeliveryStatus.BOUNCED, now, error=str(error))
        summary.bounced += len(claimed)
        return
    except Exception as error:  # the mail server is down or refused: try again later
        logger.warning("Digest to %s not sent: %s", address, error)
        _finish(claimed, DeliveryStatus.FAILED, now, error=f"{type(error).__name__}: {error}")
        summary.failed += len(claimed)
        return
    _finish(claimed, DeliveryStatus.SENT, now)
    summary.sent += 1
    summary.alerts_sent += len(claimed)


def _advance(alert: Alert, since: datetime.datetime, until: datetime.datetime) -> None:
    """Nothing new up to `until`: move the mark, unless another run already moved it."""
    Alert.objects.filter(pk=alert.pk, covered_until=alert.covered_until).update(covered_until=until)
    alert.covered_until = until


def claim(
    alert: Alert, period: str, now: datetime.datetime, resource_ids: list[int]
) -> Delivery | None:
    """Take this alert's digest for the period, or None when another run has it or sent it."""
    try:
        with transaction.atomic():
            locked = Alert.objects.select_for_update().filter(pk=alert.pk).first()
            if locked is None or locked.covered_until != alert.covered_until:
                return None  # deleted, or another run sent it meanwhile
            if not locked.is_active:
                return None
            latest = locked.deliveries.order_by("-created_at").first()
            window = {
                "window_start": alert.covered_until or alert.confirmed_at,
                "window_end": now,
                "resource_ids": resource_ids,
            }
            if latest is not None and latest.status in (
                DeliveryStatus.SENDING,
                DeliveryStatus.FAILED,
                DeliveryStatus.BOUNCED,
            ):
                if not _may_try(latest, now):
                    return None
                if latest.status != DeliveryStatus.BOUNCED and (
                    latest.attempts < settings.HUB_ALERTS_MAX_ATTEMPTS
                ):
                    # A retry (or a claim a stopped worker left): the same row, so attempts
                    # and backoff carry on.
                    taken = Delivery.objects.filter(
                        pk=latest.pk, status=latest.status, updated_at=latest.updated_at
                    ).update(status=DeliveryStatus.SENDING, updated_at=timezone.now(), **window)
                    if not taken:
                        return None
                    latest.refresh_from_db()
                    return latest
            if Delivery.objects.filter(alert=locked, period=period).exists():
                return None
            return Delivery.objects.create(
                alert=locked, period=period, status=DeliveryStatus.SENDING, **window
            )
    except IntegrityError:
        return None  # the other worker's row won the unique (alert, period)


def retry_delay(attempts: int) -> datetime.timedelta:
    minutes = settings.HUB_ALERTS_RETRY_BASE_MINUTES * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(minutes=min(minutes, settings.HUB_ALERTS_RETRY_MAX_MINUTES))


def _finish(sections, status: str, now: datetime.datetime, error: str = "") -> None:
    for section in sections:
        delivery = section.delivery
        delivery.attempts += 1
        delivery.status = status
        delivery.error = error[:2000]
        delivery.next_attempt_at = (
            now + retry_delay(delivery.attempts) if status == DeliveryStatus.FAILED else None
        )
        delivery.save(
            update_fields=["attempts", "status", "error", "next_attempt_at", "updated_at"]
        )
        if status == DeliveryStatus.SENT:
            Alert.objects.filter(pk=section.alert.pk).update(covered_until=delivery.window_end)
