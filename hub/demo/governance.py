"""The demo's Secretariat record: a year of meetings, their decisions, this year's workplan.

Dates are set relative to the day the seed runs, so the demo always has past meetings with
minutes and decisions (some overdue) and a few upcoming ones for the calendar feed. Idempotent:
pages are found by slug and left alone. Executive Committee meetings are restricted to the
"Executive Committee" group, their minutes kept in a collection restricted to it as well.

The record itself (agenda, meetings, decisions, workplan activities) is hub/demo/data/
governance.yaml; this module reads it and creates the pages.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from foundation.organisations import Organisation, WorkingGroup
from governance.models import (
    DecisionPage,
    DecisionUpdate,
    MeetingIndexPage,
    MeetingPage,
    WorkplanActivity,
    WorkplanIndexPage,
    WorkplanPage,
)
from library.models import GcmObjective, HubDocument, Language, ResourcePage

from .datafiles import read
from .files import make_pdf
from .trusted import read_trusted

EXCOM_GROUP = "Executive Committee"
EXCOM_COLLECTION = "Executive Committee records"


@dataclass(frozen=True)
class Meeting:
    """A meeting `days` from the seed day (negative: held, with minutes if `minutes_language`)."""

    key: str
    meeting_type: str
    days: int
    title: str
    chair: str
    working_group: str
    restriction: str  # "excom", "members" or "" (public)
    attendees: list[str]
    minutes_language: str


@dataclass(frozen=True)
class FollowUp:
    """An update on a decision, `days` after its meeting."""

    days: int
    status: str
    note: str


@dataclass(frozen=True)
class Decision:
    """A decision taken at `meeting`, due `due_days` after it; `activities` are activity keys."""

    key: str
    meeting: str
    title: str
    responsible: list[str]
    objectives: list[int]
    due_days: int
    updates: list[FollowUp]
    activities: list[str]
    resources: list[str]


@dataclass(frozen=True)
class Activity:
    """A workplan activity of the current year, from its first to its last month."""

    key: str
    title: str
    lead: str
    supporting: list[str]
    objectives: list[int]
    months: list[int]
    status: str
    progress: int
    notes: str
    unsdcf_outcome: str


def _load_record() -> tuple[dict[str, list[str]], list[Meeting], list[Decision], list[Activity]]:
    """The agenda, meetings, decisions and activities of hub/demo/data/governance.yaml."""
    data = read("governance.yaml")
    # Field names are the file's keys: a misspelt or missing key fails here, not halfway through.
    decisions = [
        Decision(**{**row, "updates": [FollowUp(**update) for update in row["updates"]]})
        for row in data["decisions"]
    ]
    meetings = [Meeting(**row) for row in data["meetings"]]
    activities = [Activity(**row) for row in data["activities"]]
    return data["agenda"], meetings, decisions, activities


AGENDA, MEETINGS, DECISIONS, ACTIVITIES = _load_record()


def _excom_group() -> Group:
    group, _created = Group.objects.get_or_create(name=EXCOM_GROUP)
    return group


def _restrict(page: Page, kind: str, group: Group) -> None:
    if not kind or PageViewRestriction.objects.filter(page=page).exists():
        return
    if kind == "excom":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=BaseViewRestriction.GROUPS
        )
        restriction.groups.set([group])
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.LOGIN)


def _excom_collection(group: Group) -> Collection:
    """Where Executive Committee minutes live: a collection only the committee may open."""
    collection = Collection.objects.filter(name=EXCOM_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=EXCOM_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
        restriction.groups.set([group])
    return collection


def _minutes(meeting: MeetingPage, decisions: list[Decision], collection: Collection | None):
    title = f"Minutes: {meeting.title}"
    document = HubDocument.objects.filter(title=title).first()
    if document is not None:
        return document
    items = AGENDA[meeting.meeting_type]
    first = (
        f"{meeting.title}, held on {meeting.date:%d %B %Y}. The meeting was opened by the chair, "
        f"who welcomed the members.\n\nAgenda: " + "; ".join(items) + "."
    )
    second = "Decisions and action points.\n\n" + "\n\n".join(
        f"{spec.title}. Responsible: {', '.join(spec.responsible).upper()}." for spec in decisions
    )
    if not decisions:
        second += "No decision was taken."
    document = HubDocument(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(
        f"minutes-{meeting.slug}.pdf",
        ContentFile(make_pdf(title, "IOM (Secretariat)", [first, second])),
        save=False,
    )
    document._set_document_file_metadata()
    document.save()
    read_trusted(document, "pdf")
    return document


def _ensure_index(home: Page, model, title: str, slug: str, intro: str):
    index = model.objects.first()
    if index is None:
        index = home.add_child(instance=model(title=title, slug=slug, intro=intro))
        index.save_revision().publish()
    return index


def ensure_workplan(home: Page, report, year: int) -> list[int]:
    """This year's workplan page with its activities, unless it exists; returns the page created."""
    index = _ensure_index(
        home,
        WorkplanIndexPage,
        "Workplans",
        "workplans",
        "The Network's annual workplans, reflected in the UN Sustainable Development Cooperation "
        "Framework, with the progress of each activity.",
    )
    if WorkplanPage.objects.filter(year=year).exists():
        return []
    organisations = {o.slug: o for o in Organisation.objects.all()}
    objectives = {o.number: o for o in GcmObjective.objects.all()}
    with transaction.atomic():
        workplan = WorkplanPage(
            title=f"Workplan {year}",
            slug=str(year),
            year=year,
            intro="What the Network committed to do this year, who leads, and how far it got.",
        )
        for order, spec in enumerate(ACTIVITIES):
            first, last = spec.months
            activity = WorkplanActivity(
                title=spec.title,
                lead_organisation=organisations[spec.lead],
                start_date=datetime.date(year, first, 1),
                end_date=datetime.date(year, last, 28),
                status=spec.status,
                progress=spec.progress,
                progress_notes=spec.notes,
                unsdcf_outcome=spec.unsdcf_outcome,
                sort_order=order,
            )
            activity.supporting_organisations = [organisations[s] for s in spec.supporting]
            activity.objectives = [objectives[n] for n in spec.objectives]
            workplan.activities.add(activity)
        index.add_child(instance=workplan)
        workplan.save_revision().publish()
    report.created.append(f"Workplan {year}")
    return [workplan.pk]


def _updates(
    meeting_date: datetime.date, specs: list[FollowUp], today: datetime.date
) -> list[DecisionUpdate]:
    updates = []
    for order, spec in enumerate(specs):
        when = meeting_date + datetime.timedelta(days=spec.days)
        if when <= today:  # the follow-up has not happened yet otherwise
            updates.append(
                DecisionUpdate(date=when, status=spec.status, note=spec.note, sort_order=order)
            )
    return updates


@dataclass
class _Targets:
    """What the record's slugs, numbers and keys point to, read once for all meetings."""

    organisations: dict[str, Organisation]
    groups: dict[str, WorkingGroup]
    objectives: dict[int, GcmObjective]
    languages: dict[str, Language]
    resources: dict[str, ResourcePage]
    activities: dict[str, WorkplanActivity]  # by the record's activity key

    @classmethod
    def load(cls) -> _Targets:
        by_title = {a.title: a for a in WorkplanActivity.objects.all()}
        return cls(
            organisations={o.slug: o for o in Organisation.objects.all()},
            groups={g.slug: g for g in WorkingGroup.objects.all()},
            objectives={o.number: o for o in GcmObjective.objects.all()},
            languages={language.code: language for language in Language.objects.all()},
            resources={r.slug: r for r in ResourcePage.objects.all()},
            # Activities are found by title: the key exists only in the record.
            activities={a.key: by_title[a.title] for a in ACTIVITIES if a.title in by_title},
        )


def _meeting_page(spec: Meeting, date: datetime.date, targets: _Targets) -> MeetingPage:
    in_person = spec.meeting_type != "twg"  # TWGs meet online in the afternoon
    meeting = MeetingPage(
        title=f"{spec.title}, {date:%B %Y}",
        slug=spec.key,
        date=date,
        start_time=datetime.time(9, 30) if in_person else datetime.time(14, 0),
        end_time=datetime.time(12, 30) if in_person else datetime.time(16, 0),
        location="UN House, Kigali" if in_person else "Online",
        meeting_type=spec.meeting_type,
        working_group=targets.groups.get(spec.working_group),
        chair=targets.organisations.get(spec.chair),
        agenda="<ol>" + "".join(f"<li>{item}</li>" for item in AGENDA[spec.meeting_type]) + "</ol>",
    )
    meeting.attendees = [targets.organisations[slug] for slug in spec.attendees]
    if spec.minutes_language:
        meeting.languages = [targets.languages[spec.minutes_language]]
    return meeting


def _add_decision(
    meeting: MeetingPage, spec: Decision, targets: _Targets, today: datetime.date
) -> DecisionPage:
    decision = DecisionPage(
        title=spec.title,
        slug=spec.key.removeprefix("d-"),
        text=f"The meeting decided to {spec.title[0].lower()}{spec.title[1:]}.",
        due_date=meeting.date + datetime.timedelta(days=spec.due_days),
    )
    decision.responsible_organisations = [targets.organisations[s] for s in spec.responsible]
    decision.objectives = [targets.objectives[n] for n in spec.objectives]
    decision.resources = [targets.resources[s] for s in spec.resources if s in targets.resources]
    decision.activities = [
        targets.activities[a] for a in spec.activities if a in targets.activities
    ]
    for update in _updates(meeting.date, spec.updates, today):
        decision.updates.add(update)
    meeting.add_child(instance=decision)
    decision.save_revision().publish()
    return decision


def _create_meeting(
    index: MeetingIndexPage, spec: Meeting, targets: _Targets, group: Group, today: datetime.date
) -> tuple[MeetingPage, list[int]]:
    """One meeting with its minutes and decisions, all or nothing; the decisions' page ids."""
    date = today + datetime.timedelta(days=spec.days)
    held = spec.days < 0
    decisions = [d for d in DECISIONS if d.meeting == spec.key] if held else []
    with transaction.atomic():
        meeting = _meeting_page(spec, date, targets)
        index.add_child(instance=meeting)
        _restrict(meeting, spec.restriction, group)
        if spec.minutes_language and held:
            collection = _excom_collection(group) if spec.restriction == "excom" else None
            meeting.minutes = _minutes(meeting, decisions, collection)
        meeting.save_revision().publish()
        decision_ids = [_add_decision(meeting, d, targets, today).pk for d in decisions]
    return meeting, decision_ids


def ensure_meetings(home: Page, report) -> list[int]:
    """The meetings index, the meetings and their decisions; returns the pages created."""
    index = _ensure_index(
        home,
        MeetingIndexPage,
        "Meetings",
        "meetings",
        "Quarterly and extraordinary meetings of the Network, its Executive Committee and its "
        "Technical Working Groups, with minutes and the decisions taken.",
    )
    today = timezone.localdate()
    group = _excom_group()
    targets = _Targets.load()
    existing = set(MeetingPage.objects.values_list("slug", flat=True))
    created: list[int] = []
    for spec in MEETINGS:
        if spec.key in existing:
            continue
        meeting, decision_ids = _create_meeting(index, spec, targets, group, today)
        created += [meeting.pk, *decision_ids]
        report.created.append(meeting.title)
    return created


def ensure_governance(home: Page, report) -> list[int]:
    """Workplan first (decisions link to its activities), then meetings and decisions."""
    year = timezone.localdate().year
    return ensure_workplan(home, report, year) + ensure_meetings(home, report)
