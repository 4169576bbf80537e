"""What a resource's attached file says about itself, offered where the editor left a field empty.

The worker reads each upload's metadata (title, author, dates, page count) and guesses its
language (``library.reading``). ``prefill_resource_data`` fills a resource form's empty
publication date and languages from its attachments; an editor's own entry is never replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from .documents import HubDocument

# The date the hub's reading found printed on a document's first page: given at start-up by the
# suggestions app, which reads documents (the library sits below it and does not import it).
_printed_date: Callable[[HubDocument], date | None] = lambda document: None  # noqa: E731


def use_printed_dates(printed_date: Callable[[HubDocument], date | None]) -> None:
    """Let file_date prefer `printed_date(document)` to the file's own metadata."""
    global _printed_date
    _printed_date = printed_date


def file_date(document: HubDocument) -> date | None:
    """The date printed on the file's first page (read by ``suggestions``), else the date the
    file says it was made (created, else last modified), if it says."""
    printed = _printed_date(document)
    if printed is not None:
        return printed
    metadata = document.metadata or {}
    for key in ("created", "modified"):
        value = str(metadata.get(key, ""))
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            continue
    return None


def file_facts(document: HubDocument) -> dict[str, Any]:
    """Title, author, date, page count and language read from the file, for a form or a list."""
    metadata = document.metadata or {}
    return {
        "title": str(metadata.get("title", "")),
        "author": str(metadata.get("author", "")),
        "date": file_date(document),
        "pages": document.page_count,
        "language": document.language,
    }


def prefill_resource_data(cleaned: dict[str, Any], documents: Iterable[HubDocument]) -> list[str]:
    """Fill the empty ``publication_date`` and ``languages`` of a resource form's cleaned data.

    ``documents`` are the resource's attachments, first first: the date comes from the first
    that has one, the languages from all of them. Returns the names of the fields filled.
    """
    from .taxonomy import Language

    documents = [document for document in documents if document is not None]
    filled = []
    if "publication_date" in cleaned and not cleaned.get("publication_date"):
        found = next((d for d in map(file_date, documents) if d is not None), None)
        if found is not None:
            cleaned["publication_date"] = found
            filled.append("publication_date")
    languages = cleaned.get("languages")
    if "languages" in cleaned and (languages is None or not len(languages)):
        codes = {document.language for document in documents if document.language}
        found_languages = Language.objects.filter(code__in=codes)
        if codes and found_languages.exists():
            cleaned["languages"] = found_languages
            filled.append("languages")
    return filled
