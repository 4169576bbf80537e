"""The periodic report: a printable page and a PDF, validated periods, "nothing recorded"."""

from __future__ import annotations

import io

from django.urls import reverse

import pytest
from pypdf import PdfReader

from .conftest import days

pytestmark = pytest.mark.django_db


def report(client, start, end, name="periodic_report"):
    return client.get(reverse(name), {"from": start, "to": end})


def test_report_summarises_the_period(client, record):
    html = report(client, days(-60).isoformat(), days(0).isoformat()).content.decode()
    assert "Network quarterly meeting, public" in html
    assert "Publish the migration profile" in html and "Draft shared." in html
    assert f"Workplan {days(0).year}" in html
    assert "Meetings held" in html and "Workplan progress" in html


def test_empty_period_says_nothing_recorded(client, record):
    html = report(client, "2001-01-01", "2001-12-31").content.decode()
    assert html.count("Nothing recorded for this period.") == 5


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-13-01", "2026-12-31", "Enter a valid date"),
        ("yesterday", "", "This field is required"),
        ("2026-06-01", "2026-01-01", "must not be before its start"),
        ("2000-01-01", "2026-01-01", "at most five years"),
    ],
)
def test_bad_periods_are_form_errors(client, record, start, end, message):
    for name in ("periodic_report", "periodic_report_pdf"):
        response = report(client, start, end, name)
        assert response.status_code == 400
        assert message in response.content.decode()


def test_pdf_download_holds_the_report(client, record):
    response = report(client, days(-60).isoformat(), days(0).isoformat(), "periodic_report_pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Meetings held" in text and "Publish the migration profile" in text
    assert "zanzibarite" not in text


def test_pdf_of_an_empty_period_says_nothing_recorded(client, record):
    response = report(client, "2001-01-01", "2001-03-31", "periodic_report_pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert text.count("Nothing recorded for this period.") == 5
