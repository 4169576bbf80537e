"""The periodic report to the UN Country Team and the Government: one period, four sections.

Meetings held, decisions taken and their status (with the follow-up dated in the period),
workplan progress, and new resources by GCM objective. Built once as data, then shown as a
printable page or written as a PDF; both say "nothing recorded" for an empty section.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from library.models import GcmObjective

from .models import (
    DecisionPage,
    DecisionUpdate,
    MeetingPage,
    WorkplanActivity,
    WorkplanPage,
    today,
)
from .progress import Progress, overall_progress, progress_by_objective
from .tracker import TrackedDecision, status_counts, with_meetings
from .visibility import visible_decisions, visible_meetings, visible_resources, visible_workplans

# A report covers at most this long: longer periods are several reports, and the page stays light.
MAX_PERIOD_DAYS = 366 * 5


class ReportPeriodForm(forms.Form):
    """The period, read from ?from=YYYY-MM-DD&to=YYYY-MM-DD (both days included)."""

    start = forms.DateField(label=_("From"), input_formats=["%Y-%m-%d"])
    end = forms.DateField(label=_("To"), input_formats=["%Y-%m-%d"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end of the period must not be before its start."))
            elif (end - start).days > MAX_PERIOD_DAYS:
                self.add_error("end", _("A report covers at most five years."))
        return cleaned


def period_form(query: QueryDict) -> ReportPeriodForm:
    """The form bound to the query; no dates at all means this year so far."""
    start, end = query.get("from"), query.get("to")
    if start is None and end is None:
        now = today()
        start, end = datetime.date(now.year, 1, 1).isoformat(), now.isoformat()
    return ReportPeriodForm({"start": start or "", "end": end or ""})


@dataclass
class WorkplanProgress:
    workplan: WorkplanPage
    activities: list[WorkplanActivity]
    overall: Progress
    by_objective: list[Progress]


@dataclass
class Report:
    start: datetime.date
    end: datetime.date
    meetings: list[MeetingPage] = field(default_factory=list)
    decisions: list[TrackedDecision] = field(default_factory=list)
    decision_statuses: list[tuple[str, str, int]] = field(default_factory=list)
    overdue: int = 0
    updates: list[tuple[DecisionUpdate, DecisionPage]] = field(default_factory=list)
    workplans: list[WorkplanProgress] = field(default_factory=list)
    resources_by_objective: list[tuple[GcmObjective, int]] = field(default_factory=list)
    new_resources: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.meetings or self.decisions or self.updates or self.workplans) and not (
            self.new_resources
        )


def build_report(user, start: datetime.date, end: datetime.date) -> Report:
    report = Report(start=start, end=end)
    held_until = min(end, today())
    report.meetings = list(
        visible_meetings(user)
        .filter(date__gte=start, date__lte=held_until)
        .select_related("chair", "working_group")
        .order_by("date", "pk")
    )
    meeting_paths = [m.path for m in report.meetings]
    decisions = visible_decisions(user)
    if meeting_paths:
        taken = decisions.filter(
            Q(*[Q(path__startswith=path) for path in meeting_paths], _connector=Q.OR)
        ).order_by("path")
        report.decisions = with_meetings(taken)
    report.decision_statuses = status_counts(report.decisions)
    report.overdue = sum(1 for row in report.decisions if row.decision.is_overdue)
    followed = {d.pk: d for d in decisions.filter(updates__date__range=(start, end)).distinct()}
    report.updates = [
        (update, followed[update.decision_id])
        for update in DecisionUpdate.objects.filter(
            decision_id__in=list(followed), date__range=(start, end)
        ).order_by("date", "pk")
    ]
    for workplan in (
        visible_workplans(user).filter(year__range=(start.year, end.year)).order_by("year")
    ):
        activities = list(
            workplan.activities.filter(start_date__lte=end, end_date__gte=start)
            .select_related("lead_organisation")
            .prefetch_related("objectives", "supporting_organisations")
        )
        if activities:
            report.workplans.append(
                WorkplanProgress(
                    workplan,
                    activities,
                    overall_progress(activities),
                    progress_by_objective(activities),
                )
            )
    new = visible_resources(user).filter(
        Q(publication_date__range=(start, end))
        | Q(publication_date__isnull=True, first_published_at__date__range=(start, end))
    )
    report.new_resources = new.count()
    counts = dict(
        new.order_by()
        .filter(objectives__isnull=False)
        .values_list("objectives__number")
        .annotate(n=Count("pk", distinct=True))
    )
    report.resources_by_objective = [
        (objective, counts[objective.number])
        for objective in GcmObjective.objects.filter(number__in=counts).order_by("number")
    ]
    return report
