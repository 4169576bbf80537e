"""The Secretariat's pages outside the page tree: tracker + CSV, calendar feed, coverage, report + PDF.

Every view reads through governance.visibility, so what it lists, counts or exports is what
this viewer may see; a signed-in viewer's response is marked private for caches.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import feed_tokens
from .coverage import coverage, heat_map_svg, legends
from .ical import render_calendar
from .models import MeetingIndexPage, today
from .pdf import report_pdf
from .report import build_report, period_form
from .tracker import (
    DecisionFilterForm,
    decisions_csv,
    filter_decisions,
    status_counts,
    with_meetings,
)
from .visibility import visible_decisions, visible_meetings


def private_when_signed_in(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """What a member sees may be restricted: never let a shared cache keep it for someone else."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        if request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response

    return wrapper


def _tracked(request: HttpRequest):
    form = DecisionFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    filters = form.cleaned_data if form.is_bound else {}
    return form, with_meetings(filter_decisions(visible_decisions(request.user), filters))


@private_when_signed_in
def decision_tracker(request: HttpRequest) -> HttpResponse:
    """Decisions and action points, filtered; overdue ones flagged in words and colour."""
    form, rows = _tracked(request)
    context = {
        "form": form,
        "rows": rows or [],
        "counts": status_counts(rows or []),
        "overdue_count": sum(1 for row in rows or [] if row.decision.is_overdue),
        "csv_query": request.GET.urlencode(),
        "today": today(),
    }
    return render(
        request, "governance/decision_tracker.html", context, status=400 if rows is None else 200
    )


@private_when_signed_in
def decision_csv(request: HttpRequest) -> HttpResponse:
    form, rows = _tracked(request)
    if rows is None:
        errors = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in form.errors.items())
        return HttpResponse(
            _("Bad filter: %(errors)s") % {"errors": errors},
            status=400,
            content_type="text/plain; charset=utf-8",
        )

    def absolute(page) -> str:
        return request.build_absolute_uri(page.get_url(request) or page.url_path)

    response = HttpResponse(
        # A byte-order mark, so spreadsheet programs read accented names as UTF-8.
        "\ufeff" + decisions_csv(rows, absolute),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="decisions-{today().isoformat()}.csv"'
    return response


def _calendar_viewer(request: HttpRequest):
    """The member a token names (None: the token is bad, expired or revoked), else the request's
    own user."""
    token = request.GET.get("token")
    if token is None:
        return request.user
    return feed_tokens.user_for(token)


@require_POST
def revoke_calendar_link(request: HttpRequest) -> HttpResponse:
    """The member's feed links stop working; the meetings page shows a new one."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    feed_tokens.revoke(request.user)
    messages.success(request, _("Your old calendar link no longer works. Here is a new one."))
    index = MeetingIndexPage.objects.live().first()
    return HttpResponseRedirect(index.url if index is not None and index.url else "/")


@private_when_signed_in
def meeting_calendar(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings this viewer may see (anonymous: public ones only) as iCalendar."""
    viewer = _calendar_viewer(request)
    if viewer is None:
        response = HttpResponse(
            _(
                "This calendar link is not valid (any more). Copy your link again from the meetings page."
            ),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
        patch_cache_control(response, no_store=True)
        return response
    meetings = (
        visible_meetings(viewer)
        .filter(date__gte=today())
        .select_related("chair", "working_group")
        .order_by("date", "start_time", "pk")
    )
    index = MeetingIndexPage.objects.live().first()
    body = render_calendar(
        meetings,
        lambda m: request.build_absolute_uri(m.get_url(request) or m.url_path),
        host=request.get_host().split(":")[0] or "knowledge-hub",
        name=index.title if index else _("Network meetings"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    if "token" in request.GET:  # a member's feed: never kept by a shared cache
        patch_cache_control(response, private=True, no_store=True)
    return response


@private_when_signed_in
def coverage_dashboard(request: HttpRequest) -> HttpResponse:
    rows = coverage(request.user)
    context = {
        "rows": rows,
        "heat_map": heat_map_svg(rows),
        "legends": legends(rows),
        "gaps": [row for row in rows if row.no_activity],
        "totals": {
            "resources": sum(r.resources for r in rows),
            "activities": sum(r.activities for r in rows),
            "decisions": sum(r.decisions for r in rows),
        },
    }
    return render(request, "governance/coverage.html", context)


def _report_title() -> str:
    return _("Periodic report of the UN Network on Migration in Rwanda")


@private_when_signed_in
def periodic_report(request: HttpRequest) -> HttpResponse:
    form = period_form(request.GET)
    if not form.is_valid():
        return render(request, "governance/report.html", {"form": form}, status=400)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    context = {
        "form": form,
        "report": build_report(request.user, start, end),
        "title": _report_title(),
        "pdf_query": f"from={start.isoformat()}&to={end.isoformat()}",
    }
    return render(request, "governance/report.html", context)


@private_when_signed_in
def periodic_report_pdf(request: HttpRequest) -> HttpResponse:
    form = period_form(request.GET)
    if not form.is_valid():
        return render(request, "governance/report.html", {"form": form}, status=400)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    pdf = report_pdf(build_report(request.user, start, end), _report_title())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="network-report-{start.isoformat()}-{end.isoformat()}.pdf"'
    )
    return response
