"""The "Related resources" of a resource page: editors' picks first, then the engine's.

Everything shown is loaded as live pages the viewer may see (library.access), whatever the index
says, so a page unpublished or restricted since it was indexed is never linked or named.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

MAX_RELATED = 6
# The engine is asked for a few more than needed: some ids may be dropped (stale, picked already).
_ENGINE_EXTRA = 6


def related_for(page, *, limit: int = MAX_RELATED, user=None) -> list:
    """Up to `limit` live ResourcePages the viewer may see: editors' picks in their order, then
    similar ones.

    Three queries at most (picks' order, picks, similar pages), however many items.
    """
    from search.backends import get_backend
    from search.related import similar_resources

    from .access import viewer_labels, visible_pages
    from .pages import ResourcePage

    visible = visible_pages(ResourcePage.objects.live(), user).exclude(pk=page.pk)
    related: list = []
    if page.pk:
        through = ResourcePage.related_resources.through
        pick_ids = list(
            through.objects.filter(from_resourcepage_id=page.pk)
            .order_by("id")
            .values_list("to_resourcepage_id", flat=True)
        )
        if pick_ids:
            picks = {p.pk: p for p in visible.filter(pk__in=pick_ids)}
            related = [picks[pk] for pk in dict.fromkeys(pick_ids) if pk in picks][:limit]
    if len(related) >= limit or not page.pk:
        return related
    try:
        ids = similar_resources(
            get_backend(), page.pk, size=limit + _ENGINE_EXTRA, access=viewer_labels(user)
        )
    except Exception:  # noqa: BLE001 - a misconfigured backend must not break the page
        logger.exception("No related resources from the engine for page %s", page.pk)
        return related
    seen = {p.pk for p in related} | {page.pk}
    ids = [rid for rid in dict.fromkeys(ids) if rid not in seen]
    if ids:
        found = {p.pk: p for p in visible.filter(pk__in=ids)}
        related += [found[rid] for rid in ids if rid in found][: limit - len(related)]
    return related
