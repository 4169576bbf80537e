"""Who may see what: Wagtail's page privacy turned into access labels, and the checks that use them.

A page's view restrictions (its own and its ancestors', all of which must pass, as Wagtail's
serving does) become one set of labels that may see it; a viewer's groups become the labels the
viewer holds. A viewer sees a record when the two sets meet: one `terms` clause in the index,
whatever the number of restricted pages or groups. Labels are resolved from the viewer's groups
at query time, so leaving a TWG takes effect on the next search without re-indexing.

Fail closed: a viewer with no labels holds only PUBLIC; a password restriction (which search
cannot check) leaves a page to superusers; two group restrictions on one chain leave it to the
groups named by both (stricter than serving, never looser).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from foundation.access_labels import EVERYTHING, MEMBERS, PUBLIC, group_label


def viewer_labels(user: object | None) -> tuple[str, ...]:
    """The labels a viewer holds, read from their groups now (never cached on the index)."""
    if (
        user is None
        or isinstance(user, AnonymousUser)
        or not getattr(user, "is_authenticated", False)
    ):
        return (PUBLIC,)
    if not getattr(user, "is_active", True):
        return (PUBLIC,)
    group_ids = sorted(user.groups.values_list("pk", flat=True))
    superuser = getattr(user, "is_superuser", False)
    if not group_ids and not superuser:
        return (PUBLIC,)
    labels = [PUBLIC, MEMBERS]
    if superuser:
        labels.append(EVERYTHING)
    labels += [group_label(gid) for gid in group_ids]
    return tuple(labels)


def labels_for_restrictions(restrictions: Iterable[BaseViewRestriction]) -> tuple[str, ...]:
    """The labels that may see something behind all these restrictions (none: public)."""
    allowed: set[str] | None = None  # None: no restriction met yet
    login_needed = False
    for restriction in restrictions:
        kind = restriction.restriction_type
        if kind == BaseViewRestriction.NONE:
            continue
        if kind == BaseViewRestriction.LOGIN:
            login_needed = True
            continue
        if kind == BaseViewRestriction.GROUPS:
            groups = {group_label(g.pk) for g in restriction.groups.all()}
            allowed = groups if allowed is None else allowed & groups
            continue
        # A shared password (or any kind unknown here): only superusers, in search and lists.
        allowed = set()
    if allowed is not None:
        labels = allowed
    elif login_needed:
        labels = {MEMBERS}
    else:
        labels = {PUBLIC}
    return tuple(sorted(labels | {EVERYTHING}))


def is_network_member(user: object | None) -> bool:
    """Signed in and admitted: in at least one group, or a superuser."""
    return MEMBERS in viewer_labels(user)


def page_restrictions(page: Page) -> list[PageViewRestriction]:
    """The page's own restrictions and its ancestors' (Wagtail's get_view_restrictions)."""
    return list(page.get_view_restrictions().prefetch_related("groups"))


def page_labels(page: Page) -> tuple[str, ...]:
    return labels_for_restrictions(page_restrictions(page))


def may_see(labels: Iterable[str], viewer: Iterable[str]) -> bool:
    return not set(labels).isdisjoint(viewer)


def can_view_page(user: object | None, page: Page) -> bool:
    return may_see(page_labels(page), viewer_labels(user))


def read_restrictions() -> list[PageViewRestriction]:
    """Every view restriction with its page and groups: what visible_pages reads."""
    return list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))


def visible_pages(
    queryset: QuerySet,
    user: object | None,
    restrictions: Iterable[PageViewRestriction] | None = None,
) -> QuerySet:
    """Narrow a page queryset to what this viewer may see (drafts are the caller's business).

    Reads the restrictions once (or takes them from read_restrictions(), when a request needs
    them for more than this); excludes the subtree of each restriction the viewer fails.
    """
    viewer = viewer_labels(user)
    if EVERYTHING in viewer:
        return queryset
    if restrictions is None:
        restrictions = read_restrictions()
    hidden = Q()
    for restriction in restrictions:
        if not may_see(labels_for_restrictions([restriction]), viewer):
            # The subtree, and aliases of pages in it (an alias has its source's privacy).
            path = restriction.page.path
            hidden |= Q(path__startswith=path) | Q(alias_of__path__startswith=path)
    return queryset.exclude(hidden) if hidden else queryset


# Functions naming the pages that hold a document (resources' attachments, meetings' minutes): a
# file is downloadable only by someone who may see one of them (hub.security.may_download).
_DOCUMENT_HOLDERS: list[Callable[[object], QuerySet]] = []


def register_document_holder(holders: Callable[[object], QuerySet]) -> None:
    if holders not in _DOCUMENT_HOLDERS:
        _DOCUMENT_HOLDERS.append(holders)


def document_holders() -> list[Callable[[object], QuerySet]]:
    return list(_DOCUMENT_HOLDERS)
