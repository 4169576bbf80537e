"""A PDF's title, author and dates, as PDFium or pypdf reads them from its information
dictionary; each is left out when it cannot be read, and never costs the text."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from .result import clean_text

_PDF_DATE = re.compile(
    r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([+-])(\d{2})'?(\d{2})?'?|(Z))?"
)


def pdf_date(value: str) -> str | None:
    """A PDF date ("D:20041026181009+09'00'") as ISO 8601, or None if it is not one."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, sign, tz_hour, tz_minute, utc = match.groups()
    try:
        moment = datetime(
            int(year),
            int(month or 1),
            int(day or 1),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
        )
    except ValueError:
        return None
    if moment.year < 1900:
        return None
    text = moment.isoformat()
    if sign:
        text += f"{sign}{tz_hour}:{tz_minute or '00'}"
    elif utc:
        text += "+00:00"
    return text


def pdfium_metadata(document: Any) -> dict[str, str]:
    """Title, author and dates of a document PDFium opened, each if readable."""
    found: dict[str, str] = {}
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except MemoryError:
        raise
    except Exception:  # unreadable metadata must not cost the text
        return found
    for key, name in (("title", "Title"), ("author", "Author")):
        value = " ".join(clean_text(str(info.get(name) or "")).split())
        if value:
            found[key] = value
    for key, name in (("created", "CreationDate"), ("modified", "ModDate")):
        value = pdf_date(str(info.get(name) or ""))
        if value:
            found[key] = value
    return found


def pypdf_metadata(reader: Any) -> dict[str, str]:
    """Title, author and dates from the document information dictionary, each if readable."""
    found: dict[str, str] = {}
    try:
        info = reader.metadata
    except MemoryError:
        raise
    except Exception:  # unreadable metadata must not cost the text
        return found
    if not info:
        return found
    for key, attribute in (("title", "title"), ("author", "author")):
        try:
            value = getattr(info, attribute)
        except MemoryError:
            raise
        except Exception:
            continue
        if value is not None:
            value = " ".join(clean_text(str(value)).split())
            if value:
                found[key] = value
    for key, attribute in (("created", "creation_date"), ("modified", "modification_date")):
        try:
            value = getattr(info, attribute)
        except MemoryError:
            raise
        except Exception:  # a malformed date is left out rather than shown raw
            continue
        if isinstance(value, datetime):
            found[key] = value.isoformat()
    return found
