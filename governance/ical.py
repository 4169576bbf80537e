"""An iCalendar (RFC 5545) feed of upcoming meetings, written by hand: escaping and line folding.

No dependency: the format is small, and the two things that go wrong in hand-written feeds are
handled here and tested: TEXT values escape backslash, semicolon, comma and newlines (3.3.11),
and content lines longer than 75 octets fold with CRLF + space without splitting a UTF-8
character (3.1). Every line ends in CRLF.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.utils import timezone

from .models import MeetingPage

LINE_OCTETS = 75
PRODID = "-//UN Network on Migration in Rwanda//Knowledge Hub//EN"


def escape_text(value: str) -> str:
    """A TEXT property value: backslash first, then ; and , and line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, never inside a UTF-8 character."""
    chunks: list[str] = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size = "", 0
            limit = LINE_OCTETS - 1  # continuation lines start with one space
        current += char
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(
    meeting: MeetingPage, url: str, host: str, stamp: datetime.datetime
) -> list[tuple[str, str]]:
    lines = [
        ("UID", f"meeting-{meeting.pk}@{host}"),
        ("DTSTAMP", _utc(stamp)),
    ]
    if meeting.start_time:
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
        end = (
            datetime.datetime.combine(meeting.date, meeting.end_time, tzinfo=zone)
            if meeting.end_time
            else start + datetime.timedelta(hours=2)
        )
        lines += [("DTSTART", _utc(start)), ("DTEND", _utc(end))]
    else:
        # An all-day event: DTEND is the exclusive next day.
        following = meeting.date + datetime.timedelta(days=1)
        lines += [
            ("DTSTART;VALUE=DATE", meeting.date.strftime("%Y%m%d")),
            ("DTEND;VALUE=DATE", following.strftime("%Y%m%d")),
        ]
    description_parts = [meeting.type_label]
    if meeting.chair_id:
        description_parts.append(f"Chair: {meeting.chair.label}")
    agenda = meeting.agenda_text
    if agenda:
        description_parts.append(agenda)
    description_parts.append(url)
    lines += [
        ("SUMMARY", escape_text(meeting.title)),
        ("DESCRIPTION", escape_text("\n\n".join(description_parts))),
        ("CATEGORIES", escape_text(str(meeting.get_meeting_type_display()))),
        ("URL;VALUE=URI", url),
    ]
    if meeting.location:
        lines.append(("LOCATION", escape_text(meeting.location)))
    return lines


def render_calendar(
    meetings: Iterable[MeetingPage],
    url_of: Callable[[MeetingPage], str],
    host: str,
    name: str,
    stamp: datetime.datetime | None = None,
) -> str:
    """The whole VCALENDAR as text with CRLF line ends (the HTTP body)."""
    stamp = stamp or timezone.now()
    lines: list[str] = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for meeting in meetings:
        lines.append("BEGIN:VEVENT")
        lines += [f"{key}:{value}" for key, value in _event(meeting, url_of(meeting), host, stamp)]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
