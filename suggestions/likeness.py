"""Near-duplicates, new editions and translations, by MinHash signatures kept in the database.

A document's text becomes a set of overlapping five-word shingles; its MinHash signature (128
permutations) estimates the Jaccard similarity of two such sets without comparing the texts.
Locality-sensitive hashing cuts the signature into 42 bands of 3 values: two documents sharing
any band are candidates (texts about 30 % alike are found with high probability), and only
candidates' signatures are compared. The band keys live in an indexed column, so the check on
upload is one indexed query whatever the size of the library.

Across languages no shingle is shared; the figures a text quotes (years, amounts, percentages,
article numbers) are, and a second, smaller signature over them finds a possible translation.

This module is pure (no Django): ``suggestions.library_likeness`` stores and queries it.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from .words import plain_words

NUM_PERM = 128
BANDS = 42
ROWS = 3
SHINGLE_WORDS = 5
#: Fewer shingles than this: too little text to compare (a cover page, a form).
MIN_SHINGLES = 20
#: Fewer distinct figures than this: no translation is guessed from figures.
MIN_FIGURES = 8
_SEED = 23

#: The similarity at and above which two texts are called the same text, and the lower bound
#: for a new edition (the benchmark chose them: bench/results/suggest.md).
SAME_TEXT = 0.80
SIMILAR = 0.45
TRANSLATION = 0.60

# 12,400 / 12 400 / 12.400 (thousands), 45.5 / 45,5 (decimals), 2019: the same figure in any
# language once the separators are dropped.
_FIGURE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+(?:[.,]\d+)?)(?!\w)")


@dataclass
class Fingerprint:
    """What is kept of a text to find its near-duplicates: two signatures and set sizes."""

    signature: np.ndarray | None  # uint64[NUM_PERM], None when the text is too short
    shingles: int
    figure_signature: np.ndarray | None
    figures: int

    def text_keys(self) -> list[int]:
        return band_keys(self.signature, "t") if self.signature is not None else []

    def figure_keys(self) -> list[int]:
        if self.figure_signature is None:
            return []
        return band_keys(self.figure_signature, "f")


def shingles(text: str) -> set[bytes]:
    words = plain_words(text)
    if len(words) < SHINGLE_WORDS:
        return set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def figures(text: str) -> set[bytes]:
    """The numbers a text quotes, written the same way in any language (1,200 = 1 200 = 1200)."""
    found = set()
    for match in _FIGURE.finditer(text):
        digits = re.sub(r"[^0-9]", "", match.group())
        if len(digits) >= 2:
            found.add(digits.encode())
    return found


def _minhash(items: set[bytes]) -> np.ndarray:
    sketch = MinHash(num_perm=NUM_PERM, seed=_SEED)
    sketch.update_batch(list(items))
    return sketch.hashvalues.astype(np.uint64)


def fingerprint(text: str) -> Fingerprint:
    text_shingles = shingles(text)
    text_figures = figures(text)
    return Fingerprint(
        signature=_minhash(text_shingles) if len(text_shingles) >= MIN_SHINGLES else None,
        shingles=len(text_shingles),
        figure_signature=_minhash(text_figures) if len(text_figures) >= MIN_FIGURES else None,
        figures=len(text_figures),
    )


def band_keys(signature: np.ndarray, kind: str) -> list[int]:
    """One signed 64-bit key per band (kind and band number included, so one column holds all)."""
    keys = []
    for band in range(BANDS):
        values = signature[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(f"{kind}{band}:".encode() + values, digest_size=8).digest()
        keys.append(struct.unpack("<q", digest)[0])
    return keys


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def containment(similarity: float, size_a: int, size_b: int) -> float:
    """How much of the smaller text is in the other, from the Jaccard estimate and set sizes:
    a copy with a page removed is contained in the original even when Jaccard says 0.6."""
    smaller = min(size_a, size_b)
    if not smaller or similarity <= 0:
        return 0.0
    shared = similarity * (size_a + size_b) / (1 + similarity)
    return min(1.0, shared / smaller)


@dataclass
class Likeness:
    """One document found like another: how, and how much."""

    document_id: int
    kind: str  # "same_text", "new_edition" or "translation"
    similarity: float  # Jaccard estimate (figures, for a translation)
    contained: float

    @property
    def percent(self) -> int:
        return round(max(self.similarity, self.contained) * 100)


def judge(
    new: Fingerprint,
    other_id: int,
    other: Fingerprint,
    *,
    same_language: bool,
    similar: float = SIMILAR,
) -> Likeness | None:
    """What ``other`` is to ``new``: the same text, an earlier edition, a translation, or nothing."""
    if new.signature is not None and other.signature is not None:
        similarity = jaccard(new.signature, other.signature)
        contained = containment(similarity, new.shingles, other.shingles)
        score = max(similarity, contained)
        if score >= similar:
            kind = "same_text" if similarity >= SAME_TEXT or contained >= 0.95 else "new_edition"
            return Likeness(other_id, kind, round(similarity, 3), round(contained, 3))
    if (
        not same_language
        and new.figure_signature is not None
        and other.figure_signature is not None
    ):
        similarity = jaccard(new.figure_signature, other.figure_signature)
        if similarity >= TRANSLATION:
            contained = containment(similarity, new.figures, other.figures)
            return Likeness(other_id, "translation", round(similarity, 3), round(contained, 3))
    return None


def rank(found: Sequence[Likeness]) -> list[Likeness]:
    order = {"same_text": 0, "new_edition": 1, "translation": 2}
    return sorted(found, key=lambda x: (order[x.kind], -x.percent, x.document_id))


def to_bytes(signature: np.ndarray | None) -> bytes | None:
    return None if signature is None else signature.astype("<u8").tobytes()


def from_bytes(data: bytes | memoryview | None) -> np.ndarray | None:
    return None if not data else np.frombuffer(bytes(data), dtype="<u8")
