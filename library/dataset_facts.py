"""What a dataset covers, where its files say so: years, places and columns.

Read from the preview stored when a workbook or CSV file was read (library.extraction.office):
its sheet names and column headers, and for places also the cells of its first rows (a
"District" column names them). A year is a four-digit number from 1950 to 2099 ("Returns 2025",
a "2019" column); a place is a name of the network's vocabulary (library.taxonomy.Place) standing
as a word. Nothing is guessed beyond that: an editor fills or corrects the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .documents import HubDocument

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
#: The most column names kept per sheet, and sheets listed, in the columns field.
MAX_COLUMNS = 60
MAX_SHEETS = 20


@dataclass
class DatasetFacts:
    years: list[int] = field(default_factory=list)
    place_ids: list[int] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # "Sheet: a, b" (or "a, b" for a CSV)

    @property
    def span(self) -> tuple[int, int] | None:
        return (min(self.years), max(self.years)) if self.years else None


def _labels(preview: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(sheet and column names, cells of the first rows) of a stored table preview."""
    names: list[str] = []
    cells: list[str] = []
    if preview.get("kind") != "table":
        return names, cells
    for sheet in preview.get("sheets") or []:
        if not isinstance(sheet, dict):
            continue
        names.append(str(sheet.get("name") or ""))
        names.extend(str(cell) for cell in sheet.get("header") or [])
        for row in sheet.get("first_rows") or []:
            if isinstance(row, list):
                cells.extend(str(cell) for cell in row)
    return names, cells


def _columns(preview: dict[str, Any]) -> list[str]:
    lines = []
    for sheet in (preview.get("sheets") or [])[:MAX_SHEETS]:
        if not isinstance(sheet, dict):
            continue
        header = [str(cell).strip() for cell in sheet.get("header") or [] if str(cell).strip()]
        if not header:
            continue
        columns = ", ".join(header[:MAX_COLUMNS])
        name = str(sheet.get("name") or "")
        lines.append(f"{name}: {columns}" if name else columns)
    return lines


def _place_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({name for name in names if name}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"\b(" + "|".join(map(re.escape, ordered)) + r")\b", re.IGNORECASE)


def dataset_facts(documents: Iterable[HubDocument]) -> DatasetFacts:
    """The years, places and columns the documents' tables name (first document first)."""
    from .taxonomy import Place

    facts = DatasetFacts()
    texts: list[str] = []
    years: set[int] = set()
    for document in documents:
        preview = document.preview or {}
        names, cells = _labels(preview)
        for name in names:
            years.update(int(year) for year in _YEAR.findall(name))
        texts.extend(names + cells)
        facts.columns.extend(_columns(preview))
    facts.years = sorted(years)
    if texts:
        places = dict(Place.objects.values_list("name", "pk"))
        pattern = _place_pattern(places)
        by_lower = {name.lower(): pk for name, pk in places.items()}
        found: dict[int, None] = {}
        if pattern is not None:
            for text in texts:
                for match in pattern.finditer(text):
                    found[by_lower[match.group(1).lower()]] = None
        facts.place_ids = list(found)
    return facts


def prefill_dataset_facts(cleaned: dict[str, Any], documents: list[HubDocument]) -> list[str]:
    """Fill a dataset form's empty years, columns and places from its files; an editor's own
    entry is never replaced. Returns the names of the fields filled."""
    from .taxonomy import Place

    if not documents:
        return []
    facts = dataset_facts(documents)
    filled = []
    span = facts.span
    if span and "data_from_year" in cleaned and not cleaned.get("data_from_year"):
        if not cleaned.get("data_to_year") or cleaned["data_to_year"] >= span[0]:
            cleaned["data_from_year"] = span[0]
            filled.append("data_from_year")
    if span and "data_to_year" in cleaned and not cleaned.get("data_to_year"):
        cleaned["data_to_year"] = max(span[1], cleaned.get("data_from_year") or span[1])
        filled.append("data_to_year")
    if facts.columns and "data_columns" in cleaned and not cleaned.get("data_columns", "").strip():
        cleaned["data_columns"] = "\n".join(facts.columns)
        filled.append("data_columns")
    places = cleaned.get("places")
    if facts.place_ids and "places" in cleaned and (places is None or not len(places)):
        cleaned["places"] = Place.objects.filter(pk__in=facts.place_ids)
        filled.append("places")
    return filled
