"""Workplan progress summed up by GCM objective and by organisation (lead or supporting)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from .choices import ActivityStatus


class Activity(Protocol):
    """What the sums read of a workplan activity (governance.models.WorkplanActivity, whose
    pages call these sums: this module does not import the models)."""

    status: str
    effective_progress: int
    objectives: Any  # related manager of GCM objectives
    lead_organisation_id: int
    lead_organisation: Any
    supporting_organisations: Any  # related manager of organisations


@dataclass
class Progress:
    """How a group of activities is doing: how many, how many done, average progress."""

    label: str
    key: str = ""
    url: str = ""
    activities: int = 0
    done: int = 0
    cancelled: int = 0
    _progress_sum: int = field(default=0, repr=False)

    def add(self, activity: Activity) -> None:
        self.activities += 1
        if activity.status == ActivityStatus.CANCELLED:
            # Cancelled work neither advances nor holds back the average.
            self.cancelled += 1
            return
        if activity.status == ActivityStatus.DONE:
            self.done += 1
        self._progress_sum += activity.effective_progress

    @property
    def average(self) -> int:
        counted = self.activities - self.cancelled
        return round(self._progress_sum / counted) if counted else 0


def overall_progress(activities: list[Activity]) -> Progress:
    total = Progress(label="")
    for activity in activities:
        total.add(activity)
    return total


def progress_by_objective(activities: list[Activity]) -> list[Progress]:
    """One row per GCM objective with activities, in objective order (prefetch "objectives")."""
    rows: dict[int, Progress] = {}
    for activity in activities:
        for objective in activity.objectives.all():
            row = rows.setdefault(
                objective.number,
                Progress(
                    label=str(objective),
                    key=str(objective.number),
                    url=objective.get_absolute_url(),
                ),
            )
            row.add(activity)
    return [rows[number] for number in sorted(rows)]


def progress_by_organisation(activities: list[Activity]) -> list[Progress]:
    """One row per organisation leading or supporting an activity, most activities first."""
    rows: dict[int, Progress] = {}
    for activity in activities:
        involved = {activity.lead_organisation_id: activity.lead_organisation}
        involved.update({o.pk: o for o in activity.supporting_organisations.all()})
        for pk, organisation in involved.items():
            row = rows.setdefault(
                pk,
                Progress(
                    label=organisation.label,
                    key=organisation.slug,
                    url=organisation.get_absolute_url(),
                ),
            )
            row.add(activity)
    return sorted(rows.values(), key=lambda row: (-row.activities, row.label))
