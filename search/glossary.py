"""The migration field's common acronyms, known from the start (search/data/glossary.tsv).

A member types "IDPs" or "UNHCR"; many documents only ever write "internally displaced persons"
or "the High Commissioner for Refugees". Editors' synonym groups and the acronyms the hub learns
from the library (search.acronyms) cover a network's own words; this list covers the field's,
in English and French, so a new hub answers them on day one. HUB_SEARCH_GLOSSARY=0 turns it off.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings

GLOSSARY_FILE = Path(__file__).with_name("data") / "glossary.tsv"


@cache
def _read(path: Path) -> tuple[tuple[str, ...], ...]:
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        acronym, _, spelled = line.partition("\t")
        terms = [acronym.strip(), *(term.strip() for term in spelled.split("|"))]
        groups.append(tuple(term for term in terms if term))
    return tuple(groups)


def glossary_groups() -> list[list[str]]:
    """Each acronym with its spelled-out forms, as synonym groups (none when turned off)."""
    if not getattr(settings, "HUB_SEARCH_GLOSSARY", True):
        return []
    return [list(group) for group in _read(GLOSSARY_FILE)]
