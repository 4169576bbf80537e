"""Meeting, decision and workplan pages as members read them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_meeting_index_lists_upcoming_and_past_meetings(client, record):
    html = client.get(record.index.url).content.decode()
    upcoming, past = html.split("Past meetings")
    assert "Network quarterly meeting, next" in upcoming
    assert "Network quarterly meeting, public" in past


def test_meeting_page_shows_its_decisions_with_overdue_flag(client, record):
    response = client.get(record.public_past.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Publish the migration profile" in html and "Map hotlines" in html
    assert 'class="overdue"' in html and "Overdue" in html
    assert "Workplan review" in html


def test_decision_page_shows_follow_up(client, record):
    html = client.get(record.public_decision.url).content.decode()
    assert "Draft shared." in html and "In progress" in html
    assert record.public_past.title in html


def test_workplan_page_shows_progress_by_objective_and_organisation(client, record):
    html = client.get(record.workplan.url).content.decode()
    assert "Progress by GCM objective" in html and "Progress by organisation" in html
    assert "Fair recruitment dialogue" in html
    # Objective 1: one done (100) and one at 50 -> average 75.
    assert "75%" in html


def test_signed_in_pages_are_private_to_caches(client, record, member):
    client.force_login(member)
    response = client.get(record.public_past.url)
    assert "private" in response["Cache-Control"]
