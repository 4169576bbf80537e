"""The demo's year of meetings, decisions and workplan: built once, restricted where it should be."""

from __future__ import annotations

from wagtail.models import CollectionViewRestriction, PageViewRestriction

import pytest

from governance.models import DecisionPage, MeetingPage, MeetingType, WorkplanPage
from governance.visibility import visible_decisions, visible_meetings
from hub.demo.governance import EXCOM_GROUP, ensure_governance
from hub.demo.seed import SeedReport, ensure_publishers

pytestmark = pytest.mark.django_db


def test_demo_builds_a_year_of_record_once(home, excom_member):
    ensure_publishers(SeedReport())
    report = SeedReport()
    created = ensure_governance(home, report)
    assert created
    meetings = MeetingPage.objects.all()
    kinds = [m.meeting_type for m in meetings]
    assert kinds.count(MeetingType.QUARTERLY) == 4
    assert kinds.count(MeetingType.EXTRAORDINARY) == 1
    assert kinds.count(MeetingType.EXECUTIVE_COMMITTEE) == 3
    assert kinds.count(MeetingType.TWG) == 3
    assert DecisionPage.objects.count() == 15
    assert {d.status for d in DecisionPage.objects.all()} == {
        "open",
        "in-progress",
        "done",
        "dropped",
    }
    assert sum(d.is_overdue for d in DecisionPage.objects.all()) >= 2
    workplan = WorkplanPage.objects.get()
    assert workplan.activities.count() == 12
    # Executive Committee meetings and their minutes are the committee's alone.
    excom = meetings.filter(meeting_type=MeetingType.EXECUTIVE_COMMITTEE)
    restrictions = PageViewRestriction.objects.filter(page__in=excom)
    assert restrictions.count() == 3
    assert all(r.groups.get().name == EXCOM_GROUP for r in restrictions)
    minutes = [m.minutes for m in excom if m.minutes_id]
    assert minutes and all(
        CollectionViewRestriction.objects.filter(collection=d.collection).exists() for d in minutes
    )
    assert minutes[0].text_pages.exists()
    assert visible_meetings(None).count() == 7  # not ExCom, not the members-only TWG meeting
    assert visible_meetings(excom_member).count() == 11
    assert visible_decisions(None).count() < visible_decisions(excom_member).count() == 15

    assert ensure_governance(home, SeedReport()) == []
    assert MeetingPage.objects.count() == 11
