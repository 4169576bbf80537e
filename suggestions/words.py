"""Words as the suggestion model and the duplicate finder see them, in English and French.

Accents and case are folded and a light suffix stripping joins the forms of a word
("trafficking", "trafficked"; "rétention", "retenus" stay apart, which is fine: the model
compares a document with the objectives' own wording, where the common forms appear).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

# Function words of both languages, and words every migration text uses and that say nothing
# about which objective it serves.
STOP_WORDS = frozenset(
    """
    the and for that with this from are was were been being have has had not but all any can
    may shall will would should could their there them they its his her our your who whom which
    what when where why how than then into onto upon also such other others each every both
    either neither more most less least very same own only per within without between among
    under over after before during about above below against through these those here out off
    further once one two three four five first second third article articles paragraph
    paragraphs part parts section sections chapter annex shall hereby thereof therein whereas
    contracting party parties state states government governments present convention agreement
    les des une aux par pour dans sur avec sont est ces cette ceux celle celles leur leurs qui
    que quoi dont ont été etre être avoir fait faire plus moins tout tous toute toutes autre
    autres même mêmes ainsi entre sans sous vers chez lors article articles alinéa présent
    présente partie parties contractante contractantes etat etats gouvernement accord
    convention selon elle elles ils lui son ses sont sur pas peut doit doivent cas
    use used using make made take taken give given well just also possible measure measures
    place places time times towards toward within upon including include includes related
    ensure establish strengthen promote facilitate provide enhance address reduce create
    invest manage cooperate prevent combat collect utilize minimize eliminate empower save
    appropriate accurate adequate full fully all basis basic order case cases way ways means
    new year years day days need needs required require requires change changes changing
    united nations law laws protocol protocols policy policies action actions act acts
    determine determined individual individuals officer officers public general particular
    inform information procedure procedures relevant respect regard regards concerned provided
    assurer mettre oeuvre mesure mesures afin dont lieu moyen moyens cadre fin vue compte
    nations unies loi lois protocole politique politiques action actions tenu effet matière
    migration migrations migrant migrants migratory migratoire migratoires international
    internationale internationales national nationale nationales person persons personne
    personnes people countries country pays
    """.split()
)

_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ements",
    "ement",
    "ments",
    "ment",
    "ities",
    "ity",
    "ings",
    "ing",
    "ness",
    "ions",
    "ion",
    "ies",
    "ers",
    "er",
    "ed",
    "es",
    "s",
    "e",
)


def fold(text: str) -> str:
    """Lower case without accents: "Rétention" and "retention" are the same word here."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


FOLDED_STOP_WORDS = frozenset(fold(w) for w in STOP_WORDS)


def terms(text: str) -> list[str]:
    """The stemmed content words of a text, in order."""
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in FOLDED_STOP_WORDS]


def analyse(text: str) -> list[str]:
    """Single terms and neighbouring pairs ("trafficking persons" is stronger than either)."""
    single = terms(text)
    return single + [f"{a} {b}" for a, b in zip(single, single[1:], strict=False)]


def plain_words(text: str) -> list[str]:
    """Every word (digits included), folded: what two copies of one text share."""
    return re.findall(r"\w+", fold(text))
