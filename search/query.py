"""Reading what a person typed into the search box: words, "quoted phrases" and -exclusions.

No raw engine syntax ever reaches a backend: the parser keeps only words, and each backend quotes
them itself. Odd syntax (an unmatched quote or bracket) is not an error: the query falls back to
its plain words and the reader is told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 1000

# A word is a run of letters or digits, with inner apostrophes and hyphens kept out:
# "gender-based" is two words, as both engines' standard tokenizers see it.
_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_BRACKETS = {"(": ")", "[": "]", "{": "}"}


class InvalidQuery(ValueError):
    """A query no engine should see; the message is shown to the reader."""


@dataclass(frozen=True)
class ParsedQuery:
    """A query as units a backend can match: every unit must match, no excluded unit may."""

    raw: str
    units: tuple[tuple[str, ...], ...]  # each unit: one word, or the words of a phrase
    excluded: tuple[tuple[str, ...], ...] = ()
    notice: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.units

    @property
    def words(self) -> list[str]:
        return [word for unit in self.units for word in unit]

    @property
    def degraded(self) -> bool:
        return bool(self.notice)


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in _WORD.findall(text.replace("_", " ")))


def _brackets_balanced(text: str) -> bool:
    stack: list[str] = []
    for char in text:
        if char in _BRACKETS:
            stack.append(_BRACKETS[char])
        elif char in _BRACKETS.values():
            if not stack or stack.pop() != char:
                return False
    return not stack


def parse_query(raw: str) -> ParsedQuery:
    """Turn the search box's text into units; raise InvalidQuery only for input no person types."""
    if "\x00" in raw:
        raise InvalidQuery(_("Your search contains characters that cannot be searched."))
    if len(raw) > MAX_QUERY_LENGTH:
        raise InvalidQuery(
            _("Your search is too long: please use at most %(limit)s characters.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    text = raw.strip()
    if text.count('"') % 2 or not _brackets_balanced(text):
        units = tuple((word,) for word in _words(text))
        notice = _(
            "Your search has an unmatched quote or bracket, so we searched for its words one by one."
        )
        return ParsedQuery(raw=raw, units=_unique(units), notice=str(notice))

    units: list[tuple[str, ...]] = []
    excluded: list[tuple[str, ...]] = []
    for match in _TOKEN.finditer(text):
        negate, phrase, bare = match.groups()
        if phrase is not None:
            words = _words(phrase)
            target = excluded if negate else units
            if len(words) > 1:
                target.append(words)
            else:
                target.extend((word,) for word in words)
            continue
        if bare.startswith("-") and len(bare) > 1:
            excluded.extend((word,) for word in _words(bare[1:]))
        else:
            units.extend((word,) for word in _words(bare))
    return ParsedQuery(raw=raw, units=_unique(units), excluded=_unique(excluded))


def _unique(units: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> tuple:
    return tuple(dict.fromkeys(units))
