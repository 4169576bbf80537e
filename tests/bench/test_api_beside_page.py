"""bench.api_beside_page: the API and the search page asked the same mix, both answered."""

from __future__ import annotations

import math

import pytest

from bench.api_beside_page import api_beside_page
from bench.report import figures, markdown, verdicts

from .test_report import _results

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("search_backend", ["embedded"], indirect=True)
def test_both_are_asked_the_whole_mix(taxonomy, search_backend, library, settings):
    from library.pages import ResourcePage
    from search.indexing import sync_resources

    settings.HUB_API_RATE_LIMIT = 0
    page = ResourcePage(title="Migration and remittances", slug="m", summary="Migration.")
    library.add_child(instance=page)
    page.save_revision().publish()
    sync_resources([page.pk])
    result = api_beside_page({"reps": 1, "deep_page": 2})
    assert result["search_page"]["n"] == result["api"]["n"] == result["queries"] == 17
    assert set(result["statuses"]) <= {200, 404}  # deep pages of a tiny library: past the end
    assert result["api_p95_ratio"] > 0 and not math.isnan(result["api_p95_ratio"])


def test_the_report_shows_the_ratio_beside_the_targets():
    results = _results(es_p95=80.0)
    results["elasticsearch"]["100"]["api"] = {
        "reps": 3,
        "search_page": {"p50": 20.0, "p95": 40.0},
        "api": {"p50": 18.0, "p95": 38.0},
        "api_p95_ratio": 0.95,
    }
    assert figures(results)["api_p95_ratio"] == 0.95
    text = markdown({**results, "verdicts": verdicts(results)})
    assert "ratio of p95s **0.95**" in text
    assert "JSON API search p95 / search page p95" in text
