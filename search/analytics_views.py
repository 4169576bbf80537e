"""The search page's click redirect, and the editors' search analytics in the admin."""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, ExpressionWrapper, F, IntegerField, Q, Sum, Value
from django.db.models.functions import Greatest, Least
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .analytics import is_bot, is_safe_local_path, record_click, verify_click
from .models import SearchClick, SearchEvent


@never_cache
@require_GET
def search_click(request: HttpRequest) -> HttpResponseRedirect:
    """Count a followed result, then go to it; never an open redirect, never a 500."""
    to = request.GET.get("to", "")
    verified = verify_click(request.GET)
    if verified is not None and is_safe_local_path(verified[3]):
        event_id, resource_id, position, to = verified
        if not is_bot(request):
            record_click(event_id, resource_id, position)
        return HttpResponseRedirect(to)
    # Forged or tampered: count nothing, but still take the reader somewhere safe.
    return HttpResponseRedirect(to if is_safe_local_path(to) else reverse("search"))


# --- The admin report -------------------------------------------------------------------------

PERMISSION = "hub_search.view_searchevent"
SHOWN_ROWS = 50  # rows of each table on the page; the CSV export has up to EXPORT_ROWS
EXPORT_ROWS = 10_000
POSITIONS = 10  # positions 1..10 one by one, then 11+ together
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[
            ("7", _("Last 7 days")),
            ("30", _("Last 30 days")),
            ("90", _("Last 90 days")),
            ("custom", _("From … to …")),
        ],
        initial="30",
        required=False,
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if self.errors:
            return data
        if not data.get("period"):
            data["period"] = "custom" if start or end else "30"
        if data["period"] != "custom":
            return data
        if not start or not end:
            raise forms.ValidationError(_("Choose both a “from” and a “to” date."))
        if start > end:
            raise forms.ValidationError(_("The “from” date must not be after the “to” date."))
        if start < EARLIEST or end > LATEST:
            raise forms.ValidationError(
                _("Choose dates from %(earliest)s to %(latest)s.")
                % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
            )
        return data

    def bounds(self) -> tuple[datetime, datetime]:
        """[since, until): the last N days up to now, or whole local days from start to end."""
        data = self.cleaned_data
        if data["period"] == "custom":
            zone = timezone.get_current_timezone()
            since = datetime.combine(data["start"], time.min, tzinfo=zone)
            until = datetime.combine(data["end"] + timedelta(days=1), time.min, tzinfo=zone)
            return since, until
        now = timezone.now()
        return now - timedelta(days=int(data["period"])), now


def events_between(since: datetime, until: datetime):
    return SearchEvent.objects.filter(created_at__gte=since, created_at__lt=until)


def top_queries(events, limit: int) -> list[dict]:
    """Searches (first results pages) per query, most searched first, with average results."""
    return list(
        events.filter(page=1)
        .values("query")
        .annotate(searches=Count("id"), average_results=Avg("total"))
        .order_by("-searches", "query")[:limit]
    )


def zero_result_queries(events, limit: int) -> list[dict]:
    return list(
        events.filter(page=1, total=0)
        .values("query")
        .annotate(searches=Count("id"))
        .order_by("-searches", "query")[:limit]
    )


def position_table(events) -> list[dict]:
    """Clicks at positions 1..10 and 11+, each against how often a result was shown there.

    shown: times a results page showed a result at that position (for 11+: every result shown
    at 11 or below, summed); CTR = clicks / shown; share = clicks / all clicks in the period.
    """
    integer = IntegerField()
    ranged = events.annotate(
        first_shown=ExpressionWrapper((F("page") - 1) * F("page_size") + 1, output_field=integer),
        last_shown=Least(
            ExpressionWrapper(F("page") * F("page_size"), output_field=integer),
            F("total"),
            output_field=integer,
        ),
    )
    shown_at = {
        f"p{p}": Count("id", filter=Q(first_shown__lte=p, last_shown__gte=p))
        for p in range(1, POSITIONS + 1)
    }
    deeper = Greatest(
        Value(0),
        F("last_shown") - Greatest(F("first_shown"), Value(POSITIONS + 1)) + 1,
        output_field=integer,
    )
    shown = ranged.aggregate(**shown_at, deeper=Sum(deeper))
    clicks = dict.fromkeys([*range(1, POSITIONS + 1), POSITIONS + 1], 0)
    counted = (
        SearchClick.objects.filter(event__in=events).values("position").annotate(n=Count("id"))
    )
    for row in counted:
        bucket = min(row["position"], POSITIONS + 1)
        clicks[bucket] += row["n"]
    all_clicks = sum(clicks.values())
    table = []
    for bucket, count in clicks.items():
        deep = bucket > POSITIONS
        times_shown = (shown["deeper"] if deep else shown[f"p{bucket}"]) or 0
        table.append(
            {
                "position": f"{POSITIONS + 1}+" if deep else str(bucket),
                "clicks": count,
                "shown": times_shown,
                "ctr": count / times_shown if times_shown else None,
                "share": count / all_clicks if all_clicks else None,
            }
        )
    return table


def totals(events) -> dict:
    searches = events.filter(page=1)
    counts = searches.aggregate(
        searches=Count("id"),
        zero=Count("id", filter=Q(total=0)),
        queries=Count("query", distinct=True),
    )
    counts["pages"] = events.count()
    counts["clicks"] = SearchClick.objects.filter(event__in=events).count()
    counts["zero_rate"] = counts["zero"] / counts["searches"] if counts["searches"] else None
    return counts


# --- CSV --------------------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str | int | float:
    """A cell a spreadsheet will not run: text starting like a formula gets a leading quote."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = str(value)
        return "'" + text if text.startswith(_FORMULA_STARTS) else text
    return value


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def csv_response(export: str, events, since: datetime, until: datetime) -> HttpResponse:
    if export == "top":
        header = ["query", "searches", "average_results"]
        rows = [
            [r["query"], r["searches"], f"{r['average_results'] or 0:.2f}"]
            for r in top_queries(events, EXPORT_ROWS)
        ]
    elif export == "zero":
        header = ["query", "searches"]
        rows = [[r["query"], r["searches"]] for r in zero_result_queries(events, EXPORT_ROWS)]
    else:
        header = ["position", "clicks", "shown", "ctr", "share_of_clicks"]
        rows = [
            [r["position"], r["clicks"], r["shown"], _ratio(r["ctr"]), _ratio(r["share"])]
            for r in position_table(events)
        ]
    local = timezone.localtime
    name = f"search-{export}-{local(since):%Y%m%d}-{local(until):%Y%m%d}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return response


# --- Views ------------------------------------------------------------------------------------

EXPORTS = ("top", "zero", "positions")


def search_analytics(request: HttpRequest) -> HttpResponse:
    """Wagtail admin (access_admin is checked by the admin's URLs) plus the view permission."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = PeriodForm(request.GET or None)
    export = request.GET.get("export")
    if export is not None and export not in EXPORTS:
        return HttpResponseBadRequest(_("Unknown export."), content_type="text/plain")
    valid = form.is_valid() if form.is_bound else True
    if not form.is_bound:
        form = PeriodForm({"period": "30"})
        form.is_valid()
    context = {"form": form, "exports": EXPORTS}
    if not valid:
        if export:
            return HttpResponseBadRequest(
                " ".join(str(e) for errors in form.errors.values() for e in errors),
                content_type="text/plain",
            )
        return render(request, "search/admin/analytics.html", context, status=400)
    since, until = form.bounds()
    events = events_between(since, until)
    if export:
        return csv_response(export, events, since, until)
    query = request.GET.copy()
    query.pop("export", None)
    context.update(
        since=timezone.localtime(since),
        until=timezone.localtime(until),
        totals=totals(events),
        top=top_queries(events, SHOWN_ROWS),
        zero=zero_result_queries(events, SHOWN_ROWS),
        positions=position_table(events),
        export_query=query.urlencode(),
    )
    return render(request, "search/admin/analytics.html", context)
