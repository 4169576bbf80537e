"""The fixed query mix: what members type, as GET parameters of the search page."""

from __future__ import annotations

from dataclasses import dataclass

from .generate import Taxonomy


@dataclass(frozen=True)
class Query:
    name: str
    params: tuple[tuple[str, str], ...]
    kind: str  # word, phrase, two-words; facets, sorted and deep pages are marked in the name

    @property
    def q(self) -> str:
        return dict(self.params)["q"]

    @property
    def page(self) -> int:
        return int(dict(self.params).get("page", "1"))

    @property
    def has_filters(self) -> bool:
        return any(name not in {"q", "page", "sort"} for name, _value in self.params)


def query_mix(taxonomy: Taxonomy, deep_page: int = 30) -> list[Query]:
    """Single words (frequent to rarer, one French), phrases, two-word queries, each of these
    kinds with facet values chosen, sorted by date, and deep pages."""
    organisation = taxonomy.organisations[0][0]
    place = taxonomy.places[0][0]
    return [
        Query("word: migration", (("q", "migration"),), "word"),
        Query("word: remittances", (("q", "remittances"),), "word"),
        Query("word: trafficking", (("q", "trafficking"),), "word"),
        Query("word: counselling", (("q", "counselling"),), "word"),
        Query("word (fr): déplacés", (("q", "déplacés"),), "word"),
        Query('phrase: "border management"', (("q", '"border management"'),), "phrase"),
        Query('phrase: "labour migration"', (("q", '"labour migration"'),), "phrase"),
        Query("two words: returnees reintegration", (("q", "returnees reintegration"),), "two"),
        Query("two words: climate displacement", (("q", "climate displacement"),), "two"),
        Query(
            "word + objective facet",
            (("q", "migration"), ("objective", "2")),
            "word",
        ),
        Query(
            "word + type & year facets",
            (("q", "remittances"), ("type", "policy-brief"), ("year", "2024")),
            "word",
        ),
        Query(
            "two words + organisation & place facets",
            (("q", "health workers"), ("organisation", organisation), ("place", place)),
            "two",
        ),
        Query(
            "phrase + objective facet, newest first",
            (("q", '"border management"'), ("objective", "11"), ("sort", "newest")),
            "phrase",
        ),
        Query("word, newest first", (("q", "asylum"), ("sort", "newest")), "word"),
        Query("word, oldest first", (("q", "diaspora"), ("sort", "oldest")), "word"),
        Query(f"word, page {deep_page}", (("q", "migration"), ("page", str(deep_page))), "word"),
        Query(
            f"word + language facet, newest, page {max(2, deep_page // 3)}",
            (
                ("q", "protection"),
                ("language", taxonomy.languages[0]),
                ("sort", "newest"),
                ("page", str(max(2, deep_page // 3))),
            ),
            "word",
        ),
    ]
