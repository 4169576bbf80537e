"""The demo's Secretariat record: a year of meetings, their decisions, this year's workplan.

Dates are set relative to the day the seed runs, so the demo always has past meetings with
minutes and decisions (some overdue) and a few upcoming ones for the calendar feed. Idempotent:
pages are found by slug and left alone. Executive Committee meetings are restricted to the
"Executive Committee" group, their minutes kept in a collection restricted to it as well.
"""

from __future__ import annotations

import datetime

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

from governance.models import (
    DecisionPage,
    DecisionUpdate,
    MeetingIndexPage,
    MeetingPage,
    WorkplanActivity,
    WorkplanIndexPage,
    WorkplanPage,
)
from hub.organisations import Organisation, WorkingGroup
from library.models import GcmObjective, HubDocument, Language, ResourcePage

from .files import make_pdf
from .trusted import read_trusted

EXCOM_GROUP = "Executive Committee"
EXCOM_COLLECTION = "Executive Committee records"

# key, type, days from today, title stem, chair, TWG, restriction ("excom", "members" or ""),
# attendees, minutes language ("" for no minutes yet).
MEETINGS: list[tuple] = [
    (
        "quarterly-1",
        "quarterly",
        -255,
        "Network quarterly meeting",
        "iom",
        "",
        "",
        ["rco", "iom", "unicef", "unhcr", "wfp", "who", "uncdf", "unfpa"],
        "en",
    ),
    (
        "excom-1",
        "executive-committee",
        -230,
        "Executive Committee meeting",
        "rco",
        "",
        "excom",
        ["rco", "iom", "unicef", "unhcr", "wfp", "who"],
        "en",
    ),
    (
        "extraordinary-1",
        "extraordinary",
        -200,
        "Extraordinary meeting on flood displacement",
        "rco",
        "",
        "",
        ["rco", "iom", "unhcr", "wfp", "who", "unicef"],
        "en",
    ),
    (
        "quarterly-2",
        "quarterly",
        -165,
        "Network quarterly meeting",
        "iom",
        "",
        "",
        ["rco", "iom", "unicef", "unhcr", "wfp", "uncdf", "unfpa"],
        "en",
    ),
    (
        "twg-labour-1",
        "twg",
        -140,
        "TWG on Labour Migration and Skills",
        "iom",
        "twg-labour-migration",
        "",
        ["iom", "uncdf", "unfpa", "migrant-workers-association"],
        "",
    ),
    (
        "excom-2",
        "executive-committee",
        -100,
        "Executive Committee meeting",
        "rco",
        "",
        "excom",
        ["rco", "iom", "unicef", "unhcr", "wfp", "who"],
        "en",
    ),
    (
        "quarterly-3",
        "quarterly",
        -75,
        "Network quarterly meeting",
        "iom",
        "",
        "",
        ["rco", "iom", "unicef", "unhcr", "wfp", "who", "unfpa"],
        "fr",
    ),
    (
        "twg-data-1",
        "twg",
        -45,
        "TWG on Data and Evidence",
        "unfpa",
        "twg-data-evidence",
        "members",
        ["iom", "unfpa", "unhcr", "who", "university-of-rwanda"],
        "",
    ),
    (
        "twg-protection-1",
        "twg",
        10,
        "TWG on Protection and Counter-Trafficking",
        "unhcr",
        "twg-protection",
        "",
        ["unhcr", "unicef", "iom"],
        "",
    ),
    (
        "quarterly-4",
        "quarterly",
        15,
        "Network quarterly meeting",
        "iom",
        "",
        "",
        ["rco", "iom", "unicef", "unhcr", "wfp", "who", "uncdf", "unfpa"],
        "",
    ),
    (
        "excom-3",
        "executive-committee",
        25,
        "Executive Committee meeting",
        "rco",
        "",
        "excom",
        ["rco", "iom", "unicef", "unhcr", "wfp", "who"],
        "",
    ),
]

AGENDA = {
    "quarterly": [
        "Adoption of the agenda and of the minutes of the last meeting",
        "Updates from the Technical Working Groups",
        "Progress of the annual workplan",
        "Follow-up of decisions",
        "Any other business",
    ],
    "extraordinary": [
        "Situation update on displacement after the floods",
        "Joint response and data sharing",
        "Communication with the Government",
    ],
    "executive-committee": [
        "Strategic direction of the Network",
        "Workplan and resources",
        "Preparation of the next quarterly meeting",
    ],
    "twg": ["Review of draft products", "Rotation of the chair", "Next steps"],
}

# key, meeting, title, responsible, objectives, due (days after the meeting), updates as
# (days after the meeting, status, note), linked activity keys, linked resource slugs.
DECISIONS: list[tuple] = [
    (
        "d-profile",
        "quarterly-1",
        "Validate the 2025 migration profile with NISR",
        ["iom", "unfpa"],
        [1],
        60,
        [(20, "in-progress", "Draft shared with NISR."), (70, "done", "Profile validated.")],
        ["a-profile"],
        ["migration-profile-2025"],
    ),
    (
        "d-recruitment",
        "quarterly-1",
        "Draft a joint position on fair recruitment fees",
        ["iom", "uncdf"],
        [6],
        90,
        [(30, "in-progress", "First draft circulated in the TWG.")],
        ["a-recruitment"],
        ["labour-migration-policy-brief-2025"],
    ),
    (
        "d-hotline",
        "quarterly-1",
        "Map counter-trafficking hotlines and referral points",
        ["unicef", "unhcr"],
        [10],
        45,
        [(40, "done", "Map published in the library.")],
        [],
        ["counter-trafficking-guidance"],
    ),
    (
        "d-excom-budget",
        "excom-1",
        "Agree the Network's pooled budget for the year",
        ["rco", "iom"],
        [23],
        30,
        [(25, "done", "Budget agreed by the Executive Committee.")],
        [],
        [],
    ),
    (
        "d-excom-chair",
        "excom-1",
        "Propose a rotation of TWG chairs",
        ["rco"],
        [23],
        120,
        [],
        [],
        [],
    ),
    (
        "d-flood-dtm",
        "extraordinary-1",
        "Share DTM flood displacement data with MINEMA weekly",
        ["iom", "wfp"],
        [1, 2],
        14,
        [(7, "in-progress", "Weekly sharing started."), (60, "done", "Response phase closed.")],
        [],
        ["dtm-flood-displacement-dataset-2023"],
    ),
    (
        "d-flood-health",
        "extraordinary-1",
        "Assess health service access in relocation sites",
        ["who", "unhcr"],
        [15],
        60,
        [(30, "in-progress", "Assessment in two districts.")],
        [],
        [],
    ),
    (
        "d-remittance",
        "quarterly-2",
        "Commission a remittance cost study",
        ["uncdf"],
        [20],
        75,
        [(10, "in-progress", "Terms of reference drafted.")],
        ["a-remittances"],
        ["remittances-financial-inclusion-study"],
    ),
    (
        "d-returnees",
        "quarterly-2",
        "Update the reintegration referral pathway",
        ["iom"],
        [21],
        150,
        [(20, "open", "Waiting for the ministry's comments.")],
        ["a-reintegration"],
        ["return-reintegration-framework"],
    ),
    (
        "d-detention",
        "quarterly-2",
        "Document alternatives to immigration detention",
        ["unhcr", "iom"],
        [13],
        90,
        [(45, "dropped", "Merged into the protection TWG's plan.")],
        [],
        [],
    ),
    (
        "d-skills",
        "twg-labour-1",
        "Pilot skills recognition for returning workers",
        ["iom", "university-of-rwanda"],
        [18],
        100,
        [],
        ["a-skills"],
        [],
    ),
    (
        "d-excom-report",
        "excom-2",
        "Prepare the mid-year report to the UN Country Team",
        ["iom"],
        [23],
        20,
        [(10, "in-progress", "Sections requested from the TWGs.")],
        [],
        [],
    ),
    (
        "d-communication",
        "quarterly-3",
        "Launch the public campaign on migration facts",
        ["rco", "unicef"],
        [17],
        45,
        [(15, "in-progress", "Messages tested with youth groups.")],
        ["a-discourse"],
        [],
    ),
    (
        "d-services",
        "quarterly-3",
        "Map migrants' access to basic services in Kigali",
        ["who", "unhcr", "unicef"],
        [15],
        120,
        [],
        ["a-services"],
        [],
    ),
    (
        "d-data-sharing",
        "twg-data-1",
        "Agree a data-sharing protocol among members",
        ["unfpa", "iom"],
        [1],
        30,
        [(5, "in-progress", "Draft protocol circulated.")],
        ["a-profile"],
        [],
    ),
]

# key, title, lead, supporting, objectives, (start month, end month), status, progress, notes,
# UNSDCF outcome.
ACTIVITIES: list[tuple] = [
    (
        "a-profile",
        "Publish the national migration profile",
        "iom",
        ["unfpa", "nisr"],
        [1],
        (1, 6),
        "done",
        100,
        "Published and presented to the Government.",
        "Outcome 1: governance",
    ),
    (
        "a-recruitment",
        "Fair recruitment dialogue with employers",
        "iom",
        ["uncdf", "mifotra"],
        [6],
        (2, 9),
        "in-progress",
        60,
        "Two dialogues held.",
        "Outcome 2: inclusive economy",
    ),
    (
        "a-info",
        "Pre-departure information sessions",
        "iom",
        ["migrant-workers-association"],
        [3],
        (3, 12),
        "in-progress",
        45,
        "",
        "",
    ),
    (
        "a-pathways",
        "Study of regular labour pathways to the Gulf",
        "uncdf",
        ["iom"],
        [5],
        (4, 10),
        "delayed",
        20,
        "Consultant recruitment delayed.",
        "Outcome 2: inclusive economy",
    ),
    (
        "a-vulnerability",
        "Vulnerability screening training for border officers",
        "unhcr",
        ["iom", "dgie"],
        [7, 11],
        (1, 4),
        "done",
        100,
        "120 officers trained.",
        "",
    ),
    (
        "a-trafficking",
        "Counter-trafficking referral guidance roll-out",
        "unicef",
        ["unhcr", "iom"],
        [10],
        (2, 8),
        "done",
        100,
        "",
        "Outcome 3: protection",
    ),
    (
        "a-services",
        "Access to basic services mapping",
        "who",
        ["unhcr", "unicef"],
        [15],
        (7, 12),
        "in-progress",
        30,
        "Kigali done; two districts to go.",
        "",
    ),
    (
        "a-discourse",
        "Public campaign on migration facts",
        "rco",
        ["unicef", "iom"],
        [16, 17],
        (8, 12),
        "in-progress",
        35,
        "",
        "",
    ),
    (
        "a-skills",
        "Skills recognition pilot",
        "iom",
        ["university-of-rwanda", "mifotra"],
        [18],
        (5, 12),
        "planned",
        0,
        "",
        "Outcome 2: inclusive economy",
    ),
    (
        "a-diaspora",
        "Diaspora investment forum",
        "iom",
        ["diaspora-returnees-network"],
        [19],
        (9, 11),
        "cancelled",
        0,
        "Postponed to next year by the Government.",
        "",
    ),
    (
        "a-remittances",
        "Remittance cost study",
        "uncdf",
        ["iom"],
        [20],
        (3, 11),
        "in-progress",
        50,
        "",
        "",
    ),
    (
        "a-reintegration",
        "Reintegration referral pathway update",
        "iom",
        ["minema"],
        [21],
        (6, 12),
        "planned",
        10,
        "",
        "Outcome 3: protection",
    ),
]


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


def _minutes(meeting: MeetingPage, decisions: list[tuple], collection: Collection | None):
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
        f"{spec[2]}. Responsible: {', '.join(spec[3]).upper()}." for spec in decisions
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
            _key, title, lead, support, numbers, (first, last), status, progress, notes, unsdcf = (
                spec
            )
            end = datetime.date(year, last, 28)
            activity = WorkplanActivity(
                title=title,
                lead_organisation=organisations[lead],
                start_date=datetime.date(year, first, 1),
                end_date=end,
                status=status,
                progress=progress,
                progress_notes=notes,
                unsdcf_outcome=unsdcf,
                sort_order=order,
            )
            activity.supporting_organisations = [organisations[s] for s in support]
            activity.objectives = [objectives[n] for n in numbers]
            workplan.activities.add(activity)
        index.add_child(instance=workplan)
        workplan.save_revision().publish()
    report.created.append(f"Workplan {year}")
    return [workplan.pk]


def _updates(meeting_date: datetime.date, specs: list[tuple], today: datetime.date) -> list:
    updates = []
    for order, (days, status, note) in enumerate(specs):
        when = meeting_date + datetime.timedelta(days=days)
        if when <= today:  # the follow-up has not happened yet otherwise
            updates.append(DecisionUpdate(date=when, status=status, note=note, sort_order=order))
    return updates


def ensure_meetings(home: Page, report) -> list[int]:
    """The meetings index, the meetings and their decisions; returns the pages created."""
    today = timezone.localdate()
    index = _ensure_index(
        home,
        MeetingIndexPage,
        "Meetings",
        "meetings",
        "Quarterly and extraordinary meetings of the Network, its Executive Committee and its "
        "Technical Working Groups, with minutes and the decisions taken.",
    )
    group = _excom_group()
    organisations = {o.slug: o for o in Organisation.objects.all()}
    groups = {g.slug: g for g in WorkingGroup.objects.all()}
    objectives = {o.number: o for o in GcmObjective.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    resources = {r.slug: r for r in ResourcePage.objects.all()}
    activities = {a.title: a for a in WorkplanActivity.objects.all()}
    activity_titles = {spec[0]: spec[1] for spec in ACTIVITIES}
    existing = set(MeetingPage.objects.values_list("slug", flat=True))
    created: list[int] = []
    for key, kind, days, stem, chair, twg, restriction, attendees, minutes_language in MEETINGS:
        if key in existing:
            continue
        date = today + datetime.timedelta(days=days)
        decisions = [spec for spec in DECISIONS if spec[1] == key] if days < 0 else []
        with transaction.atomic():
            meeting = MeetingPage(
                title=f"{stem}, {date:%B %Y}",
                slug=key,
                date=date,
                start_time=datetime.time(9, 30) if kind != "twg" else datetime.time(14, 0),
                end_time=datetime.time(12, 30) if kind != "twg" else datetime.time(16, 0),
                location="UN House, Kigali" if kind != "twg" else "Online",
                meeting_type=kind,
                working_group=groups.get(twg),
                chair=organisations.get(chair),
                agenda="<ol>" + "".join(f"<li>{item}</li>" for item in AGENDA[kind]) + "</ol>",
            )
            meeting.attendees = [organisations[slug] for slug in attendees]
            if minutes_language:
                meeting.languages = [languages[minutes_language]]
            index.add_child(instance=meeting)
            _restrict(meeting, restriction, group)
            if minutes_language and days < 0:
                collection = _excom_collection(group) if restriction == "excom" else None
                meeting.minutes = _minutes(meeting, decisions, collection)
            meeting.save_revision().publish()
            created.append(meeting.pk)
            for spec in decisions:
                d_key, _m, title, responsible, numbers, due, updates, acts, slugs = spec
                decision = DecisionPage(
                    title=title,
                    slug=d_key.removeprefix("d-"),
                    text=f"The meeting decided to {title[0].lower()}{title[1:]}.",
                    due_date=date + datetime.timedelta(days=due),
                )
                decision.responsible_organisations = [organisations[s] for s in responsible]
                decision.objectives = [objectives[n] for n in numbers]
                decision.resources = [resources[s] for s in slugs if s in resources]
                decision.activities = [
                    activities[activity_titles[a]]
                    for a in acts
                    if activity_titles.get(a) in activities
                ]
                for update in _updates(date, updates, today):
                    decision.updates.add(update)
                meeting.add_child(instance=decision)
                decision.save_revision().publish()
                created.append(decision.pk)
        report.created.append(meeting.title)
    return created


def ensure_governance(home: Page, report) -> list[int]:
    """Workplan first (decisions link to its activities), then meetings and decisions."""
    year = timezone.localdate().year
    return ensure_workplan(home, report, year) + ensure_meetings(home, report)
