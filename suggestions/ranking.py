"""Ranking the 23 GCM objectives and 10 guiding principles for a document's text, with reasons.

Two scorers, one ranking:

- the **objective text** (always): TF-IDF over the GCM's own words for each objective and its
  actions (``data/gcm.json``, English and French); a document is scored by cosine similarity,
  and the terms that weigh most in the match are its reasons, with the pages they are on;
- the **library** (when trained, for English and French): a linear model over TF-IDF learned
  from the resources editors have tagged (``suggestions.learning``); its probability is averaged
  with the text score, so what editors do steers the suggestions as the library grows.

A document in a language the hub does not model is ranked by the objective text alone, and the
ranking says so. Nothing here writes to a resource: editors accept suggestions in the form.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .gcm_text import MODELLED_LANGUAGES, Heading, headings
from .words import FOLDED_STOP_WORDS as STOP_WORDS
from .words import analyse, fold, stem

#: Too little text to say anything about (a title page, a scanned file's stray characters).
MIN_CHARACTERS = 200
#: How many objectives and principles a ranking keeps with reasons.
TOP_OBJECTIVES = 5
TOP_PRINCIPLES = 3

BASIS_TEXT = "objective_text"
BASIS_TEXT_AND_LIBRARY = "objective_text_and_library"
BASIS_TEXT_UNMODELLED = "objective_text_only_unmodelled_language"

PageTexts = Sequence[tuple[int, str]]


@dataclass
class Reason:
    term: str
    pages: list[int]


@dataclass
class Suggestion:
    kind: str
    number: int
    title: str
    score: float
    reasons: list[Reason] = field(default_factory=list)
    passage: str = ""
    passage_page: int | None = None

    @property
    def percent(self) -> int:
        return round(self.score * 100)


@dataclass
class Ranking:
    """What the hub suggests for one document (or says why it suggests nothing)."""

    status: str  # "ok" or "no_text"
    message: str = ""
    language: str = ""
    basis: str = BASIS_TEXT
    objectives: list[Suggestion] = field(default_factory=list)
    principles: list[Suggestion] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Ranking:
        def suggestions(rows: list[dict]) -> list[Suggestion]:
            return [
                Suggestion(**{**row, "reasons": [Reason(**r) for r in row.get("reasons", [])]})
                for row in rows
            ]

        return cls(
            status=data.get("status", "no_text"),
            message=data.get("message", ""),
            language=data.get("language", ""),
            basis=data.get("basis", BASIS_TEXT),
            objectives=suggestions(data.get("objectives", [])),
            principles=suggestions(data.get("principles", [])),
        )


class TextScorer:
    """Cosine similarity between a document and each heading's text, over one TF-IDF space."""

    def __init__(self, items: Sequence[Heading]) -> None:
        self.items = list(items)
        # Documents arrive as terms already (PageIndex reads each word once for the vector,
        # the reasons and the passages): the vectorizer takes token lists.
        self.vectorizer = TfidfVectorizer(
            analyzer=_tokens_as_given, sublinear_tf=True, norm="l2", dtype=np.float64
        )
        self.matrix = self.vectorizer.fit_transform(
            [analyse(item.model_text()) for item in self.items]
        )
        self.vocabulary = self.vectorizer.get_feature_names_out()

    def scores(self, tokens: list[str]) -> tuple[np.ndarray, Any]:
        vector = self.vectorizer.transform([tokens])
        return (self.matrix @ vector.T).toarray().ravel(), vector

    def top_terms(self, row: int, vector: Any, limit: int = 5) -> list[str]:
        """The terms that weigh most in the match of the document with heading ``row``."""
        contribution = self.matrix[row].multiply(vector).tocoo()
        order = np.argsort(-contribution.data)[:limit]
        return [self.vocabulary[contribution.col[i]] for i in order if contribution.data[i] > 0]


def _tokens_as_given(tokens: list[str]) -> list[str]:
    return tokens


@lru_cache(maxsize=1)
def text_scorers() -> tuple[TextScorer, TextScorer]:
    objectives, principles = headings()
    return TextScorer(objectives), TextScorer(principles)


@lru_cache(maxsize=200_000)
def _term(word: str) -> str | None:
    folded = fold(word)
    return None if folded in STOP_WORDS else stem(folded)


class PageIndex:
    """Where each term is in the document: pages by count, and a passage around it.

    One pass over the words gives the vector's tokens as well; the rest (how a stem is
    written, the pages of a term) is worked out only for the few terms a ranking shows.
    """

    _WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

    def __init__(self, pages: PageTexts) -> None:
        self.pages = dict(pages)
        self.counts: dict[tuple[str, int], int] = {}
        self.first: dict[tuple[str, int], int] = {}
        #: Terms and neighbouring pairs, as ``words.analyse`` gives them, for the vector.
        self.tokens: list[str] = []
        counts, first, tokens = self.counts, self.first, self.tokens
        for number, text in pages:
            previous = None
            for match in self._WORD.finditer(text):
                term = _term(match.group())
                if term is None:
                    continue  # as the model's analyser: pairs are of neighbouring content words
                keys = [term] if previous is None else [term, f"{previous} {term}"]
                for token in keys:
                    tokens.append(token)
                    key = (token, number)
                    seen = counts.get(key)
                    if seen is None:
                        counts[key] = 1
                        first[key] = match.start()
                    else:
                        counts[key] = seen + 1
                previous = term

    def shown(self, term: str) -> str:
        """A stem as the document writes it ("traffick person" -> "trafficking persons"): the
        word at its first place on the page where it is most frequent."""
        words = []
        for part in term.split():
            pages = self.pages_of(part, limit=1)
            match = None
            if pages:
                match = self._WORD.match(self.pages[pages[0]], self.first[(part, pages[0])])
            words.append(match.group().lower() if match else part)
        return " ".join(words)

    def page_counts(self, term: str) -> dict[int, int]:
        return {n: self.counts[(term, n)] for n in self.pages if (term, n) in self.counts}

    def pages_of(self, term: str, limit: int = 5) -> list[int]:
        found = Counter(self.page_counts(term))
        return sorted(number for number, _ in found.most_common(limit))

    def passage(self, terms: list[str], width: int = 220) -> tuple[str, int | None]:
        """The stretch of text on the page where the strongest terms meet most."""
        weight: Counter = Counter()
        for rank, term in enumerate(terms):
            for number, count in self.page_counts(term).items():
                weight[number] += count / (rank + 1)
        if not weight:
            return "", None
        page = weight.most_common(1)[0][0]
        term = next(t for t in terms if (t, page) in self.first)
        start = self.first[(term, page)]
        text = self.pages[page]
        left = max(0, start - width // 3)
        snippet = " ".join(text[left : left + width].split())
        prefix = "…" if left else ""
        suffix = "…" if left + width < len(text) else ""
        return f"{prefix}{snippet}{suffix}", page


def _suggestions(
    scorer: TextScorer,
    scores: np.ndarray,
    vector: Any,
    index: PageIndex,
    language: str,
    limit: int,
) -> list[Suggestion]:
    out = []
    for row in np.argsort(-scores)[:limit]:
        if scores[row] <= 0:
            break
        item = scorer.items[row]
        terms = scorer.top_terms(row, vector)
        reasons = [Reason(index.shown(term), index.pages_of(term)) for term in terms]
        passage, page = index.passage(terms)
        out.append(
            Suggestion(
                kind=item.kind,
                number=item.number,
                title=item.title(language if language in MODELLED_LANGUAGES else "en"),
                score=round(float(scores[row]), 4),
                reasons=reasons,
                passage=passage,
                passage_page=page,
            )
        )
    return out


def no_text(message: str, language: str = "") -> Ranking:
    return Ranking(status="no_text", message=message, language=language)


def rank_pages(
    pages: PageTexts,
    language: str = "",
    *,
    learned: Any | None = None,
    objectives_limit: int = TOP_OBJECTIVES,
    principles_limit: int = TOP_PRINCIPLES,
) -> Ranking:
    """Rank the objectives and principles for a document given as (page number, text) pairs.

    ``learned`` is the library's model (``suggestions.learning.LibraryModel``) or None; it is
    used only for the languages the hub models.
    """
    from django.utils.translation import gettext as _

    pages = [(number, text or "") for number, text in pages]
    text = "\n".join(t for _n, t in pages)
    if len(text.strip()) < MIN_CHARACTERS:
        return no_text(
            _("The file has too little text to suggest objectives (%(count)s characters).")
            % {"count": len(text.strip())},
            language,
        )
    objective_scorer, principle_scorer = text_scorers()
    index = PageIndex(pages)
    scores, vector = objective_scorer.scores(index.tokens)
    modelled = language in MODELLED_LANGUAGES or not language
    basis = BASIS_TEXT if modelled else BASIS_TEXT_UNMODELLED
    if modelled and learned is not None:
        probabilities = learned.probabilities(text)
        if probabilities is not None:
            text_share = scores / (scores.max() or 1.0)
            # Objectives the library has not learned keep their text score alone.
            learned_share = np.where(np.isnan(probabilities), text_share, probabilities)
            scores = 0.5 * text_share + 0.5 * learned_share
            basis = BASIS_TEXT_AND_LIBRARY
    principle_scores, principle_vector = principle_scorer.scores(index.tokens)
    return Ranking(
        status="ok",
        language=language,
        basis=basis,
        objectives=_suggestions(
            objective_scorer, scores, vector, index, language, objectives_limit
        ),
        principles=_suggestions(
            principle_scorer, principle_scores, principle_vector, index, language, principles_limit
        ),
    )


def keyword_baseline(text: str) -> list[int]:
    """The plain keyword ranking the benchmark compares with: the share of each objective's
    title words found in the document, ties broken by how often they occur."""
    from .words import terms

    counts = Counter(terms(text))
    objectives, _principles = headings()
    ranked = []
    for item in objectives:
        words = set(terms(item.titles["en"])) | set(terms(item.titles["fr"]))
        found = [w for w in words if counts[w]]
        share = len(found) / max(len(words), 1)
        ranked.append((share, math.fsum(math.log1p(counts[w]) for w in found), item.number))
    ranked.sort(reverse=True)
    return [number for _s, _c, number in ranked]
