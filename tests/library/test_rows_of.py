"""rows_of: a page of an ordered list read by ids first must be the very same page, in the same
order, as slicing the list itself (ties and undated resources included), in one query."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

import pytest

from library.browse import _order
from library.models import ResourcePage
from library.views import newest_first, rows_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(library):
    # Several on one day, several undated (they sort on the day they went online, then the id).
    dates = [datetime.date(2024, 1, 1)] * 4 + [None] * 3 + [datetime.date(2023, 6, 1)] * 2
    for index, date in enumerate(dates):
        title = f"Resource {index:02d} {'B' if index % 2 else 'a'}"
        page = ResourcePage(title=title, slug=slugify(title), summary="-", publication_date=date)
        library.add_child(instance=page)
    return ResourcePage.objects.live()


@pytest.mark.parametrize("sort", ["newest", "title"])
def test_every_window_is_the_same_rows_in_the_same_order(shelf, sort):
    ordered = newest_first(shelf) if sort == "newest" else _order(shelf, sort, None)
    expected = [page.pk for page in ordered]
    assert len(expected) == 9
    for start in range(0, 9):
        for size in (1, 2, 4):
            window = ordered.all()[start : start + size]
            with CaptureQueriesContext(connection) as queries:
                got = [page.pk for page in rows_of(window)]
            assert got == expected[start : start + size]
            assert len(queries) == 1


def test_the_window_keeps_its_prefetches(shelf):
    window = newest_first(shelf).prefetch_related("objectives")[:3]
    with CaptureQueriesContext(connection) as queries:
        pages = list(rows_of(window))
        for page in pages:
            list(page.objectives.all())
    assert len(queries) == 2  # the rows, then one prefetch for all three


def test_a_list_already_read_is_given_back(shelf):
    pages = list(newest_first(shelf)[:2])
    assert rows_of(pages) is pages
