"""When each live resource became visible to each access label: what "new since the last digest" means.

A digest lists what became visible *to its subscriber* since the last one: a resource just
published, and also an older one just shared with the subscriber's group. Publication dates
cannot say the second, so before each run the ledger is brought in step with the database: every
(live resource, access label) pair gets the time it was first seen, pairs that no longer hold are
dropped. For a subscriber holding labels L, a resource became visible at the earliest time of its
pairs whose label is in L.
"""

from __future__ import annotations

import datetime

from django.db.models import Min
from django.utils import timezone

from library.access import labels_for_restrictions, read_restrictions
from library.pages import ResourcePage

from .models import VisibilityEntry

BATCH = 2000


def current_pairs() -> dict[tuple[int, str], datetime.datetime | None]:
    """Every (live resource id, label) pair the database allows now, with its first publication."""
    restrictions = read_restrictions()
    labels_by_chain: dict[tuple[int, ...], tuple[str, ...]] = {}
    pairs: dict[tuple[int, str], datetime.datetime | None] = {}
    rows = (
        ResourcePage.objects.live()
        .filter(alias_of__isnull=True)
        .values_list("pk", "path", "first_published_at")
    )
    for pk, path, first_published_at in rows.iterator(chunk_size=BATCH):
        chain = [r for r in restrictions if path.startswith(r.page.path)]
        key = tuple(r.pk for r in chain)
        if key not in labels_by_chain:
            labels_by_chain[key] = labels_for_restrictions(chain)
        for label in labels_by_chain[key]:
            pairs[(pk, label)] = first_published_at
    return pairs


def refresh(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Bring the ledger in step with the database; returns (pairs added, pairs dropped).

    The first fill dates each pair from the page's first publication, so existing material is
    not announced as new; later pairs are dated now.
    """
    now = now or timezone.now()
    pairs = current_pairs()
    known = {
        (page_id, label): pk
        for pk, page_id, label in VisibilityEntry.objects.values_list("pk", "page_id", "label")
    }
    first_fill = not known
    added = [
        VisibilityEntry(
            page_id=page_id,
            label=label,
            since=min(first_published or now, now) if first_fill else now,
        )
        for (page_id, label), first_published in pairs.items()
        if (page_id, label) not in known
    ]
    VisibilityEntry.objects.bulk_create(added, batch_size=BATCH, ignore_conflicts=True)
    gone = [pk for pair, pk in known.items() if pair not in pairs]
    for start in range(0, len(gone), BATCH):
        VisibilityEntry.objects.filter(pk__in=gone[start : start + BATCH]).delete()
    return len(added), len(gone)


def became_visible(
    labels: tuple[str, ...], after: datetime.datetime, until: datetime.datetime
) -> dict[int, datetime.datetime]:
    """Resource id -> when it became visible to holders of `labels`, for those in (after, until]."""
    touched = (
        VisibilityEntry.objects.filter(label__in=labels, since__gt=after, since__lte=until)
        .values("page_id")
        .distinct()
    )
    rows = (
        VisibilityEntry.objects.filter(label__in=labels, page_id__in=touched)
        .values("page_id")
        .annotate(first=Min("since"))
    )
    return {row["page_id"]: row["first"] for row in rows if after < row["first"] <= until}
