"""Which of the resources new to a subscriber an alert's saved search finds, with its highlights.

Saved words go through search's public contract (the same parsing, synonyms, engine and access
labels as the search page), so a digest finds what the search page would. The contract has no
"these ids only" filter, so the engine is asked for the newest first and the walk stops as soon
as every new resource is found or the hits have become older than the oldest new one (narrowed
first to the new resources' publication years). A filter-only alert (an objective's,
organisation's or TWG's page) and a collection's alert are answered by the database: the engine
needs words.
"""

from __future__ import annotations

import datetime
import json
import logging
from dataclasses import dataclass, replace

from library.browse import facet_specs
from library.collections import CollectionEntry
from library.pages import ResourcePage
from search.backends import get_backend
from search.contract import FACETS, MAX_PAGE_SIZE, Hit, SearchRequest
from search.query import InvalidQuery, parse_query
from search.synonyms import with_synonyms

from .models import Alert

logger = logging.getLogger(__name__)

# The most result pages (of MAX_PAGE_SIZE hits) one alert may walk in one run.
MAX_PAGES = 20


@dataclass
class Found:
    """A new resource an alert found; `hit` holds the engine's highlights when words were saved."""

    resource_id: int
    hit: Hit | None = None


def clean_filters(filters: dict) -> dict[str, tuple[str, ...]]:
    """The stored filters a SearchRequest accepts (unknown facets dropped, values as strings)."""
    return {
        name: tuple(str(v) for v in values)
        for name, values in (filters or {}).items()
        if name in FACETS and isinstance(values, list | tuple) and values
    }


def record_dates(ids) -> dict[int, datetime.date | None]:
    """The date the index sorts each resource by: publication date, else first publication."""
    dates = {}
    for pk, published, first in ResourcePage.objects.filter(pk__in=list(ids)).values_list(
        "pk", "publication_date", "first_published_at"
    ):
        dates[pk] = published or (first.date() if first else None)
    return dates


def find_new(
    alert: Alert,
    new_ids: set[int],
    access: tuple[str, ...],
    dates: dict[int, datetime.date | None] | None = None,
    memo: dict | None = None,
) -> list[Found]:
    """The resources among `new_ids` that the alert's search finds for a viewer holding `access`.

    Access here is the engine's (labels); the caller checks the database again before sending.
    `memo` (one per run) shares the answer between alerts saving the same search for the same
    labels and the same new resources: many subscribers follow the same objective or words.
    """
    if not new_ids:
        return []
    if memo is not None:
        key = (
            alert.query.strip(),
            json.dumps(alert.filters or {}, sort_keys=True),
            alert.collection_id,
            access,
            frozenset(new_ids),
        )
        if key not in memo:
            memo[key] = find_new(alert, new_ids, access, dates)
        return memo[key]
    if alert.collection_id:
        in_collection = CollectionEntry.objects.filter(
            collection_id=alert.collection_id,
            collection__live=True,
            resource_id__in=list(new_ids),
        ).values_list("resource_id", flat=True)
        return [Found(pk) for pk in sorted(set(in_collection))]
    filters = clean_filters(alert.filters)
    if not alert.query.strip():
        return _by_filters(filters, new_ids)
    try:
        query = with_synonyms(parse_query(alert.query))
    except InvalidQuery:
        logger.warning("Alert %s has words no search accepts; skipped", alert.pk)
        return []
    if query.is_empty:
        return _by_filters(filters, new_ids)
    if dates is None:
        dates = record_dates(new_ids)
    return _walk(SearchRequest(query=query, filters=filters, access=access), new_ids, dates)


def _by_filters(filters: dict[str, tuple[str, ...]], new_ids: set[int]) -> list[Found]:
    queryset = ResourcePage.objects.filter(pk__in=list(new_ids))
    for spec in facet_specs():
        if spec.name in filters:
            queryset = queryset.filter(spec.filter(list(filters[spec.name])))
    return [Found(pk) for pk in sorted(queryset.values_list("pk", flat=True))]


def _date_of(resource_id: int, dates: dict[int, datetime.date | None]) -> datetime.date | None:
    """A hit's date: from the new resources' dates when it is one, else from the database."""
    if resource_id not in dates:
        dates.update(record_dates([resource_id]))
    return dates.get(resource_id)


def _walk(
    request: SearchRequest, new_ids: set[int], dates: dict[int, datetime.date | None]
) -> list[Found]:
    wanted = {pk: dates.get(pk) for pk in new_ids}
    dated = [day for day in wanted.values() if day is not None]
    undated = any(day is None for day in wanted.values())
    filters = dict(request.filters)
    if not undated:
        # Every new resource has a year: only those years can hold them.
        years = {str(day.year) for day in dated}
        if "year" in filters:
            years &= set(filters["year"])
        if not years:
            return []
        filters["year"] = tuple(sorted(years))
    request = replace(request, filters=filters, sort="newest", page_size=MAX_PAGE_SIZE, page=1)
    oldest_new = min(dated) if dated else None
    found: dict[int, Hit] = {}
    backend = get_backend()
    page, last_page, asked = 1, None, 0

    def ask(number: int) -> list[Hit]:
        nonlocal last_page, asked
        asked += 1
        results = backend.search(replace(request, page=number))
        last_page = results.page_count
        for hit in results.hits:
            if hit.resource_id in wanted and hit.resource_id not in found:
                found[hit.resource_id] = hit
        return results.hits

    # Newest first: dated resources, newest to oldest, then the undated ones at the end.
    forward_end = 0
    while asked < MAX_PAGES and len(found) < len(wanted):
        hits = ask(page)
        forward_end = page
        if not hits or page >= (last_page or 0):
            break
        tail = _date_of(hits[-1].resource_id, dates)
        if oldest_new is not None and tail is not None and tail < oldest_new:
            break  # past the oldest new dated resource
        if oldest_new is None and tail is not None:
            break  # only undated ones are wanted: they are at the end
        page += 1
    # Undated new resources sit at the end: walk back from the last page.
    page = last_page or 0
    missing_undated = [pk for pk, day in wanted.items() if day is None and pk not in found]
    while missing_undated and asked < MAX_PAGES and page > forward_end:
        hits = ask(page)
        missing_undated = [pk for pk in missing_undated if pk not in found]
        if not hits or _date_of(hits[0].resource_id, dates) is not None:
            break
        page -= 1
    if asked >= MAX_PAGES and len(found) < len(wanted):
        logger.info("Alert search stopped after %s pages of results", asked)
    return [Found(pk, hit) for pk, hit in found.items()]
