"""As-you-type suggestions for the search box: resource titles, GCM objectives and organisations.

Titles come from the search engine, asked only for records the viewer's access labels reach; each
id the engine returns is checked again against the database (live, and visible to this viewer)
before its title is shown, so neither a stale index nor a restricted page ever leaks a title. Objectives and organisations come from the database, so
the search box still helps when the engine is down.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass

from django.db.models import Q

from foundation.organisations import Organisation
from library.access import viewer_labels, visible_pages
from library.models import GcmObjective, ResourcePage

from .contract import TITLE_SUGGESTIONS, SearchUnavailable

MIN_LENGTH = 2
MAX_LENGTH = 100
MAX_SUGGESTIONS = 8
# How many of each kind a full list holds; a kind with fewer leaves its room to the others.
QUOTAS = {"resource": 5, "objective": 3, "organisation": 2}
# The engine is asked for more titles than shown: some may have left the site since indexing.
CANDIDATES = 40
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_OBJECTIVE_NUMBER = re.compile(r"^(?:(?:gcm\s+)?(?:objective|obj\.?|o)\s*)?#?(\d{1,2})\.?$", re.I)


@dataclass(frozen=True)
class Suggestion:
    label: str
    kind: str  # "resource", "objective" or "organisation"
    url: str


def words(text: str) -> list[str]:
    """The words of what was typed, lowercased and without accents (as both engines fold them)."""
    return [_fold(word) for word in _WORD.findall(text)]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def suggest(text: str, backend=None, request=None) -> tuple[list[dict], bool]:
    """Suggestions for what was typed, best first, and whether the engine failed to answer."""
    text = " ".join(text.split())
    if len(text) < MIN_LENGTH:
        return [], False
    degraded = False
    resources: list[Suggestion] = []
    if backend is not None:
        try:
            resources = resource_suggestions(backend, text, request)
        except SearchUnavailable:
            degraded = True
    found = {
        "resource": resources,
        "objective": objective_suggestions(text),
        "organisation": organisation_suggestions(text),
    }
    return [asdict(s) for s in _share(found)], degraded


def _share(found: dict[str, list[Suggestion]]) -> list[Suggestion]:
    """At most MAX_SUGGESTIONS, each kind its quota first, then the spare room to the others."""
    taken = {kind: min(len(items), QUOTAS[kind]) for kind, items in found.items()}
    room = MAX_SUGGESTIONS - sum(taken.values())
    for kind, items in found.items():
        extra = min(room, len(items) - taken[kind])
        taken[kind] += extra
        room -= extra
    return [item for kind, items in found.items() for item in items[: taken[kind]]]


# -- resources: titles from the engine --------------------------------------------------------


def resource_suggestions(backend, text: str, request=None) -> list[Suggestion]:
    """Live resources this viewer may see whose title has every typed word, the last a prefix."""
    typed = words(text)
    if not typed:
        return []
    user = getattr(request, "user", None)
    access = viewer_labels(user)
    if TITLE_SUGGESTIONS not in backend.capabilities:
        return []
    ids = backend.title_suggestions(typed, access)
    pages = visible_pages(ResourcePage.objects.live(), user).in_bulk(ids)
    suggestions = []
    for rid in ids:
        page = pages.get(rid)
        if page is None or not title_matches(page.title, typed):
            continue
        url = page.get_url(request)
        if url:
            suggestions.append(Suggestion(label=page.title, kind="resource", url=url))
        if len(suggestions) == MAX_SUGGESTIONS:
            break
    return suggestions


def title_matches(title: str, typed: list[str]) -> bool:
    """The last typed word starts a word of the title (the engines match it loosely, by stem)."""
    return any(word.startswith(typed[-1]) for word in words(title))


def starts_with(title: str, typed: list[str]) -> bool:
    """The title begins with the typed words, the last one as a prefix."""
    title_words = words(title)
    return title_words[: len(typed) - 1] == typed[:-1] and (
        len(title_words) >= len(typed) and title_words[len(typed) - 1].startswith(typed[-1])
    )


# -- objectives and organisations: from the database ------------------------------------------


def objective_suggestions(text: str) -> list[Suggestion]:
    """Objectives by number ("20", "objective 20") or by every word of their title."""
    objectives: list[GcmObjective] = []
    number = _OBJECTIVE_NUMBER.match(text.strip())
    if number:
        objectives += GcmObjective.objects.filter(number=int(number.group(1)))
    typed = [word for word in _WORD.findall(text) if not word.isdigit()]
    if typed:
        condition = Q()
        for word in typed:
            condition &= Q(title__icontains=word)
        objectives += GcmObjective.objects.filter(condition).exclude(
            pk__in=[o.pk for o in objectives]
        )[:MAX_SUGGESTIONS]
    return [
        Suggestion(label=str(o), kind="objective", url=o.get_absolute_url()) for o in objectives
    ]


def organisation_suggestions(text: str) -> list[Suggestion]:
    """Organisations whose name or acronym holds every typed word; acronyms that match first."""
    typed = _WORD.findall(text)
    if not typed:
        return []
    condition = Q()
    for word in typed:
        condition &= Q(name__icontains=word) | Q(acronym__icontains=word)
    organisations = list(Organisation.objects.filter(condition)[:MAX_SUGGESTIONS])
    whole = text.strip().lower()
    organisations.sort(key=lambda o: (o.acronym.lower() != whole, not o.acronym, o.name))
    return [
        Suggestion(label=o.label, kind="organisation", url=o.get_absolute_url())
        for o in organisations
    ]
