"""Reading a stored document's text in the worker and keeping the outcome on the document."""

from __future__ import annotations

import logging
import os
import re
import tempfile

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .database_turns import turn_given_up
from .documents import DocumentPageText, ExtractionStatus, HubDocument, text_stored
from .extraction import Extraction, extract_file
from .extraction.ocr import tesseract_languages
from .extraction.sandbox import (
    ReaderUnavailable,
    reader_pool,
    server_reason,
    temp_folder_missing,
)

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


class ReadLater(OSError):
    """The file could not be read now for a reason of the server's (named in the message);
    the task that met it retries with backoff."""


def reading_options(document: HubDocument) -> dict:
    """The limits a document is read with, from the settings, and its OCR request."""
    options: dict = {
        "timeout_seconds": settings.HUB_EXTRACTION_TIMEOUT_SECONDS,
        "memory_mb": settings.HUB_EXTRACTION_MEMORY_MB,
        "max_pages": settings.HUB_EXTRACTION_MAX_PAGES,
        "max_characters": settings.HUB_EXTRACTION_MAX_CHARACTERS,
        "ocr": None,
    }
    if settings.HUB_OCR_ENABLED and document.ocr_enabled and settings.HUB_OCR_MAX_PAGES > 0:
        options["ocr"] = {
            "languages": tesseract_languages(declared_languages(document)),
            "max_pages": settings.HUB_OCR_MAX_PAGES,
            "seconds": settings.HUB_OCR_SECONDS,
        }
    return options


def declared_languages(document: HubDocument) -> list[str]:
    """The language codes declared for the file: on its attachments, else on their resources."""
    from .models import ResourcePage
    from .taxonomy import Language

    codes = list(
        Language.objects.filter(pk__in=document.attachments.values("language"))
        .order_by("pk")
        .values_list("code", flat=True)
    )
    if not codes:
        pages = ResourcePage.objects.filter(attachments__document=document)
        codes = list(
            Language.objects.filter(resources__in=pages)
            .distinct()
            .order_by("pk")
            .values_list("code", flat=True)
        )
    return codes


def _already_read(document: HubDocument, file_hash: str) -> Extraction | None:
    """The text another document with the same file already has: a file is read once."""
    other = (
        HubDocument.objects.filter(extracted_hash=file_hash, ocr_enabled=document.ocr_enabled)
        .exclude(pk=document.pk)
        .exclude(extraction_status=ExtractionStatus.PENDING)
        .order_by("-extracted_at")
        .first()
    )
    if other is None:
        return None
    pages = list(other.text_pages.order_by("number").values_list("text", "place"))
    return Extraction(
        other.extraction_status,
        [text for text, _ in pages],
        dict(other.metadata or {}),
        other.extraction_engine,
        other.extraction_error,
        places=[place or {} for _, place in pages],
        preview=dict(other.preview or {}),
    )


def read_document(
    document_id: int, *, force: bool = False, last_attempt: bool = True
) -> HubDocument | None:
    """Extract the document's text (unless its file is unchanged) and store it page by page.

    Raises ReadLater (an OSError) when the server, not the file, is why it could not be read
    (disk full, temporary folder missing, the reader killed), after noting why on the
    document; on the ``last_attempt`` a killed reader's status is stored instead.
    """
    document = HubDocument.objects.filter(pk=document_id).first()
    if document is None:  # deleted meanwhile: nothing to do
        return None
    file_hash = document.get_file_hash()
    if not force and file_hash == document.extracted_hash:
        return document
    copied = None if force else _already_read(document, file_hash)
    if copied is not None:
        store_extraction(document, copied, file_hash)
        return document
    options = reading_options(document)
    try:
        path, temporary = _local_path(document)
    except OSError as error:
        if isinstance(error, FileNotFoundError) and not temp_folder_missing():
            raise  # the stored file itself is missing
        _note_waiting(document, server_reason(error))
        raise ReadLater(error.errno, server_reason(error)) from error
    try:
        pool = reader_pool(settings.HUB_EXTRACTION_MEMORY_MB, settings.HUB_EXTRACTION_READERS)
        with turn_given_up():  # the other threads of the worker store what they read meanwhile
            extraction = extract_file(path, pool=pool, **options)
    except ReaderUnavailable as error:
        _note_waiting(document, str(error.strerror))
        raise ReadLater(error.errno, str(error.strerror)) from error
    finally:
        if temporary:
            os.unlink(path)
    if extraction.retryable and not last_attempt:
        _note_waiting(document, extraction.error)
        raise ReadLater(extraction.error)
    store_extraction(document, extraction, file_hash)
    return document


def _note_waiting(document: HubDocument, why: str) -> None:
    """Say on the document why it is still waiting (it stays pending, to be read again)."""
    why = why.rstrip(".")
    message = gettext("Not read yet: %(why)s. It will be tried again automatically.") % {"why": why}
    HubDocument.objects.filter(pk=document.pk).update(
        extraction_status=ExtractionStatus.PENDING, extraction_error=message[:2000]
    )
    logger.warning("Document %s not read: %s", document.pk, why)


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
    places = extraction.places
    DocumentPageText.objects.bulk_create(
        DocumentPageText(
            document=document,
            number=number,
            text=text,
            place=places[number - 1] if number <= len(places) else {},
        )
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
    document.preview = extraction.preview
    document.extracted_hash = file_hash
    document.extracted_at = timezone.now()
    fields = [
        "extraction_status",
        "extraction_error",
        "extraction_engine",
        "page_count",
        "character_count",
        "metadata",
        "preview",
        "extracted_hash",
        "extracted_at",
    ]
    # An update, not a save: what was read is no field Wagtail indexes or references, and a
    # save would queue their tasks (and the search's) for every file the worker reads. The
    # reading task queues the resources' re-indexing itself.
    HubDocument.objects.filter(pk=document.pk).update(
        **{name: getattr(document, name) for name in fields}
    )
    title = title_from_file(document, extraction.metadata)
    if title:  # the title is searched and shown everywhere: saved as an edit would be
        document.title = title
        document.save(update_fields=["title"])
    text_stored.send(sender=HubDocument, document=document)
    if extraction.status != ExtractionStatus.EXTRACTED:
        logger.info("Document %s: %s (%s)", document.pk, extraction.status, extraction.error)
