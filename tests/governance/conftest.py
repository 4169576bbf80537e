"""A small Secretariat record: public, members-only and Executive Committee meetings with decisions,
and a workplan, plus the three kinds of viewer that must see different things."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import BaseViewRestriction, PageViewRestriction

import pytest

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
from library.models import GcmObjective

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def add_meeting(index, title: str, date: datetime.date, **fields) -> MeetingPage:
    attendees = fields.pop("attendees", [])
    meeting = MeetingPage(title=title, date=date, **fields)
    meeting.attendees = attendees
    index.add_child(instance=meeting)
    meeting.save_revision().publish()
    return meeting


def add_decision(meeting, title: str, *, updates=(), objectives=(), organisations=(), **fields):
    decision = DecisionPage(title=title, text=fields.pop("text", f"Decided: {title}."), **fields)
    decision.objectives = list(objectives)
    decision.responsible_organisations = list(organisations)
    for order, (date, status, note) in enumerate(updates):
        decision.updates.add(DecisionUpdate(date=date, status=status, note=note, sort_order=order))
    meeting.add_child(instance=decision)
    decision.save_revision().publish()
    return decision


def restrict(page, group: Group | None = None) -> None:
    if group is None:
        PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.LOGIN)
    else:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=BaseViewRestriction.GROUPS
        )
        restriction.groups.set([group])


@pytest.fixture
def home(library):
    return library.get_parent().specific


@pytest.fixture
def network(db):
    from hub.demo.seed import SeedReport, ensure_publishers

    ensure_publishers(SeedReport())
    return SimpleNamespace(
        orgs={o.slug: o for o in Organisation.objects.all()},
        twgs={g.slug: g for g in WorkingGroup.objects.all()},
        objectives={o.number: o for o in GcmObjective.objects.all()},
    )


@pytest.fixture
def excom_group(db) -> Group:
    return Group.objects.get_or_create(name="Executive Committee")[0]


@pytest.fixture
def member(db):
    # A member of the network is in at least one of its groups (library.access).
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("member", "m@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name="Members")[0])
    return user


@pytest.fixture
def excom_member(excom_group):
    user = get_user_model().objects.create_user("excom", "e@example.org", "pw")
    user.groups.add(excom_group)
    return user


@pytest.fixture
def record(home, network, excom_group):
    """Meetings of every kind of access, each with a decision naming a distinctive word."""
    orgs, objectives = network.orgs, network.objectives
    index = home.add_child(instance=MeetingIndexPage(title="Meetings", slug="meetings"))
    index.save_revision().publish()
    public_past = add_meeting(
        index,
        "Network quarterly meeting, public",
        days(-40),
        meeting_type="quarterly",
        chair=orgs["iom"],
        attendees=[orgs["iom"], orgs["unhcr"]],
        agenda="<p>Workplan review</p>",
    )
    public_decision = add_decision(
        public_past,
        "Publish the migration profile",
        due_date=days(-5),
        objectives=[objectives[1]],
        organisations=[orgs["iom"]],
        updates=[(days(-30), "in-progress", "Draft shared.")],
    )
    done_decision = add_decision(
        public_past,
        "Map hotlines",
        due_date=days(-10),
        objectives=[objectives[10]],
        organisations=[orgs["unicef"]],
        updates=[(days(-20), "done", "Map published.")],
    )
    excom_past = add_meeting(
        index, "Executive Committee meeting, secret", days(-20), meeting_type="executive-committee"
    )
    restrict(excom_past, excom_group)
    excom_decision = add_decision(
        excom_past,
        "Confidential budget zanzibarite",
        due_date=days(-2),
        objectives=[objectives[23]],
        organisations=[orgs["rco"]],
    )
    members_past = add_meeting(
        index,
        "TWG data meeting, members",
        days(-10),
        meeting_type="twg",
        working_group=network.twgs["twg-data-evidence"],
    )
    restrict(members_past)
    members_decision = add_decision(
        members_past,
        "Members-only protocol quillwort",
        due_date=days(30),
        objectives=[objectives[1]],
        organisations=[orgs["unfpa"]],
    )
    public_upcoming = add_meeting(
        index,
        "Network quarterly meeting, next",
        days(12),
        meeting_type="quarterly",
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        location="UN House; Kigali, Rwanda",
    )
    excom_upcoming = add_meeting(
        index,
        "Executive Committee meeting, next secret",
        days(20),
        meeting_type="executive-committee",
    )
    restrict(excom_upcoming, excom_group)
    workplans = home.add_child(instance=WorkplanIndexPage(title="Workplans", slug="workplans"))
    workplans.save_revision().publish()
    workplan = WorkplanPage(title=f"Workplan {TODAY.year}", slug=str(TODAY.year), year=TODAY.year)
    for order, (title, lead, numbers, status, progress) in enumerate(
        [
            ("Migration profile", "iom", [1], "done", 100),
            ("Fair recruitment dialogue", "iom", [6, 1], "in-progress", 50),
            ("Hotline roll-out", "unicef", [10], "cancelled", 0),
        ]
    ):
        activity = WorkplanActivity(
            title=title,
            lead_organisation=orgs[lead],
            start_date=datetime.date(TODAY.year, 1, 1),
            end_date=datetime.date(TODAY.year, 12, 31),
            status=status,
            progress=progress,
            sort_order=order,
        )
        activity.objectives = [objectives[n] for n in numbers]
        activity.supporting_organisations = [orgs["unhcr"]]
        workplan.activities.add(activity)
    workplans.add_child(instance=workplan)
    workplan.save_revision().publish()
    return SimpleNamespace(
        index=index,
        public_past=public_past,
        public_decision=public_decision,
        done_decision=done_decision,
        excom_past=excom_past,
        excom_decision=excom_decision,
        members_past=members_past,
        members_decision=members_decision,
        public_upcoming=public_upcoming,
        excom_upcoming=excom_upcoming,
        workplan=workplan,
        workplans=workplans,
    )
