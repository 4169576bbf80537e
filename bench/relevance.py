"""Relevance on real documents: the shared set's queries through the real search page, scored
per category beside a plain BM25 ranking of the same text computed in the same run.

The set (`../shared/relevance/`: 122 public documents, 60 member-style queries, graded
judgments) was written by nobody on this project; the hub is tuned on it, never on its answers:
no query or document of it is named anywhere in the hub's code.

Used by `tests/search/test_relevance_shared.py` (both backends, asserting the targets); run it
with `-s` to see the per-category table, the worst queries and those where plain BM25 does better.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SET_FOLDER = REPO.parent / "shared" / "relevance"
CATEGORIES = ("topic", "keyword", "acronym", "misspelling", "phrase", "french", "deep", "place")


@dataclass(frozen=True)
class Query:
    id: str
    category: str
    text: str


@dataclass
class RelevanceSet:
    folder: Path
    queries: list[Query]
    grades: dict[str, dict[str, int]]  # query id -> document id -> grade
    titles: dict[str, str]  # document id -> title


def load(folder: Path = SET_FOLDER) -> RelevanceSet:
    def rows(name: str) -> list[dict[str, str]]:
        with (folder / name).open(encoding="utf-8") as handle:
            # QUOTE_NONE: a quoted phrase query keeps its quotes (the csv module would eat them).
            return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))

    grades: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows("qrels.tsv"):
        grades[row["query_id"]][row["doc_id"]] = int(row["grade"])
    return RelevanceSet(
        folder=folder,
        queries=[Query(r["id"], r["category"], r["query"]) for r in rows("queries.tsv")],
        grades=dict(grades),
        titles={row["id"]: row["title"] for row in rows("MANIFEST.tsv")},
    )


# -- the measures (as the set's README defines them) ------------------------------------------


def ndcg_at_10(ranked: list[str], grades: dict[str, int]) -> float:
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def p_at_5(ranked: list[str], grades: dict[str, int]) -> float:
    return sum(1 for d in ranked[:5] if grades.get(d, 0) >= 1) / 5


def reciprocal_rank(ranked: list[str], grades: dict[str, int]) -> float:
    return next((1 / (i + 1) for i, d in enumerate(ranked) if grades.get(d, 0) >= 1), 0.0)


@dataclass
class Scores:
    """Mean nDCG@10, P@5 and MRR per category ("all" included) for one ranking."""

    name: str
    per_query: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    rankings: dict[str, list[str]] = field(default_factory=dict)

    def group(self, relevance: RelevanceSet, category: str = "all") -> tuple[float, float, float]:
        ids = [q.id for q in relevance.queries if category in ("all", q.category)]
        if not ids:
            return (0.0, 0.0, 0.0)
        rows = [self.per_query[i] for i in ids]
        return tuple(sum(row[k] for row in rows) / len(rows) for k in range(3))  # type: ignore[return-value]


def score(name: str, relevance: RelevanceSet, run: dict[str, list[str]]) -> Scores:
    scores = Scores(name=name, rankings=run)
    for query in relevance.queries:
        ranked = run.get(query.id, [])
        grades = relevance.grades.get(query.id, {})
        scores.per_query[query.id] = (
            ndcg_at_10(ranked, grades),
            p_at_5(ranked, grades),
            reciprocal_rank(ranked, grades),
        )
    return scores


# -- the baseline: plain BM25 over the same extracted text ------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def _fold_words(text: str) -> list[str]:
    import unicodedata

    bare = "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )
    return _WORD.findall(bare)


class PlainBM25:
    """The set's reference ranking: BM25 (k1 1.2, b 0.75) over title x3 + text, accents folded,
    quotes ignored, no stemming, synonyms or fuzziness; every document with any query word."""

    def __init__(self, documents: dict[str, tuple[str, str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.terms: dict[str, Counter[str]] = {}
        for doc_id, (title, text) in documents.items():
            words = _fold_words(title) * 3 + _fold_words(text)
            self.terms[doc_id] = Counter(words)
        self.lengths = {d: sum(c.values()) for d, c in self.terms.items()}
        self.average = sum(self.lengths.values()) / max(1, len(self.lengths))
        self.df: Counter[str] = Counter()
        for counts in self.terms.values():
            self.df.update(counts.keys())

    def rank(self, text: str) -> list[str]:
        n = len(self.terms)
        words = _fold_words(text)
        scored: dict[str, float] = defaultdict(float)
        for word in words:
            df = self.df.get(word, 0)
            if not df:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            for doc_id, counts in self.terms.items():
                tf = counts.get(word, 0)
                if tf:
                    norm = self.k1 * (1 - self.b + self.b * self.lengths[doc_id] / self.average)
                    scored[doc_id] += idf * tf * (self.k1 + 1) / (tf + norm)
        return sorted(scored, key=lambda d: (-scored[d], d))


def baseline_run(relevance: RelevanceSet, texts: dict[str, tuple[str, str]]) -> dict:
    bm25 = PlainBM25(texts)
    return {q.id: bm25.rank(q.text)[:10] for q in relevance.queries}


def hub_run(relevance: RelevanceSet, ranked_ids: Callable[[str], list[str]]) -> dict:
    """Each query through `ranked_ids` (the search page: query text -> document ids)."""
    return {q.id: ranked_ids(q.text) for q in relevance.queries}


# -- the report --------------------------------------------------------------------------------


def table(relevance: RelevanceSet, runs: Iterable[Scores]) -> str:
    """A Markdown table: one row per category, nDCG@10 / P@5 / MRR per run."""
    runs = list(runs)
    head = "| category | n | " + " | ".join(f"{r.name} nDCG@10 | P@5 | MRR" for r in runs) + " |"
    rule = "|---|---:|" + "---:|---:|---:|" * len(runs)
    lines = [head, rule]
    counts = Counter(q.category for q in relevance.queries)
    for category in ("all", *CATEGORIES):
        n = len(relevance.queries) if category == "all" else counts.get(category, 0)
        cells = []
        for run in runs:
            cells += [f"{value:.3f}" for value in run.group(relevance, category)]
        lines.append(f"| {category} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(relevance: RelevanceSet, run: Scores, limit: int = 15) -> str:
    """The worst queries of a run, with what it showed and what it missed (for tuning)."""
    out = []
    worst = sorted(relevance.queries, key=lambda q: run.per_query[q.id][0])[:limit]
    for query in worst:
        ndcg = run.per_query[query.id][0]
        grades = relevance.grades.get(query.id, {})
        best = sorted((d for d, g in grades.items() if g), key=lambda d: -grades[d])
        shown = run.rankings.get(query.id, [])[:10]
        missing = [d for d in best if d not in shown]
        out.append(
            f"{ndcg:.2f} {query.id} {query.category:11s} {query.text!r}: "
            f"top {[f'{d}:{grades.get(d, 0)}' for d in shown[:5]]} missing {missing}"
        )
    return "\n".join(out)


def behind(relevance: RelevanceSet, run: Scores, reference: Scores, margin: float = 0.02) -> str:
    """The queries where `run` ranks below `reference` (for tuning: where plain BM25 does better),
    with the top five of each."""
    out = []
    for query in relevance.queries:
        ours, theirs = run.per_query[query.id][0], reference.per_query[query.id][0]
        if ours >= theirs - margin:
            continue
        grades = relevance.grades.get(query.id, {})
        tops = [
            [f"{d}:{grades.get(d, 0)}" for d in scores.rankings.get(query.id, [])[:5]]
            for scores in (run, reference)
        ]
        out.append(
            f"{ours:.2f} < {theirs:.2f} {query.id} {query.category:11s} {query.text!r}: "
            f"{run.name} {tops[0]}, {reference.name} {tops[1]}"
        )
    return "\n".join(out)
