"""The iCalendar feed: valid RFC 5545 lines, escaping, folding, and only upcoming meetings."""

from __future__ import annotations

from django.urls import reverse

import pytest

from governance.ical import LINE_OCTETS, escape_text, fold

pytestmark = pytest.mark.django_db


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


def test_text_values_escape_backslash_semicolon_comma_and_newlines():
    assert escape_text("a\\b; c, d\ne") == "a\\\\b\\; c\\, d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "Réunion trimestrielle à Kigali — " * 6
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= LINE_OCTETS for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_feed_lists_upcoming_public_meetings_with_crlf_lines(client, record):
    response = client.get(reverse("meeting_calendar"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    lines = unfold(body)
    assert lines.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Network quarterly meeting\\, next" in lines
    assert "LOCATION:UN House\\; Kigali\\, Rwanda" in lines
    # 09:30 in Kigali (UTC+2) is 07:30 UTC.
    start = next(line for line in lines if line.startswith("DTSTART"))
    assert start == f"DTSTART:{record.public_upcoming.date:%Y%m%d}T073000Z"
    assert f"UID:meeting-{record.public_upcoming.pk}@" in body
    assert "public" not in body  # the past meeting is not in a feed of upcoming ones


def test_all_day_meeting_uses_date_values(client, record, excom_member):
    client.force_login(excom_member)
    lines = unfold(client.get(reverse("meeting_calendar")).content.decode())
    date = record.excom_upcoming.date
    assert f"DTSTART;VALUE=DATE:{date:%Y%m%d}" in lines


def test_agenda_items_become_lines_of_the_description(record):
    from governance.ical import render_calendar

    meeting = record.public_upcoming
    meeting.agenda = "<ol><li>Budget &amp; plan</li><li>TWG updates</li></ol>"
    body = render_calendar([meeting], lambda m: "https://hub.example/m/", "hub.example", "Meetings")
    description = next(line for line in unfold(body) if line.startswith("DESCRIPTION:"))
    assert "Budget & plan\\nTWG updates" in description
