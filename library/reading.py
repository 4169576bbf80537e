"""Reading a stored document's text in the worker and keeping the outcome on the document."""

from __future__ import annotations

import logging
import os
import re
import tempfile

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .documents import DocumentPageText, ExtractionStatus, HubDocument
from .extraction import Extraction, extract_file

logger = logging.getLogger(__name__)


def _local_path(document: HubDocument) -> tuple[str, bool]:
    """A path the child process can open; remote storage is copied to a temporary file."""
    try:
        return document.file.path, False
    except NotImplementedError:
        with document.open_file() as source, tempfile.NamedTemporaryFile(delete=False) as copy:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                copy.write(chunk)
        return copy.name, True


def read_document(document_id: int, *, force: bool = False) -> HubDocument | None:
    """Extract the document's text (unless its file is unchanged) and store it page by page."""
    document = HubDocument.objects.filter(pk=document_id).first()
    if document is None:  # deleted meanwhile: nothing to do
        return None
    file_hash = document.get_file_hash()
    if not force and file_hash == document.extracted_hash:
        return document
    path, temporary = _local_path(document)
    try:
        extraction = extract_file(
            path,
            timeout_seconds=settings.HUB_EXTRACTION_TIMEOUT_SECONDS,
            memory_mb=settings.HUB_EXTRACTION_MEMORY_MB,
        )
    finally:
        if temporary:
            os.unlink(path)
    store_extraction(document, extraction, file_hash)
    return document


_JUNK_TITLES = frozenset({"untitled", "microsoft word", "document", "title", "slide 1"})
_WORD_PREFIX = re.compile(r"^microsoft (?:word|powerpoint) - ", re.I)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[_\-.]+", " ", text).lower().split())


def title_from_file(document: HubDocument, metadata: dict[str, str]) -> str | None:
    """The title the file itself declares, when the document's title is only its file name.

    Wagtail fills an upload's title from its file name; a real title read from the file is
    better, and replaces it. A title an editor typed is never replaced.
    """
    declared = _WORD_PREFIX.sub("", " ".join(str(metadata.get("title", "")).split()))
    if len(declared) < 3 or declared.lower() in _JUNK_TITLES:
        return None
    names = {
        _normal(os.path.splitext(name)[0])
        for name in (document.original_filename, os.path.basename(document.file.name))
        if name
    }
    if declared == document.title or _normal(document.title) not in names:
        return None
    return declared[:255]


@transaction.atomic
def store_extraction(document: HubDocument, extraction: Extraction, file_hash: str) -> None:
    document.text_pages.all().delete()
    DocumentPageText.objects.bulk_create(
        DocumentPageText(document=document, number=number, text=text)
        for number, text in enumerate(extraction.pages, start=1)
    )
    document.extraction_status = extraction.status
    document.extraction_error = extraction.error
    document.extraction_engine = extraction.engine
    # A timed-out read keeps the pages it got; the file's own page count says how many there are.
    declared = str(extraction.metadata.get("page_count", ""))
    document.page_count = int(declared) if declared.isdigit() else (len(extraction.pages) or None)
    document.character_count = extraction.characters if extraction.pages else None
    document.metadata = extraction.metadata
    title = title_from_file(document, extraction.metadata)
    if title:
        document.title = title
    document.extracted_hash = file_hash
    document.extracted_at = timezone.now()
    document.save(
        update_fields=[
            "title",
            "extraction_status",
            "extraction_error",
            "extraction_engine",
            "page_count",
            "character_count",
            "metadata",
            "extracted_hash",
            "extracted_at",
        ]
    )
    if extraction.status != ExtractionStatus.EXTRACTED:
        logger.info("Document %s: %s (%s)", document.pk, extraction.status, extraction.error)
