"""Synonym groups editors keep in the admin: the hub expands queries with them at search time.

Neither engine has a synonym filter (the minimal Elasticsearch node lacks one), and keeping them
out of the index means an edit works at once, with no reindex and no deploy. The list is cached
and dropped whenever a group is saved or deleted.
"""

from __future__ import annotations

from django.core.cache import cache

from .acronyms import acronym_groups
from .glossary import glossary_groups
from .models import SYNONYMS_CACHE_KEY as CACHE_KEY
from .models import SynonymGroup, split_terms
from .query import ParsedQuery, expand_synonyms

CACHE_SECONDS = 60 * 60
VOCABULARY_CACHE_KEY = CACHE_KEY + ":with-acronyms"


def synonym_groups() -> list[list[str]]:
    """Every group's terms, from the cache when it holds them."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = [
            terms
            for terms in (
                split_terms(text) for text in SynonymGroup.objects.values_list("terms", flat=True)
            )
            if len(terms) > 1
        ]
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def vocabulary() -> list[list[str]]:
    """The editors' groups, the acronyms the library spells out (search.acronyms) and the
    field's glossary (search.glossary), from the cache when it holds them; editors' or learned
    changes drop the cache."""
    groups = cache.get(VOCABULARY_CACHE_KEY)
    if groups is None:
        groups = [*synonym_groups(), *acronym_groups()]
        cache.set(VOCABULARY_CACHE_KEY, groups, CACHE_SECONDS)
    return [*groups, *glossary_groups()]


def with_synonyms(query: ParsedQuery) -> ParsedQuery:
    """The query with every unit that is a synonym term or a learned acronym given the other
    terms of its group as alternatives."""
    if query.is_empty:
        return query
    return expand_synonyms(query, vocabulary())
