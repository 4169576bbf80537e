"""Guessing a text's language among the hub's three (English, French, Kinyarwanda) without a
dependency: count each language's commonest short words in the text and take the clear winner.

Stop words are nearly all of a language's most frequent tokens and are rarely shared between
these three, so a few hundred words of a document are enough; anything less clear says nothing.
"""

from __future__ import annotations

import re
from collections import Counter

_STOP_WORDS = {
    "en": (
        "the of and to in is that for it as was with be by on not he this are or his from at "
        "which but have an they you were their has been its all will can would there more "
        "these also who into other than such may should between our we"
    ),
    "fr": (
        "le la les de des du et est un une dans que qui pour pas par sur au aux avec ce ces "
        "il elle ils sont ont été être mais ou son sa ses leur leurs nous vous cette entre "
        "aussi plus comme dont"
    ),
    "rw": (
        "na mu ku ya wa cya rya za ba bya kandi ni muri nka iyo uko ariko ndetse ubwo aho "
        "kuri cyangwa bari bose bwa byo ngo kugira kubera mbere nyuma abantu ibi iki uyu "
        "iyi buri ibyo bo kuko"
    ),
}
_WORDS = {code: frozenset(words.split()) for code, words in _STOP_WORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Enough of a document to judge it; reading more only costs time.
SAMPLE_CHARACTERS = 20_000
#: The least number of stop words the winner needs, and how far ahead of the next it must be.
MIN_HITS = 8
MIN_LEAD = 1.5


def detect_language(text: str) -> str:
    """ "en", "fr" or "rw" when the text is clearly in one of them, else ""."""
    counts: Counter[str] = Counter()
    for token in _TOKEN.findall(text[:SAMPLE_CHARACTERS].lower()):
        for code, words in _WORDS.items():
            if token in words:
                counts[code] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return ""
    if len(ranked) > 1 and ranked[0][1] < MIN_LEAD * ranked[1][1]:
        return ""
    return ranked[0][0]
