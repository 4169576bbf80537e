"""The embedded engine's side of 'Did you mean': the index vocabulary, read through fts5vocab.

An fts5vocab table (a TEMP one per connection, so reading never writes to the index file) lists
the porter *stems* of resource_text and document_page_text with their document counts. Stems are
not words ("remittances" is stored as "remitt"), so the close stems (difflib) are turned back into
the surface words readers typed: the rows holding a stem are matched and the words FTS5's
highlight() marks in them are collected; the surface word nearest to the typed one (difflib
again) is the correction. The rules (how rare, how much commoner, how alike) are search.spelling's.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
from collections import Counter

from ..contract import SearchUnavailable
from ..highlight import MARK_END, MARK_START
from ..spelling import CUTOFF, better, needs_correction, tied
from ..suggest import words as folded_words

_MARKED = re.compile(re.escape(MARK_START) + "(.*?)" + re.escape(MARK_END), re.S)
_VOCAB_TABLES = {
    "resource_text": "temp.hub_resource_vocab",
    "document_page_text": "temp.hub_page_vocab",
}
# Stems compared per typed word, the closest first.
_STEM_CANDIDATES = 8
# Rows read per stem to find its surface words.
_SURFACE_ROWS = 20


def corrections(
    connection: sqlite3.Connection,
    typed: list[str],
    *,
    unknown_only: bool = False,
    context: tuple[str, ...] = (),
) -> dict[str, str]:
    try:
        for table, vocab in _VOCAB_TABLES.items():
            connection.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, {table}, 'row')"
            )
        found = {}
        for word in typed:
            count = _count(connection, word)
            same_stem: Counter[str] = Counter()
            if unknown_only and count:
                # The porter stem is known ("trafficing" -> "traffic"), the word itself may not
                # be: it is unknown when no text holds it as typed.
                same_stem = _surface_words(connection, word)
                if word in same_stem:
                    continue
                count = 0
            if not needs_correction(count):
                continue
            best = _best(connection, word, count, context)
            # A word of the same stem finds the same resources: no correction.
            if best and best != word and best not in same_stem:
                found[word] = best
        return found
    except sqlite3.Error as error:
        raise SearchUnavailable(str(error)) from error


def _count(connection: sqlite3.Connection, word: str) -> int:
    """Resources with the word (by stem) in their fields or in any attached page."""
    unit = '"' + word.replace('"', '""') + '"'
    return connection.execute(
        "SELECT COUNT(*) FROM (SELECT rowid FROM resource_text WHERE resource_text MATCH ?"
        " UNION SELECT p.resource_id FROM document_page_text t JOIN document_page p"
        " ON p.id = t.rowid WHERE document_page_text MATCH ?)",
        (unit, unit),
    ).fetchone()[0]


def _best(connection: sqlite3.Connection, word: str, count: int, context: tuple[str, ...]) -> str:
    # Stems of the same first letter and of a plausible length, with their document counts.
    stems: Counter[str] = Counter()
    for vocab in _VOCAB_TABLES.values():
        for term, docs in connection.execute(
            f"SELECT term, doc FROM {vocab} WHERE term >= ? AND term < ?"
            " AND length(term) BETWEEN ? AND ?",
            (word[0], word[0] + "\U0010ffff", max(2, len(word) - 6), len(word) + 3),
        ):
            stems[term] += docs

    def likeness(stem: str) -> float:
        # A stem is shorter than its words: compare it with the typed word's start as well.
        return max(
            difflib.SequenceMatcher(None, word, stem).ratio(),
            difflib.SequenceMatcher(None, word[: len(stem) + 1], stem).ratio(),
        )

    candidates = sorted(
        (stem for stem, docs in stems.items() if better(count, docs)),
        key=lambda stem: (-likeness(stem), -stems[stem]),
    )[:_STEM_CANDIDATES]
    keys: dict[str, tuple[float, int]] = {}
    for stem in candidates:
        if likeness(stem) < CUTOFF - 0.1:
            break
        for surface, seen in _surface_words(connection, stem).items():
            key = (difflib.SequenceMatcher(None, word, surface).ratio(), stems[stem] + seen)
            if key[0] >= CUTOFF and surface != word and key > keys.get(surface, (0, 0)):
                keys[surface] = key
    if not keys:
        return ""
    best = max(keys, key=lambda s: keys[s])
    near = tied(word, sorted(keys, key=lambda s: keys[s], reverse=True)[:_STEM_CANDIDATES])
    if any(w != word for w in context) and len(near) > 1:
        others = tuple(w for w in context if w != word)
        return max(near, key=lambda s: (_beside(connection, s, others), keys[s]))
    return best


def _beside(connection: sqlite3.Connection, word: str, context: tuple[str, ...]) -> int:
    """Resources holding the word within a few words of every context word."""
    quoted = " ".join('"' + w.replace('"', '""') + '"' for w in (word, *context))
    match = f"NEAR({quoted}, {3 + len(context)})"
    return connection.execute(
        "SELECT COUNT(*) FROM resource_text WHERE resource_text MATCH ?", (match,)
    ).fetchone()[0]


def _surface_words(connection: sqlite3.Connection, stem: str) -> Counter[str]:
    """The words the porter tokenizer reduced to stem, as readers wrote them, most common first."""
    unit = '"' + stem.replace('"', '""') + '"'
    found: Counter[str] = Counter()
    queries = (
        (
            "SELECT highlight(resource_text, 0, ?, ?) || ' ' || highlight(resource_text, 1, ?, ?)"
            " || ' ' || highlight(resource_text, 2, ?, ?) || ' ' ||"
            " highlight(resource_text, 3, ?, ?) FROM resource_text WHERE resource_text MATCH ?"
            " LIMIT ?",
            [MARK_START, MARK_END] * 4,
        ),
        (
            "SELECT highlight(document_page_text, 0, ?, ?) FROM document_page_text"
            " WHERE document_page_text MATCH ? LIMIT ?",
            [MARK_START, MARK_END],
        ),
    )
    for sql, marks in queries:
        for (text,) in connection.execute(sql, [*marks, unit, _SURFACE_ROWS]):
            for marked in _MARKED.findall(text or ""):
                for surface in folded_words(marked):
                    found[surface] += 1
    return found
