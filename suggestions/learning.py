"""The objective model learned from the library: what editors tagged teaches the suggestions.

One logistic regression per objective over TF-IDF of each tagged resource's title, summary and
attached files' text. Objectives with too few tagged resources are left out: for them the
ranking keeps to the objective text. Retrained by ``suggestions.tasks.retrain_library_model``
when resources are published; the newest model is kept in the database (``LibraryModel``).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .words import analyse

#: Fewer tagged resources than this: no model (the objective text alone suggests).
MIN_RESOURCES = 20
#: An objective is learned once this many resources carry it (and as many do not).
MIN_EXAMPLES = 3
#: Characters of each resource's text a model reads (the start of a long report is enough).
MAX_CHARACTERS = 200_000


@dataclass
class LearnedObjectives:
    vectorizer: TfidfVectorizer
    models: dict[int, LogisticRegression]
    numbers: tuple[int, ...]  # objective numbers, in the ranking's order (1..23)

    def probabilities(self, text: str) -> np.ndarray | None:
        """The probability of each objective; NaN for objectives the model has not learned."""
        if not self.models:
            return None
        vector = self.vectorizer.transform([text[:MAX_CHARACTERS]])
        out = np.full(len(self.numbers), np.nan)
        for row, number in enumerate(self.numbers):
            model = self.models.get(number)
            if model is not None:
                out[row] = model.predict_proba(vector)[0, 1]
        return out

    def dumps(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def loads(payload: bytes) -> LearnedObjectives:
        # Only ever a model this module pickled into the hub's own database.
        return pickle.loads(payload)  # noqa: S301


def train(
    texts: Sequence[str], labels: Sequence[set[int]], numbers: Sequence[int]
) -> LearnedObjectives | None:
    """Learn each objective that has enough examples; None when the library is too small."""
    if len(texts) < MIN_RESOURCES:
        return None
    vectorizer = TfidfVectorizer(
        analyzer=analyse, sublinear_tf=True, min_df=2, max_features=60_000, dtype=np.float64
    )
    matrix = vectorizer.fit_transform([text[:MAX_CHARACTERS] for text in texts])
    models = {}
    for number in numbers:
        target = np.array([number in tagged for tagged in labels], dtype=int)
        positives = int(target.sum())
        if positives < MIN_EXAMPLES or len(target) - positives < MIN_EXAMPLES:
            continue
        model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)
        model.fit(matrix, target)
        models[number] = model
    if not models:
        return None
    return LearnedObjectives(vectorizer, models, tuple(numbers))
