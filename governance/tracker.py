"""The decision tracker: filter decisions by status, organisation, objective and overdue; CSV export.

The page and the CSV read the same validated filters over the same visible decisions, so an export
never holds a row the viewer could not see on screen.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django import forms
from django.db.models import Case, F, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from foundation.organisations import Organisation
from library.models import GcmObjective

from .models import PENDING_STATUSES, DecisionPage, DecisionStatus, MeetingPage, today


class DecisionFilterForm(forms.Form):
    status = forms.MultipleChoiceField(
        label=_("Status"),
        choices=DecisionStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = forms.ModelChoiceField(
        label=_("Responsible organisation"),
        queryset=Organisation.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Any organisation"),
    )
    objective = forms.ModelChoiceField(
        label=_("GCM objective"),
        queryset=GcmObjective.objects.order_by("number"),
        to_field_name="number",
        required=False,
        empty_label=_("Any objective"),
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


def filter_decisions(decisions: QuerySet[DecisionPage], filters: dict) -> QuerySet[DecisionPage]:
    if filters.get("status"):
        decisions = decisions.filter(status__in=filters["status"])
    if filters.get("organisation"):
        decisions = decisions.filter(responsible_organisations=filters["organisation"])
    if filters.get("objective"):
        decisions = decisions.filter(objectives=filters["objective"])
    if filters.get("overdue"):
        decisions = decisions.filter(due_date__lt=today(), status__in=PENDING_STATUSES)
    # What needs attention first: overdue, then the rest still pending, then closed ones.
    now = today()
    rank = Case(
        When(due_date__lt=now, status__in=PENDING_STATUSES, then=Value(0)),
        When(status__in=PENDING_STATUSES, then=Value(1)),
        default=Value(2),
    )
    return (
        decisions.distinct()
        .annotate(attention=rank)
        .order_by("attention", F("due_date").asc(nulls_last=True), "path")
    )


@dataclass
class TrackedDecision:
    decision: DecisionPage
    meeting: MeetingPage

    @property
    def latest_update(self):
        updates = self.decision.ordered_updates()
        return updates[-1] if updates else None


def with_meetings(decisions: QuerySet[DecisionPage]) -> list[TrackedDecision]:
    """Each decision with its meeting, in two queries; a decision whose meeting is a draft drops."""
    decisions = list(
        decisions.prefetch_related("responsible_organisations", "objectives", "updates")
    )
    parent_paths = {d.path[: -Page.steplen] for d in decisions}
    meetings = {
        m.path: m
        for m in MeetingPage.objects.live()
        .filter(path__in=parent_paths)
        .select_related("working_group")
    }
    return [
        TrackedDecision(d, meetings[d.path[: -Page.steplen]])
        for d in decisions
        if d.path[: -Page.steplen] in meetings
    ]


def status_counts(rows: list[TrackedDecision]) -> list[tuple[str, str, int]]:
    """(value, label, count) for every status, in the workflow's order, zeros included."""
    counts = {value: 0 for value in DecisionStatus.values}
    for row in rows:
        counts[row.decision.status] += 1
    return [(value, str(label), counts[value]) for value, label in DecisionStatus.choices]


CSV_HEADER = (
    _("Decision"),
    _("Text"),
    _("Meeting"),
    _("Meeting date"),
    _("Meeting type"),
    _("Responsible organisations"),
    _("Due date"),
    _("Status"),
    _("Overdue"),
    _("GCM objectives"),
    _("Latest update"),
    _("Latest update note"),
    _("Address"),
)

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def decisions_csv(rows: list[TrackedDecision], absolute_url) -> str:
    """The tracker's rows as CSV text; `absolute_url(page)` gives each decision's full address."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(title) for title in CSV_HEADER])
    for row in rows:
        decision, meeting = row.decision, row.meeting
        latest = row.latest_update
        writer.writerow(
            _cell(value)
            for value in (
                decision.title,
                decision.text,
                meeting.title,
                meeting.date.isoformat(),
                meeting.type_label,
                "; ".join(str(o) for o in decision.responsible_organisations.all()),
                decision.due_date.isoformat() if decision.due_date else "",
                decision.get_status_display(),
                _("yes") if decision.is_overdue else _("no"),
                "; ".join(str(o.number) for o in decision.objectives.all()),
                latest.date.isoformat() if latest else "",
                latest.note if latest else "",
                absolute_url(decision),
            )
        )
    return out.getvalue()
