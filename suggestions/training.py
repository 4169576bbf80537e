"""The library's tagged resources as a training set, and retraining the objective model."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db.models import Count

from library.documents import DocumentPageText
from library.pages import ResourcePage

from .gcm_text import headings
from .learning import MAX_CHARACTERS, MIN_RESOURCES, train
from .models import LibraryModel

logger = logging.getLogger(__name__)


def tagged_resources() -> tuple[list[str], list[set[int]]]:
    """(text, objective numbers) of every live resource an editor tagged."""
    pages = list(
        ResourcePage.objects.live()
        .annotate(tags=Count("objectives"))
        .filter(tags__gt=0)
        .prefetch_related("objectives", "attachments")
    )
    document_ids = {a.document_id for page in pages for a in page.attachments.all()}
    texts: dict[int, list[str]] = defaultdict(list)
    size: dict[int, int] = defaultdict(int)
    rows = (
        DocumentPageText.objects.filter(document_id__in=document_ids)
        .order_by("document_id", "number")
        .values_list("document_id", "text")
    )
    for document_id, text in rows.iterator():
        if size[document_id] < MAX_CHARACTERS:
            texts[document_id].append(text)
            size[document_id] += len(text)
    out_texts, out_labels = [], []
    for page in pages:
        parts = [page.title, page.summary]
        for attachment in page.attachments.all():
            parts.extend(texts.get(attachment.document_id, []))
        out_texts.append("\n".join(parts))
        out_labels.append({objective.number for objective in page.objectives.all()})
    return out_texts, out_labels


def retrain() -> LibraryModel | None:
    """Learn from the library as it is now; None (and nothing stored) while it is too small."""
    tagged = ResourcePage.objects.live().filter(objectives__isnull=False).distinct().count()
    if tagged < MIN_RESOURCES:
        return None
    texts, labels = tagged_resources()
    objectives, _principles = headings()
    learned = train(texts, labels, [item.number for item in objectives])
    if learned is None:
        return None
    record = LibraryModel.objects.create(
        resources=len(texts), objectives=sorted(learned.models), payload=learned.dumps()
    )
    # Keep the two newest: the one in use and its predecessor.
    stale = LibraryModel.objects.values_list("pk", flat=True)[2:]
    LibraryModel.objects.filter(pk__in=list(stale)).delete()
    logger.info("Objective model retrained on %s resources", len(texts))
    return record
