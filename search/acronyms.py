"""Acronyms the library spells out itself: "United States Refugee Admissions Program (USRAP)".

A member types the acronym; the documents that answer often spell it out, or never use it. The
hub learns each pair from the text of public resources when the worker indexes them (the
Schwartz-Hearst idea: the letters of the acronym are the initials of the words just before it,
in order, small linking words skipped), and search expands one into the other as alternatives,
like an editor's synonym group (search.synonyms).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

# "(UNHCR)", "(IDPs)", "(OFPRA)": two to ten letters, at least two of them capitals.
_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9})\s*\)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Words an acronym usually skips ("Office of the ...", "Office français de protection des ...").
_LINKS = frozenset(
    "of the for and on in to at by a an with de des du la le les et pour en sur aux au d l".split()
)
# Expansions kept per acronym (the most frequent): an acronym with many meanings is noise.
MAX_EXPANSIONS = 3
_MAX_TEXT = 2_000_000


def letters(acronym: str) -> str:
    """The letters an acronym stands for: its capitals ("IDPs" -> "idp")."""
    return "".join(char for char in acronym if char.isupper()).lower()


def find_acronyms(text: str) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs spelled out in `text`, each as it is written there."""
    found = []
    for match in _IN_BRACKETS.finditer(text[:_MAX_TEXT]):
        acronym = match.group(1)
        wanted = letters(acronym)
        if len(wanted) < 2:
            continue
        before = text[max(0, match.start() - 40 * len(wanted)) : match.start()]
        words = _WORD.findall(before)[-(2 * len(wanted) + 3) :]
        expansion = _spelled_out(words, wanted)
        if expansion:
            found.append((acronym, expansion))
    return found


def _spelled_out(words: list[str], wanted: str) -> str:
    """The shortest run of words ending just before the bracket whose initials, small linking
    words aside, are `wanted` in order; "" when the words do not spell it."""
    position = len(wanted) - 1
    start = None
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        lower = word.lower()
        if position < 0:
            break
        if lower[0] == wanted[position] and (lower not in _LINKS or index == len(words) - 1):
            position -= 1
            start = index
        elif lower in _LINKS:
            continue
        else:
            return ""
    if position >= 0 or start is None:
        return ""
    return " ".join(words[start:])


def learn(texts: Iterable[str]) -> int:
    """Count the pairs found in `texts` (one text per public resource) into LearnedAcronym;
    returns how many pairs were new."""
    from .models import LearnedAcronym

    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        pairs.update(
            {
                (letters(acronym), " ".join(expansion.lower().split()))
                for acronym, expansion in find_acronyms(text)
            }
        )
    new = 0
    with transaction.atomic():
        for (acronym, expansion), count in pairs.items():
            row, created = LearnedAcronym.objects.get_or_create(
                acronym=acronym[:20], expansion=expansion[:200], defaults={"resources": count}
            )
            if created:
                new += 1
            else:
                LearnedAcronym.objects.filter(pk=row.pk).update(resources=F("resources") + count)
    return new


def acronym_groups() -> list[list[str]]:
    """Each learned acronym with its most frequent expansions, as synonym groups."""
    from .models import LearnedAcronym

    groups: dict[str, list[str]] = {}
    for acronym, expansion in LearnedAcronym.objects.order_by("acronym", "-resources").values_list(
        "acronym", "expansion"
    ):
        kept = groups.setdefault(acronym, [acronym])
        if len(kept) <= MAX_EXPANSIONS:
            kept.append(expansion)
    return list(groups.values())
