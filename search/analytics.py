"""Recording searches and result clicks, anonymously; analytics must never break search."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.core import signing
from django.db import DatabaseError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .contract import SearchRequest, SearchResults
from .models import SearchClick, SearchEvent, normalise_query

logger = logging.getLogger(__name__)

# Readers' user agents that name themselves as robots are not counted.
BOT_MARKERS = ("bot", "crawler", "spider")
_SALT = "hub_search.click"


def is_bot(request: HttpRequest) -> bool:
    agent = request.headers.get("user-agent", "").lower()
    return any(marker in agent for marker in BOT_MARKERS)


def record_search(
    request: HttpRequest, search_request: SearchRequest, results: SearchResults
) -> int | None:
    """Log one shown results page; the event id, or None when skipped or the database failed.

    Nothing about the reader is kept: `request` is only read to skip self-declared robots.
    """
    try:
        query = normalise_query(search_request.query.raw)
        if not query or search_request.query.is_empty or is_bot(request):
            return None
        filters = {name: list(values) for name, values in search_request.filters.items()}
        event = SearchEvent.objects.create(
            query=query,
            filters=filters,
            total=results.total,
            page=results.page,
            page_size=results.page_size,
        )
        return event.pk
    except (DatabaseError, ValueError, TypeError, AttributeError) as error:
        logger.warning("Search analytics: could not record a search: %r", error)
        return None


def is_safe_local_path(to: str) -> bool:
    """A path on this site: "/..." but not "//host" or "/\\host", no scheme, no control chars."""
    if not isinstance(to, str) or not to.startswith("/") or to.startswith(("//", "/\\")):
        return False
    if any(ord(char) < 32 or ord(char) == 127 for char in to):
        return False
    return url_has_allowed_host_and_scheme(to, allowed_hosts=set())


def _signed_value(event_id: int, resource_id: int, position: int, to: str) -> str:
    return f"{event_id}:{resource_id}:{position}:{to}"


def click_url(event_id: int, resource_id: int, position: int, target_url: str) -> str:
    """The tracked address of a result: /search/click?e=&r=&p=&to=&s= (s signs all four)."""
    signature = signing.Signer(salt=_SALT).signature(
        _signed_value(event_id, resource_id, position, target_url)
    )
    params = {"e": event_id, "r": resource_id, "p": position, "to": target_url, "s": signature}
    return f"{reverse('search_click')}?{urlencode(params)}"


def verify_click(params) -> tuple[int, int, int, str] | None:
    """(event id, resource id, position, to) when the signature holds, else None."""
    values = [params.get(name, "") for name in ("e", "r", "p", "to", "s")]
    event, resource, position, to, signature = values
    if not all(v.isdigit() and len(v) <= 18 for v in (event, resource, position)):
        return None
    value = _signed_value(int(event), int(resource), int(position), to)
    try:
        signing.Signer(salt=_SALT).unsign(f"{value}:{signature}")
    except signing.BadSignature:
        return None
    return int(event), int(resource), int(position), to


def record_click(event_id: int, resource_id: int, position: int) -> bool:
    try:
        if not SearchEvent.objects.filter(pk=event_id).exists():
            return False
        SearchClick.objects.create(event_id=event_id, resource_id=resource_id, position=position)
        return True
    except (DatabaseError, ValueError) as error:
        logger.warning("Search analytics: could not record a click: %r", error)
        return False


def track_search(
    request: HttpRequest, search_request: SearchRequest, results: SearchResults, rows: list[dict]
) -> int | None:
    """Record the search and give each row a signed `click_url` to its page; never raises.

    A row whose page has no local URL keeps no click_url, and the template links it directly.
    """
    event_id = record_search(request, search_request, results)
    if event_id is None:
        return None
    try:
        ranks = {hit.resource_id: index for index, hit in enumerate(results.hits)}
        first = (results.page - 1) * results.page_size
        for row in rows:
            target = row["page"].get_url(request)
            index = ranks.get(row["hit"].resource_id)
            if target and index is not None and is_safe_local_path(target):
                position = first + index + 1
                row["click_url"] = click_url(event_id, row["hit"].resource_id, position, target)
    except Exception as error:  # noqa: BLE001 - analytics must never break the search page
        logger.warning("Search analytics: could not build click links: %r", error)
    return event_id
