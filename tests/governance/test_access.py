"""Restricted meetings and decisions reach only those allowed, in every list, count, feed and export.

Three viewers: anonymous (public only), a signed-in member (public + members-only) and an
Executive Committee member (everything here). The Executive Committee's meeting is called
"secret", its decision "zanzibarite"; the members-only ones "members" and "quillwort".
"""

from __future__ import annotations

import io

from django.urls import reverse

import pytest
from pypdf import PdfReader

from governance.coverage import coverage

from .conftest import days

pytestmark = pytest.mark.django_db

EXCOM_WORDS = ("secret", "zanzibarite")
MEMBER_WORDS = ("TWG data meeting, members", "quillwort")


@pytest.fixture(params=["anonymous", "member", "excom"])
def viewer(request, client, record, member, excom_member):
    user = {"anonymous": None, "member": member, "excom": excom_member}[request.param]
    if user is not None:
        client.force_login(user)
    return {
        "client": client,
        "user": user,
        "sees_members": user is not None,
        "sees_excom": request.param == "excom",
    }


def check(viewer, text: str) -> None:
    for word in EXCOM_WORDS:
        assert (word in text) == viewer["sees_excom"], word
    for word in MEMBER_WORDS:
        assert (word in text) == viewer["sees_members"], word


def test_meeting_list(viewer, record):
    html = viewer["client"].get(record.index.url).content.decode()
    assert ("Executive Committee meeting, secret" in html) == viewer["sees_excom"]
    assert ("next secret" in html) == viewer["sees_excom"]
    assert ("TWG data meeting, members" in html) == viewer["sees_members"]


def test_tracker_rows_and_counts(viewer, record):
    response = viewer["client"].get(reverse("decision_tracker"))
    html = response.content.decode()
    check(viewer, html)
    # Open decisions: the ExCom one and the members-only one count only for those who see them.
    expected_open = 1 * viewer["sees_excom"] + 1 * viewer["sees_members"]
    assert f"<li><strong>{expected_open}</strong>Open</li>" in html
    if viewer["user"] is not None:
        assert "private" in response["Cache-Control"]


def test_csv_export(viewer, record):
    body = viewer["client"].get(reverse("decision_csv")).content.decode("utf-8-sig")
    check(viewer, body.replace("Map hotlines", ""))


def test_calendar_feed(viewer, record):
    body = viewer["client"].get(reverse("meeting_calendar")).content.decode()
    assert ("next secret" in body) == viewer["sees_excom"]
    assert body.count("BEGIN:VEVENT") == 1 + viewer["sees_excom"]


def test_dashboard_counts(viewer, record):
    rows = {row.objective.number: row for row in coverage(viewer["user"])}
    assert rows[23].decisions == (1 if viewer["sees_excom"] else 0)
    assert rows[1].decisions == 1 + viewer["sees_members"]
    html = viewer["client"].get(reverse("gcm_coverage")).content.decode()
    assert "zanzibarite" not in html  # titles never appear there, only counts


def test_report_page_and_pdf(viewer, record):
    params = {"from": days(-60).isoformat(), "to": days(0).isoformat()}
    check(viewer, viewer["client"].get(reverse("periodic_report"), params).content.decode())
    pdf = viewer["client"].get(reverse("periodic_report_pdf"), params).content
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    check(viewer, " ".join(text.split()))


def test_restricted_meeting_page_itself(viewer, record):
    response = viewer["client"].get(record.excom_past.url)
    assert (response.status_code == 200) == viewer["sees_excom"]
    response = viewer["client"].get(record.excom_decision.url)
    assert (response.status_code == 200) == viewer["sees_excom"]
