"""The decision tracker: filters, overdue items standing out, and a CSV with the same rows."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

import pytest

from .conftest import add_decision

pytestmark = pytest.mark.django_db


def tracker(client, **params):
    return client.get(reverse("decision_tracker"), params)


def csv_rows(client, **params) -> list[dict]:
    response = client.get(reverse("decision_csv"), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_tracker_filters_by_status(client, record):
    html = tracker(client, status="done").content.decode()
    assert "Map hotlines" in html and "Publish the migration profile" not in html


def test_tracker_filters_by_organisation_and_objective(client, record):
    html = tracker(client, organisation="unicef").content.decode()
    assert "Map hotlines" in html and "Publish the migration profile" not in html
    html = tracker(client, objective="1").content.decode()
    assert "Publish the migration profile" in html and "Map hotlines" not in html


def test_overdue_filter_and_overdue_rows_stand_out(client, record):
    html = tracker(client, overdue="on").content.decode()
    assert "Publish the migration profile" in html and "Map hotlines" not in html
    assert '<tr class="overdue">' in html and "Overdue" in html


def test_bad_filter_values_get_a_message_not_a_500(client, record):
    response = tracker(client, status="finished", objective="99", organisation="nobody")
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
    assert client.get(reverse("decision_csv"), {"objective": "x"}).status_code == 400


def test_csv_has_the_same_rows_as_the_filtered_page(client, record):
    rows = csv_rows(client, status="in-progress")
    assert [row["Decision"] for row in rows] == ["Publish the migration profile"]
    row = rows[0]
    assert row["Overdue"] == "yes" and row["Responsible organisations"] == "IOM"
    assert row["Meeting"] == record.public_past.title
    assert row["Latest update note"] == "Draft shared."
    assert row["Address"].startswith("http://") and row["Address"].endswith(
        record.public_decision.url
    )


def test_csv_neutralises_spreadsheet_formulas(client, record):
    add_decision(record.public_past, "=HYPERLINK(evil)", text="+1 formula")
    rows = csv_rows(client)
    evil = next(row for row in rows if "HYPERLINK" in row["Decision"])
    assert evil["Decision"].startswith("'=") and evil["Text"].startswith("'+")


def test_tracker_queries_do_not_grow_with_the_number_of_decisions(client, record):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert tracker(client).status_code == 200
        return len(captured)

    queries()  # the first request also fills per-process caches (site root paths)
    before = queries()
    for number in range(5):
        add_decision(
            record.public_past,
            f"Extra decision {number}",
            objectives=[record.public_decision.objectives.first()],
            organisations=[record.public_decision.responsible_organisations.first()],
            updates=[(record.public_past.date, "in-progress", "Started")],
        )
    assert queries() == before
