"""The GCM text the suggestions rest on (``data/gcm.json``), in English and French."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "gcm.json"
#: Languages the objectives' text is written in: the languages the hub models.
MODELLED_LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class Heading:
    """One objective or guiding principle: its number, titles and the text describing it."""

    kind: str  # "objective" or "principle"
    number: int
    titles: dict[str, str]
    texts: dict[str, str]

    def title(self, language: str = "en") -> str:
        return self.titles.get(language) or self.titles["en"]

    def model_text(self, language: str | None = None) -> str:
        """The title (twice: it is the heart of the objective) and its actions."""
        languages = [language] if language else list(self.titles)
        return " ".join(
            f"{self.titles.get(code, '')} {self.titles.get(code, '')} {self.texts.get(code, '')}"
            for code in languages
        )


@lru_cache(maxsize=1)
def headings() -> tuple[tuple[Heading, ...], tuple[Heading, ...]]:
    """(objectives, principles), read once per process."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    objectives = tuple(
        Heading("objective", item["number"], item["title"], item["text"])
        for item in data["objectives"]
    )
    principles = tuple(
        Heading("principle", item["number"], item["title"], item["text"])
        for item in data["principles"]
    )
    return objectives, principles
