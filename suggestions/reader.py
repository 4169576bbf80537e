"""The hub's reading of a stored document: suggestions, near-duplicates and facts, kept in
``DocumentReading``. Called by the worker after the text is stored (``suggestions.tasks``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache

from django.db import DatabaseError, transaction
from django.db.models import F, Max

from library.documents import ExtractionStatus, HubDocument

from . import likeness
from .facts import read_facts
from .learning import LearnedObjectives
from .models import DocumentReading, LibraryModel, SignatureBand
from .ranking import Ranking, no_text, rank_pages

logger = logging.getLogger(__name__)

#: Most candidates a check compares (a boilerplate-heavy library can share many bands).
MAX_CANDIDATES = 200


@lru_cache(maxsize=2)
def _load_model(pk: int) -> LearnedObjectives | None:
    payload = LibraryModel.objects.filter(pk=pk).values_list("payload", flat=True).first()
    if payload is None:
        return None
    try:
        return LearnedObjectives.loads(bytes(payload))
    except Exception:  # a model from an older version of the code: the text alone will do
        logger.warning("Library model %s could not be loaded; using the objective text", pk)
        return None


def current_model() -> LearnedObjectives | None:
    """The newest model learned from the library, or None before there is one."""
    try:
        pk = LibraryModel.objects.aggregate(newest=Max("pk"))["newest"]
    except DatabaseError:  # a database not migrated yet: the objective text alone
        return None
    return _load_model(pk) if pk else None


def rank_document(document: HubDocument) -> Ranking:
    """The ranking for a stored document (the same code the command uses for a file)."""
    if document.extraction_status != ExtractionStatus.EXTRACTED:
        return no_text(document.status_message, document.language)
    return rank_pages(document.page_texts(), document.language, learned=current_model())


def find_likenesses(
    fingerprint: likeness.Fingerprint, language: str, *, exclude_document: int | None = None
) -> list[likeness.Likeness]:
    """The library's documents like this fingerprint: one indexed query, then the candidates'
    signatures compared."""
    keys = fingerprint.text_keys() + fingerprint.figure_keys()
    if not keys:
        return []
    candidates = SignatureBand.objects.filter(key__in=keys)
    if exclude_document is not None:
        candidates = candidates.exclude(reading__document_id=exclude_document)
    ids = list(candidates.values_list("reading_id", flat=True).distinct()[:MAX_CANDIDATES])
    found = []
    for row in DocumentReading.objects.filter(pk__in=ids).values(
        "document_id", "language", "shingles", "signature", "figures", "figure_signature"
    ):
        other = likeness.Fingerprint(
            likeness.from_bytes(row["signature"]),
            row["shingles"],
            likeness.from_bytes(row["figure_signature"]),
            row["figures"],
        )
        same_language = not language or not row["language"] or language == row["language"]
        judged = likeness.judge(fingerprint, row["document_id"], other, same_language=same_language)
        if judged is not None:
            found.append(judged)
    return likeness.rank(found)


def waiting_documents() -> Iterator[HubDocument]:
    """The documents whose stored text has no reading yet, or one made from an older file,
    oldest first (so that a copy uploaded after its original finds it)."""
    ids = list(
        HubDocument.objects.exclude(extracted_hash="")
        .exclude(extraction_status=ExtractionStatus.PENDING)
        .exclude(reading__read_hash=F("extracted_hash"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for pk in ids:
        document = HubDocument.objects.filter(pk=pk).first()
        if document is not None:  # deleted meanwhile
            yield document


@transaction.atomic
def read_with_editor(document: HubDocument) -> DocumentReading:
    """Suggest objectives for the document, find what it looks like, and read its facts."""
    pages = (
        document.page_texts() if document.extraction_status == ExtractionStatus.EXTRACTED else []
    )
    text = "\n".join(text for _n, text in pages)
    fingerprint = likeness.fingerprint(text)
    found = find_likenesses(fingerprint, document.language, exclude_document=document.pk)
    reading, _created = DocumentReading.objects.update_or_create(
        document=document,
        defaults={
            "read_hash": document.extracted_hash,
            "language": document.language,
            "ranking": rank_document(document).as_dict(),
            "likenesses": [
                {
                    "document_id": f.document_id,
                    "kind": f.kind,
                    "similarity": f.similarity,
                    "contained": f.contained,
                    "percent": f.percent,
                }
                for f in found
            ],
            "facts": read_facts(
                document.metadata or {},
                pages[0][1] if pages else "",
                document.page_count,
                document.language,
            ),
            "shingles": fingerprint.shingles,
            "signature": likeness.to_bytes(fingerprint.signature),
            "figures": fingerprint.figures,
            "figure_signature": likeness.to_bytes(fingerprint.figure_signature),
        },
    )
    reading.bands.all().delete()
    SignatureBand.objects.bulk_create(
        SignatureBand(reading=reading, key=key)
        for key in fingerprint.text_keys() + fingerprint.figure_keys()
    )
    return reading
