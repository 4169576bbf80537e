"""The GCM coverage dashboard: counts per objective, an SVG heat map, gaps highlighted."""

from __future__ import annotations

from django.urls import reverse

import pytest

from governance.coverage import coverage, heat_map_svg, legend, shade

pytestmark = pytest.mark.django_db


def test_counts_per_objective_over_visible_records(record):
    rows = {row.objective.number: row for row in coverage(None)}
    assert len(rows) == 23
    assert rows[1].activities == 2 and rows[1].decisions == 1  # the members-only one is hidden
    assert rows[6].activities == 1 and rows[6].decisions == 0
    assert rows[23].decisions == 0  # Executive Committee only
    assert rows[14].no_activity and not rows[1].no_activity


def test_dashboard_draws_an_svg_heat_map_without_javascript(client, record):
    response = client.get(reverse("gcm_coverage"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and "<script" not in html.split("<main", 1)[1]
    assert html.count('<rect x="0"') == sum(1 for row in coverage(None) if row.no_activity)
    assert "no activity" in html
    assert "Objectives with no activity" in html


def test_shades_run_from_none_to_the_column_maximum():
    assert shade(0, 10) == 0
    assert shade(1, 10) == 1
    assert shade(10, 10) == 4
    assert shade(1, 1) == 4


def test_each_column_has_a_legend_with_the_numbers_each_shade_stands_for():
    assert [step.label for step in legend(13)] == ["0", "1–3", "4–6", "7–9", "10–13"]
    assert [step.label for step in legend(1)] == ["0", "1"]  # one decision is the darkest
    assert [step.label for step in legend(0)] == ["0"]


def test_labels_are_whole_short_titles_and_no_activity_says_what_it_means(client, record):
    rows = coverage(None)
    svg = heat_map_svg(rows)
    assert "…" not in svg  # no title cut mid-word
    assert "14. Consular protection" in svg and "23. International cooperation" in svg
    assert "no activity or decision" in svg
    html = client.get(reverse("gcm_coverage")).content.decode()
    assert 'aria-hidden="true"' in svg  # screen readers read the table instead
    assert '<th scope="row"><a href="/objectives/14/' in html
    assert "legend-step" in html
    for label in ("Resources", "Workplan activities", "Decisions"):
        assert f"<li><strong>{label}</strong>" in html
