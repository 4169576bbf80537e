"""Reading a file on disk as an upload would be read, for the command and the benchmark."""

from __future__ import annotations

from django.conf import settings

from library.extraction import EXTRACTED, Extraction, UnacceptableFile, check_upload, extract_file

from .ranking import Ranking, no_text, rank_pages


def read_file(path: str) -> Extraction:
    """The same checks, sandbox and limits as the worker (``library.extraction``)."""
    with open(path, "rb") as handle:
        try:
            check_upload(handle, max_bytes=settings.HUB_MAX_UPLOAD_BYTES)
        except UnacceptableFile as refusal:
            return Extraction(refusal.status, [], {}, "", refusal.message)
    return extract_file(
        path,
        timeout_seconds=settings.HUB_EXTRACTION_TIMEOUT_SECONDS,
        memory_mb=settings.HUB_EXTRACTION_MEMORY_MB,
    )


def rank_extraction(extraction: Extraction, learned=None) -> Ranking:
    """The ranking for a file just read: the function the stored documents go through too."""
    language = str(extraction.metadata.get("language", ""))
    if extraction.status != EXTRACTED:
        why = extraction.error or extraction.status.replace("_", " ")
        return no_text(why, language)
    return rank_pages(list(enumerate(extraction.pages, start=1)), language, learned=learned)
