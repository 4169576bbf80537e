"""Reading what a person typed into the search box: words, "quoted phrases" and -exclusions.

No raw engine syntax ever reaches a backend: the parser keeps only words, and each backend quotes
them itself. Odd syntax (an unmatched quote or bracket) is not an error: the query falls back to
its plain words and the reader is told.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 1000
#: The most words (or quoted phrases) a search matches, stop words aside; the rest are named in a
#: notice. A pasted paragraph would otherwise cost a clause per word on every resource (and a
#: spelling check per word) for no better ranking: member queries hold two to nine words.
MAX_MATCHED_UNITS = 12

# A word as the engines' standard tokenizers read it (Unicode word boundaries): letters and
# digits, with inner dots and apostrophes kept ("u.n", "4.2", "l'immigration", "don't"); hyphens
# split ("gender-based" is two words, kept together as a phrase when typed so).
_WORD = re.compile(r"\w+(?:[.'’]\w+)*", re.UNICODE)
# French elisions (l', d', qu', ...) at the start of a word, and the English possessive 's:
# the hub removes both on the query's words and, length for length, in the folded copies the
# engines index (neither engine's minimal analysis has an elision filter).
_ELISION = re.compile(r"(?<!\w)(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=\w)", re.I)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.I)
# Words that say nothing on their own (English and French): they do not count towards the
# words a resource must hold, and engines do not spend time matching them beside other words.
STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is it of on or the to with without "
    "au aux ce ces d de des du en et l la le les ou par pour sur un une".split()
)
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_BRACKETS = {"(": ")", "[": "]", "{": "}"}


class InvalidQuery(ValueError):
    """A query no engine should see; the message is shown to the reader."""


Unit = tuple[str, ...]


class _FoldTable(dict):
    """str.translate's table, filled on first sight of each character (NFKD per character is
    slow; a library has a few hundred distinct ones)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        value = self[code] = base if len(base) == 1 else char
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Accents dropped character for character: each character becomes its base letter (NFKD
    without combining marks) when that is one character, else stays itself, so the folded text
    has exactly the length of the original and highlight offsets line up."""
    if text.isascii():
        return text
    # Only the non-ASCII characters call back into Python; ASCII runs are copied in C.
    return _NON_ASCII.sub(_fold_match, text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(match: re.Match) -> str:
    return _FOLD_TABLE[ord(match.group())]


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def searchable(text: str) -> str:
    """The copy of a text the engines match exact words in: accents folded, French elisions and
    English possessives blanked, every character where it was (highlights map back by offset)."""
    text = fold(text)
    if "'" in text or "’" in text:
        text = _POSSESSIVE.sub(_blank, _ELISION.sub(_blank, text))
    return text


def _bare(word: str) -> str:
    """A query word as the searchable copy holds it (elision and possessive removed)."""
    if "'" in word or "’" in word:
        word = _POSSESSIVE.sub("", _ELISION.sub("", word))
    return word


def term_words(text: str) -> Unit:
    """A synonym term, or a unit, as the words it is compared by: lower-cased and folded."""
    return tuple(fold(word) for word in _words(text))


@dataclass(frozen=True)
class ParsedQuery:
    """A query as units a backend can match: every unit must match, no excluded unit may.

    A unit may have `alternatives` (synonyms): it then matches where itself or ANY of its
    alternatives occurs. `units` stays what the reader typed (a recognised multi-word synonym
    typed as bare words becomes one phrase unit); `options(unit)` is what a backend matches.
    """

    raw: str
    units: tuple[Unit, ...]  # each unit: one word, or the words of a phrase
    excluded: tuple[Unit, ...] = ()
    notice: str = ""
    # (unit, its alternatives) pairs; a tuple so the query stays hashable.
    alternatives: tuple[tuple[Unit, tuple[Unit, ...]], ...] = ()

    def options(self, unit: Unit) -> tuple[Unit, ...]:
        """The unit and its alternatives: a backend ORs them."""
        for key, alternatives in self.alternatives:
            if key == unit:
                return (unit, *alternatives)
        return (unit,)

    @property
    def all_options(self) -> tuple[Unit, ...]:
        """Every unit and alternative to match or highlight (not the excluded ones)."""
        left_out = set(self.unmatched_units)
        return tuple(
            dict.fromkeys(
                option
                for unit in self.units
                if unit not in left_out
                for option in self.options(unit)
            )
        )

    @property
    def is_empty(self) -> bool:
        return not self.units

    @property
    def matching_units(self) -> tuple[Unit, ...]:
        """The units engines match: stop words are left out beside other words (they rank
        nothing and cost the most to match), kept when they are all there is."""
        return self._core[:MAX_MATCHED_UNITS] or self.units[:MAX_MATCHED_UNITS]

    @property
    def unmatched_units(self) -> tuple[Unit, ...]:
        """Units past MAX_MATCHED_UNITS: not searched (the page says so)."""
        return (self._core or self.units)[MAX_MATCHED_UNITS:]

    @property
    def _core(self) -> tuple[Unit, ...]:
        return tuple(
            unit
            for unit in self.units
            if len(unit) > 1 or unit[0] not in STOP_WORDS or len(self.options(unit)) > 1
        )

    @property
    def word_pairs(self) -> tuple[tuple[str, str, int], ...]:
        """Neighbouring words typed (stop words between them skipped, and counted): (first,
        second, stop words between). A resource holding them side by side ("social security")
        ranks above one holding them pages apart: a proximity bonus, never a requirement."""
        soft = set(self.soft_units)
        pairs = []
        previous, gap = None, 0
        for unit in self.units:
            if unit in soft:
                if previous is not None and gap <= 2:
                    pairs.append((previous[0], unit[0], gap))
                previous, gap = unit, 0
            elif len(unit) == 1 and unit[0] in STOP_WORDS:
                gap += 1
            else:
                previous, gap = None, 0
        return tuple(pairs)

    @property
    def strict_units(self) -> tuple[Unit, ...]:
        """Phrases: a resource must hold every one."""
        return tuple(unit for unit in self.matching_units if len(unit) > 1)

    @property
    def soft_units(self) -> tuple[Unit, ...]:
        """Single words: a resource must hold `required` of them."""
        return tuple(unit for unit in self.matching_units if len(unit) == 1)

    @property
    def required(self) -> int:
        """How many of soft_units a resource must hold (see required_units)."""
        return required_units(len(self.soft_units))

    @property
    def words(self) -> list[str]:
        """The words searched (those of units past MAX_MATCHED_UNITS left out)."""
        left_out = set(self.unmatched_units)
        return [word for unit in self.units if unit not in left_out for word in unit]

    @property
    def degraded(self) -> bool:
        return bool(self.notice)


def required_units(count: int) -> int:
    """Soft matching: a resource must hold half of the words of a short query (rounded up: one
    word of one or two, two of three or four) and a third of a longer one (at least two: two of
    five to eight, three of nine...). BM25 adds up what each word scores, so resources holding
    every word rank first as a rule, and a best answer worded without a word, or with another
    form of it, still shows. Quoted phrases and -exclusions stay strict.

    Measured on ../shared/relevance (nDCG@10, embedded / Elasticsearch): every word required
    0.664 / 0.585 (before this model); all but one of three or more 0.795 / 0.811; half 0.824 /
    0.828. Forcing resources with every word above the rest (a tier per number of words held)
    lowered it (0.812 on the embedded engine), so ranking is left to BM25. Half of a long
    query missed answers that hold two of its words in their own terms (the deep category,
    0.916 / 0.903 under plain BM25's 0.924; a third: 0.944 / see the README)."""
    if count <= 4:
        return (count + 1) // 2
    return max(2, count // 3)


def _words(text: str) -> tuple[str, ...]:
    words = (_bare(word.lower()) for word in _WORD.findall(text.replace("_", " ")))
    return tuple(word for word in words if word)


def _brackets_balanced(text: str) -> bool:
    stack: list[str] = []
    for char in text:
        if char in _BRACKETS:
            stack.append(_BRACKETS[char])
        elif char in _BRACKETS.values():
            if not stack or stack.pop() != char:
                return False
    return not stack


def parse_query(raw: str, synonyms: Iterable[Iterable[str]] = ()) -> ParsedQuery:
    """Turn the search box's text into units; raise InvalidQuery only for input no person types.

    `synonyms`: groups of equivalent terms (see expand_synonyms).
    """
    parsed = _parse(raw)
    return expand_synonyms(parsed, synonyms) if synonyms else parsed


def _parse(raw: str) -> ParsedQuery:
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
    # "a OR b": b becomes an alternative of a (either may match); a dangling OR is a plain word.
    either: dict[Unit, tuple[Unit, ...]] = {}
    after_or = False
    for match in _TOKEN.finditer(text):
        negate, phrase, bare = match.groups()
        if bare == "OR" and units and not after_or:
            after_or = True
            continue
        if phrase is not None:
            words = _words(phrase)
            target = excluded if negate else units
            new = [words] if len(words) > 1 else [(word,) for word in words]
        elif bare.startswith("-") and len(bare) > 1:
            target, new = excluded, [(word,) for word in _words(bare[1:])]
        else:
            words = _words(bare)
            # "gender-based" typed with its hyphen: the words together, as the engines read it.
            joined = len(words) > 1 and "-" in bare.strip("-")
            target, new = units, [words] if joined else [(word,) for word in words]
        if after_or and target is units and new:
            base = next(unit for unit in reversed(units) if unit not in _alternative_units(either))
            either[base] = (*either.get(base, ()), new[0])
            new = new[1:]
        after_or = False
        target.extend(new)
    alternatives_of = _alternative_units(either)
    return ParsedQuery(
        raw=raw,
        units=_unique([unit for unit in units if unit not in alternatives_of]),
        excluded=_unique(excluded),
        alternatives=tuple((unit, tuple(dict.fromkeys(alts))) for unit, alts in either.items()),
    )


def _alternative_units(either: dict[Unit, tuple[Unit, ...]]) -> set[Unit]:
    return {alt for alts in either.values() for alt in alts}


def _unique(units: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> tuple:
    return tuple(dict.fromkeys(units))


def _singular(words: Unit) -> Unit:
    """A term's last word without a plural s ("idps" -> "idp", "returnees" -> "returnee"),
    so a group need not list every plural; short words are left as they are."""
    last = words[-1] if words else ""
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        return (*words[:-1], last[:-1])
    return words


def expand_synonyms(query: ParsedQuery, groups: Iterable[Iterable[str]]) -> ParsedQuery:
    """Give every unit that equals a term of a group (lower-cased, folded) the group's other
    terms as alternatives (OR), beside what was typed, never in its place. Consecutive units
    whose words together equal a multi-word term (“gender based violence” typed as words) stay
    the words typed, each one given the group's other terms: a resource using any of them
    holds the whole span."""
    by_words: dict[Unit, tuple[Unit, ...]] = {}
    longest = 1
    for group in groups:
        terms = tuple(dict.fromkeys(t for t in (term_words(term) for term in group) if t))
        for term in terms:
            others = tuple(other for other in terms if other != term)
            if others:
                by_words[term] = tuple(dict.fromkeys((*by_words.get(term, ()), *others)))
                longest = max(longest, len(term))
    if not by_words:
        return query

    def key(units: Iterable[Unit]) -> Unit:
        return tuple(fold(word) for unit in units for word in unit)

    # Alternatives the reader wrote with OR stay; synonyms add to them.
    alternatives: dict[Unit, tuple[Unit, ...]] = dict(query.alternatives)

    def add(unit: Unit, found: tuple[Unit, ...]) -> None:
        alternatives[unit] = tuple(dict.fromkeys((*alternatives.get(unit, ()), *found)))

    index = 0
    source = query.units
    while index < len(source):
        # The longest span of consecutive units that is a term, a single unit last.
        for end in range(min(len(source), index + longest), index, -1):
            span = source[index:end]
            found = by_words.get(key(span))
            if found is None:
                singular = _singular(key(span))
                found = (singular, *by_words[singular]) if singular in by_words else None
            if found is None:
                continue
            for unit in span:
                add(unit, found)
            index = end
            break
        else:
            index += 1
    for unit in query.excluded:
        found = by_words.get(key([unit]))
        if found:
            alternatives[unit] = found
    pairs = tuple(
        (unit, tuple(alt for alt in alts if alt != unit)) for unit, alts in alternatives.items()
    )
    return ParsedQuery(
        raw=query.raw,
        units=query.units,
        excluded=query.excluded,
        notice=query.notice,
        alternatives=tuple((unit, alts) for unit, alts in pairs if alts),
    )
