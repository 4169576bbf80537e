"""Promoted results: resources editors pin to the top of page 1 for an exact query."""

from __future__ import annotations

from library.access import visible_pages
from library.models import ResourcePage

from .models import PromotedResult, normalise_query


def promoted_pages(raw_query: str, user=None) -> list[tuple[ResourcePage, str]]:
    """(page, note) pinned to this query, in sort order: live pages this viewer may see."""
    query = normalise_query(raw_query)
    if not query:
        return []
    promotions = list(PromotedResult.objects.filter(query=query[:255]).order_by("sort_order", "id"))
    if not promotions:
        return []
    pages = visible_pages(ResourcePage.objects.live(), user).in_bulk(
        [promotion.page_id for promotion in promotions]
    )
    seen: set[int] = set()
    found = []
    for promotion in promotions:
        page = pages.get(promotion.page_id)
        if page is None or page.pk in seen:
            continue
        seen.add(page.pk)
        found.append((page, promotion.note))
    return found
