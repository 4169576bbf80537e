"""Title, authors, date, language and page count read from a file, each with where it came from.

The worker keeps what the file's properties say (``HubDocument.metadata``); the first page often
says it better (a report's cover carries its title and date while the properties say "Microsoft
Word - draft3.docx"). Each fact names its source so the editor knows what to trust.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

_JUNK_TITLES = re.compile(
    r"^(untitled|microsoft (word|powerpoint)( - .*)?|document\d*|title|slide \d+|"
    r"presentation\d*|.*\.(docx?|pdf|dotx?))$",
    re.I,
)
_MONTHS = {
    **{
        name: number
        for number, name in enumerate(
            "january february march april may june july august september october "
            "november december".split(),
            start=1,
        )
    },
    **{
        name: number
        for number, name in enumerate(
            "janvier février mars avril mai juin juillet août septembre octobre "
            "novembre décembre".split(),
            start=1,
        )
    },
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH_NAMES})\s+((?:19|20)\d\d)\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_NAMES})\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES})\s+((?:19|20)\d\d)\b", re.I)
_BY_LINE = re.compile(r"^\s*(?:by|par|author[s]?:|auteur[s]?\s*:)\s+(.{3,160})$", re.I)


#: Where a fact came from: stored as a code, shown in the editor's language.
SOURCES = {
    "properties": _("file properties"),
    "properties_created": _("file properties (created)"),
    "properties_modified": _("file properties (modified)"),
    "first_page": _("first page"),
    "detected": _("detected from the text"),
    "file": _("the file"),
}


def _fact(value: Any, source: str) -> dict[str, Any]:
    return {"value": value, "source": source}


def _first_lines(text: str, limit: int = 15) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()][:limit]


def title_from_first_page(text: str) -> str:
    """The first line of the cover that reads like a title (not a date, a number, a logo)."""
    for line in _first_lines(text, 6):
        letters = sum(c.isalpha() for c in line)
        if 8 <= len(line) <= 250 and letters >= 0.6 * len(line) and not _JUNK_TITLES.match(line):
            return line
    return ""


def date_from_first_page(text: str) -> date | None:
    head = "\n".join(_first_lines(text, 40))
    for pattern, order in (
        (_DAY_MONTH_YEAR, "dmy"),
        (_MONTH_DAY_YEAR, "mdy"),
        (_MONTH_YEAR, "my"),
    ):
        match = pattern.search(head)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = _MONTHS.get(parts["m"].lower())
        try:
            return date(int(parts["y"]), month, int(parts.get("d", 1)))
        except (TypeError, ValueError):
            continue
    return None


def _file_date(metadata: dict) -> tuple[date | None, str]:
    for key in ("created", "modified"):
        try:
            return datetime.fromisoformat(str(metadata.get(key, ""))).date(), f"properties_{key}"
        except ValueError:
            continue
    return None, ""


def read_facts(
    metadata: dict[str, Any], first_page: str, page_count: int | None, language: str
) -> dict[str, dict[str, Any]]:
    """Each fact the file gives, as {"value": ..., "source": ...}; a fact not found is left out.

    Dates are ISO strings (the facts are stored as JSON).
    """
    facts: dict[str, dict[str, Any]] = {}
    declared = " ".join(str(metadata.get("title", "")).split())
    if len(declared) >= 3 and not _JUNK_TITLES.match(declared):
        facts["title"] = _fact(declared[:255], "properties")
    else:
        cover = title_from_first_page(first_page)
        if cover:
            facts["title"] = _fact(cover[:255], "first_page")
    author = " ".join(str(metadata.get("author", "")).split())
    if author:
        facts["authors"] = _fact(author[:255], "properties")
    else:
        for line in _first_lines(first_page, 25):
            match = _BY_LINE.match(line)
            if match:
                facts["authors"] = _fact(match.group(1)[:255], "first_page")
                break
    printed = date_from_first_page(first_page)
    if printed:
        facts["date"] = _fact(printed.isoformat(), "first_page")
    else:
        found, source = _file_date(metadata)
        if found:
            facts["date"] = _fact(found.isoformat(), source)
    if language:
        facts["language"] = _fact(language, "detected")
    if page_count:
        facts["pages"] = _fact(page_count, "file")
    return facts


def printed_date(document: Any) -> date | None:
    """The date the hub's reading found printed on the document's first page, if any."""
    from .models import DocumentReading

    if document is None or document.pk is None:
        return None
    facts = (
        DocumentReading.objects.filter(document_id=document.pk, read_hash=document.extracted_hash)
        .values_list("facts", flat=True)
        .first()
    )
    fact = (facts or {}).get("date") or {}
    if fact.get("source") != "first_page":
        return None
    try:
        return date.fromisoformat(str(fact.get("value")))
    except ValueError:
        return None
