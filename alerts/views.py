"""Saving an alert, confirming a visitor's address, managing one's alerts, and leaving in one click."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .forms import BadAlert, MemberAlertForm, VisitorAlertForm, read_saved_search
from .mail import send_confirmation
from .models import Alert, Frequency
from .tokens import BadLink, read_confirm_token, read_leave_token

logger = logging.getLogger(__name__)

THROTTLE_SECONDS = 3600


def _language(request: HttpRequest) -> str:
    code = (translation.get_language() or "en")[:2]
    return code if code in ("en", "fr") else "en"


def _refused(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(
        request, "alerts/message.html", {"message": message, "error": True}, status=status
    )


def new_alert(request: HttpRequest) -> HttpResponse:
    """'Get alerts': the search shown on the page before, with a name and a frequency to choose."""
    params = request.POST if request.method == "POST" else request.GET
    try:
        saved = read_saved_search(params, request.user)
    except BadAlert as error:
        return _refused(request, str(error))
    member = request.user.is_authenticated
    form_class = MemberAlertForm if member else VisitorAlertForm
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            if member:
                return _save_member_alert(request, saved, form.cleaned_data)
            response = _save_visitor_alert(request, saved, form)
            if response is not None:
                return response
    else:
        form = form_class(
            initial={
                "name": saved.default_name(),
                "frequency": Frequency.DAILY,
                "email_language": _language(request),
            }
        )
    return render(
        request,
        "alerts/new.html",
        {"form": form, "saved": saved, "member": member},
        status=400 if form.errors else 200,
    )


def _save_member_alert(request: HttpRequest, saved, data: dict) -> HttpResponse:
    if not (request.user.email or "").strip():
        return _refused(
            request,
            _(
                "Your account has no e-mail address: ask the Secretariat to add one, then try again."
            ),
        )
    kept = Alert.objects.filter(user=request.user, unsubscribed_at__isnull=True).count()
    if kept >= settings.HUB_ALERTS_MAX_PER_MEMBER:
        return _refused(
            request,
            _("You already have %(count)s alerts, the most one member may keep. Delete one first.")
            % {"count": kept},
            status=429,
        )
    now = timezone.now()
    Alert.objects.create(
        name=data["name"],
        query=saved.query,
        filters=saved.filters,
        collection=saved.collection,
        frequency=data["frequency"],
        language=data["email_language"],
        user=request.user,
        confirmed_at=now,
        covered_until=now,
    )
    messages.success(request, _("Alert “%(name)s” saved.") % {"name": data["name"]})
    return redirect("alerts:mine")


def _throttled(request: HttpRequest, email: str) -> bool:
    """A burst of subscriptions from one address (or to one e-mail address) waits an hour."""
    limit = settings.HUB_ALERTS_SUBSCRIBE_PER_HOUR
    keys = [
        "alerts:subscribe:ip:" + (request.META.get("REMOTE_ADDR") or "unknown"),
        "alerts:subscribe:to:" + hashlib.sha256(email.encode()).hexdigest(),
    ]
    over = False
    for key in keys:
        cache.add(key, 0, THROTTLE_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, THROTTLE_SECONDS)
            count = 1
        over = over or count > limit
    return over


def _save_visitor_alert(request: HttpRequest, saved, form) -> HttpResponse | None:
    data = form.cleaned_data
    email = data["email"]
    if _throttled(request, email):
        return _refused(
            request,
            _("Too many subscriptions in a short time. Please wait an hour and try again."),
            status=429,
        )
    pending_since = timezone.now() - timezone.timedelta(hours=settings.HUB_ALERTS_CONFIRM_HOURS)
    kept = (
        Alert.objects.filter(user__isnull=True, email=email, unsubscribed_at__isnull=True)
        .exclude(confirmed_at__isnull=True, created_at__lt=pending_since)
        .count()
    )
    if kept >= settings.HUB_ALERTS_MAX_PER_ADDRESS:
        return _refused(
            request,
            _(
                "This address already has %(count)s alerts, the most one address may keep. "
                "Use the unsubscribe link in one of their e-mails first."
            )
            % {"count": kept},
            status=429,
        )
    alert = Alert.objects.create(
        name=data["name"],
        query=saved.query,
        filters=saved.filters,
        collection=saved.collection,
        frequency=data["frequency"],
        language=data["email_language"],
        email=email,
    )
    try:
        send_confirmation(alert)
    except Exception as error:  # the mail server is away: say so, keep nothing half-done
        logger.warning("Confirmation to a visitor not sent: %s", error)
        alert.delete()
        return _refused(
            request,
            _("We could not send the confirmation e-mail just now. Please try again later."),
            status=503,
        )
    return render(request, "alerts/check_inbox.html", {"email": email, "alert": alert})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A visitor's confirmation link: a page with a button (mail scanners only follow links)."""
    try:
        alert_id = read_confirm_token(token)
    except BadLink as error:
        if error.expired:
            return _refused(
                request,
                _(
                    "This confirmation link has expired. Nothing will be sent; "
                    "ask for the alert again to get a new link."
                ),
                status=410,
            )
        return _refused(
            request, _("This confirmation link is not valid. Check it was copied whole.")
        )
    alert = Alert.objects.filter(pk=alert_id, user__isnull=True).first()
    if alert is None or alert.unsubscribed_at is not None:
        return _refused(
            request, _("This alert no longer exists. Ask for the alert again if you want it."), 410
        )
    if alert.confirmed_at is not None:
        return render(
            request,
            "alerts/message.html",
            {"message": _("Your alert “%(name)s” is already confirmed.") % {"name": alert.name}},
        )
    if request.method == "POST":
        now = timezone.now()
        Alert.objects.filter(pk=alert.pk, confirmed_at__isnull=True).update(
            confirmed_at=now, covered_until=now
        )
        return render(
            request,
            "alerts/message.html",
            {
                "message": _(
                    "Confirmed: you will receive “%(name)s” (%(frequency)s) when there is "
                    "something new."
                )
                % {"name": alert.name, "frequency": alert.get_frequency_display().lower()}
            },
        )
    return render(request, "alerts/confirm.html", {"alert": alert})


@csrf_exempt
def leave(request: HttpRequest, token: str) -> HttpResponse:
    """Unsubscribe: GET shows a button; POST (the button, or a mail client's RFC 8058 one-click
    request, which carries no CSRF token: the signed address is the proof) stops the alerts."""
    try:
        alert_ids = read_leave_token(token)
    except BadLink:
        return _refused(
            request,
            _(
                "This unsubscribe link is not valid. Check it was copied whole, or sign in and "
                "manage your alerts on your page."
            ),
        )
    alerts = list(Alert.objects.filter(pk__in=alert_ids, unsubscribed_at__isnull=True))
    if not alerts:
        return render(
            request,
            "alerts/message.html",
            {"message": _("You are already unsubscribed: nothing more will be sent.")},
        )
    if request.method == "POST":
        Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(unsubscribed_at=timezone.now())
        return render(
            request,
            "alerts/message.html",
            {"message": _("You are unsubscribed: nothing more will be sent for these alerts.")},
        )
    return render(request, "alerts/leave.html", {"alerts": alerts})


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    alerts = Alert.objects.filter(user=request.user, unsubscribed_at__isnull=True).select_related(
        "collection"
    )
    rows = [
        (
            alert,
            MemberAlertForm(
                initial={
                    "name": alert.name,
                    "frequency": alert.frequency,
                    "email_language": alert.language,
                },
                prefix=f"a{alert.pk}",
            ),
        )
        for alert in alerts
    ]
    return render(
        request,
        "alerts/mine.html",
        {
            "rows": rows,
            "limit": settings.HUB_ALERTS_MAX_PER_MEMBER,
            "no_email": not request.user.email,
        },
    )


def _own(request: HttpRequest, pk: int) -> Alert:
    return get_object_or_404(Alert, pk=pk, user=request.user, unsubscribed_at__isnull=True)


@login_required
@require_POST
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    alert = _own(request, pk)
    form = MemberAlertForm(request.POST, prefix=f"a{alert.pk}")
    if not form.is_valid():
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        messages.error(request, _("Not saved: %(errors)s") % {"errors": errors})
        return redirect("alerts:mine")
    alert.name = form.cleaned_data["name"]
    alert.frequency = form.cleaned_data["frequency"]
    alert.language = form.cleaned_data["email_language"]
    alert.save(update_fields=["name", "frequency", "language"])
    messages.success(request, _("Alert “%(name)s” saved.") % {"name": alert.name})
    return redirect("alerts:mine")


@login_required
@require_POST
def pause(request: HttpRequest, pk: int) -> HttpResponse:
    alert = _own(request, pk)
    if alert.paused:
        # Resuming starts from now: what appeared during the pause is not sent all at once.
        alert.paused = False
        alert.covered_until = timezone.now()
        messages.success(request, _("Alert “%(name)s” resumed.") % {"name": alert.name})
    else:
        alert.paused = True
        messages.success(request, _("Alert “%(name)s” paused.") % {"name": alert.name})
    alert.save(update_fields=["paused", "covered_until"])
    return redirect("alerts:mine")


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    alert = _own(request, pk)
    alert.delete()
    messages.success(request, _("Alert “%(name)s” deleted.") % {"name": alert.name})
    return redirect("alerts:mine")
