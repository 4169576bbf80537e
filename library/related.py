"""The "Related resources" of a resource page: editors' picks first, then the engine's.

Everything shown is loaded as live pages the viewer may see (library.access), whatever the index
says, so a page unpublished or restricted since it was indexed is never linked or named.

related_later starts the work and returns a function that finishes it: the engine is asked at the
start (through the function the search app registers, use_engine) and its answer is read at the
end, so the page can build everything else while the engine works. The engine is not asked at all when the editors'
picks fill the list: its answer would not be shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

logger = logging.getLogger(__name__)

MAX_RELATED = 6
# The engine is asked for a few more than needed: some ids may be dropped (stale, picked already).
_ENGINE_EXTRA = 6
# What the list shows (templates/library/resource_page.html) and what its links are made of
# (Page.get_url): only these are read, not the bodies and the forty other columns of a page.
LISTED_FIELDS = ("title", "url_path", "resource_type", "publication_date", "first_published_at")


def _nothing() -> list:
    return []


def related_for(page, *, limit: int = MAX_RELATED, user=None, restrictions=None) -> list:
    """Up to `limit` live ResourcePages the viewer may see: editors' picks first (in the order
    they were stored), then similar ones.

    Three queries at most (picks' order, picks, similar pages), however many items, and one more
    for the view restrictions unless the caller has read them (library.access.read_restrictions).
    """
    return related_later(page, limit=limit, user=user, restrictions=restrictions)()


# Asks the search engine for similar resources: (resource id, how many, viewer's labels) to a
# function answering their ids. Registered by the search app at start-up (SearchConfig.ready):
# the library sits below search and never imports it.
SimilarLater = Callable[[int, int, tuple[str, ...]], Callable[[], list[int]]]
_engine: SimilarLater | None = None


def use_engine(similar_later: SimilarLater) -> None:
    """Let resource pages ask `similar_later` for similar resources."""
    global _engine
    _engine = similar_later


def _ask_engine(page, size: int, user) -> Callable[[], list[int]]:
    from .access import viewer_labels

    if _engine is None:  # no search app installed: editors' picks only
        return _nothing
    try:
        return _engine(page.pk, size, viewer_labels(user))
    except Exception:  # noqa: BLE001 - a misconfigured backend must not break the page
        logger.exception("No related resources from the engine for page %s", page.pk)
        return _nothing


def related_later(
    page, *, limit: int = MAX_RELATED, user=None, restrictions: Iterable | None = None
) -> Callable[[], list]:
    """related_for in two steps: the picks are read and the engine is asked now; the returned
    function waits for the engine's answer and loads the similar pages.

    `restrictions` is only iterated when pages are loaded (after the engine is asked): a caller
    may pass a lazy sequence that reads them then."""
    from .access import visible_pages

    if not page.pk:
        return _nothing
    # The page's own model (ResourcePage, whose context calls this module: not imported here).
    resources = type(page)
    through = resources.related_resources.through
    pick_ids = list(
        dict.fromkeys(
            through.objects.filter(from_resourcepage_id=page.pk)
            .order_by("id")
            .values_list("to_resourcepage_id", flat=True)
        )
    )
    # Fewer picks than places: whichever of them the viewer may see, the engine's answer will be
    # read, so it is asked now and works while the picks and the rest of the page are read.
    answer = _ask_engine(page, limit + _ENGINE_EXTRA, user) if len(pick_ids) < limit else None
    visible = (
        visible_pages(resources.objects.live(), user, restrictions)
        .exclude(pk=page.pk)
        .only(*LISTED_FIELDS)
    )
    related: list = []
    if pick_ids:
        picks = {p.pk: p for p in visible.filter(pk__in=pick_ids)}
        related = [picks[pk] for pk in pick_ids if pk in picks][:limit]
    if len(related) >= limit:
        return lambda: related
    if answer is None:  # enough picks, but some of them hidden from this viewer
        answer = _ask_engine(page, limit + _ENGINE_EXTRA, user)

    def finish() -> list:
        seen = {p.pk for p in related} | {page.pk}
        ids = [rid for rid in dict.fromkeys(answer()) if rid not in seen]
        if not ids:
            return related
        found = {p.pk: p for p in visible.filter(pk__in=ids)}
        return related + [found[rid] for rid in ids if rid in found][: limit - len(related)]

    return finish
