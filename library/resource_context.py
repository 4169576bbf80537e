"""What a resource page shows beyond its own fields, read in a number of queries that does not grow
with what it shows (tests/library/test_query_counts.py).

The view restrictions are read once, for both checks that need them: Wagtail's `public()` on the
page's newer editions and translations (the same links for every viewer) and the viewer's own
check on related resources (library.access). Newer editions and translations come in one query;
attached files come with their documents and languages; translations with their languages.
Related resources are asked of the search engine as soon as the page is known to answer the
request (start_resource_context, from ResourcePage.route) and read last, at the end of the
template (library.related): the engine works while the page is checked, read and rendered. The
restrictions are read after the engine is asked, when first needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from django.conf import settings
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from wagtail.models import Page, PageViewRestriction

from .access import read_restrictions
from .attachments import ResourceAttachment
from .related import LISTED_FIELDS, related_later


def public_versions(
    page: Page, restrictions: Iterable[PageViewRestriction]
) -> tuple[list[Page], list[Page]]:
    """The page's newer editions and its translations, each as
    `page.newer_editions.live().public()` and `page.translations.live().public()` list them
    (in tree order), from one query."""
    if page.pk is None:
        return [], []
    # The page's own model (ResourcePage, whose serving calls this module: not imported here).
    versions = type(page).objects.live()
    # Wagtail's PageQuerySet.private_q over restrictions already read: every restricted
    # section, the restricted page included, is left out.
    private = Q()
    for restriction in restrictions:
        private |= versions.descendant_of_q(restriction.page, inclusive=True)
    if private:
        versions = versions.exclude(private)
    # Only what the links show and the split below reads (as library.related lists pages).
    found = list(
        versions.filter(Q(new_edition_of=page) | Q(translation_of=page))
        .order_by("path")
        .only(*LISTED_FIELDS, "new_edition_of", "translation_of")
    )
    newer = [version for version in found if version.new_edition_of_id == page.pk]
    translations = [version for version in found if version.translation_of_id == page.pk]
    # Each translation names its languages: one query for all of them.
    prefetch_related_objects(translations, "languages")
    return newer, translations


# Where start_resource_context leaves its work on the page, for resource_context to finish.
_STARTED = "_resource_context_started"


class _Started(NamedTuple):
    request: HttpRequest
    restrictions: Sequence[PageViewRestriction]
    related: Callable[[], list]


def _start(page: Page, request: HttpRequest) -> _Started:
    # Read at their first use, which comes after the engine is asked (library.related).
    restrictions = SimpleLazyObject(read_restrictions)
    related = related_later(page, user=getattr(request, "user", None), restrictions=restrictions)
    return _Started(request, restrictions, related)


def start_resource_context(page: Page, request: HttpRequest) -> None:
    """Start what takes longest, asking the search engine for related resources, once routing
    has found that this page answers the request: the engine then works while Wagtail checks the
    page's view restrictions and serves it. Should the viewer be turned away, the answer is
    never read (and it was asked with the viewer's own access labels)."""
    setattr(page, _STARTED, _start(page, request))


def resource_context(page: Page, request: HttpRequest) -> dict:
    """The template's variables besides `page`: newer editions, translations, related resources.

    Related resources are started first (or were, by start_resource_context, for this same
    request) and finished when the template reads them, at the end of the page, so the search
    engine answers while the rest is read and rendered. The page's attachments are prefetched
    with their documents and languages, except in a preview, where they are the editor's unsaved
    ones, held on the page itself.
    """
    started = page.__dict__.pop(_STARTED, None)
    if started is None or started.request is not request:  # a preview is served without routing
        started = _start(page, request)
    if page.pk is not None and not getattr(request, "is_preview", False):
        prefetch_related_objects(
            [page],
            Prefetch(
                "attachments",
                queryset=ResourceAttachment.objects.select_related("document", "language"),
            ),
        )
    newer, translations = public_versions(page, started.restrictions)
    return {
        "newer_editions": newer,
        "translations": translations,
        "related": SimpleLazyObject(started.related),
        # Past this many pages a file's words are not searchable (search.records).
        "searchable_pages": settings.HUB_SEARCH_MAX_PAGES_PER_FILE,
    }
