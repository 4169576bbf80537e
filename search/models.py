"""Anonymous search analytics: what was searched, how much was found, which rank was clicked.

Nothing here identifies a reader: no user, session, IP address or user agent is stored.
"""

from __future__ import annotations

import re

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 1000


def normalise_query(text: str) -> str:
    """Lower-cased, whitespace collapsed, cut to MAX_QUERY_LENGTH characters."""
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH]


class SearchEvent(models.Model):
    """One results page shown for a non-empty query."""

    query = models.CharField(_("query"), max_length=MAX_QUERY_LENGTH)
    # The facet filters chosen, {facet: [values]}: bounded by the search form's validation.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    total = models.PositiveIntegerField(_("results"))
    page = models.PositiveIntegerField(_("page"), default=1)
    page_size = models.PositiveSmallIntegerField(_("page size"), default=10)
    created_at = models.DateTimeField(_("searched at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("search event")
        verbose_name_plural = _("search events")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.query


class SearchClick(models.Model):
    """A reader followed a result; `position` is the 1-based rank over all result pages."""

    event = models.ForeignKey(SearchEvent, on_delete=models.CASCADE, related_name="clicks")
    # Not a foreign key: deleting a resource must never break or erase analytics.
    resource_id = models.PositiveIntegerField(_("resource id"))
    position = models.PositiveIntegerField(_("position"))
    created_at = models.DateTimeField(_("clicked at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("search click")
        verbose_name_plural = _("search clicks")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event_id} #{self.position} -> {self.resource_id}"


# Where search.synonyms caches the groups; dropped whenever a group is saved or deleted.
SYNONYMS_CACHE_KEY = "search:synonym-groups:v1"
_SEPARATORS = re.compile(r"[,\n;]+")


def split_terms(text: str) -> list[str]:
    """A synonym group's terms: one per line or comma; blanks and repeats dropped, spacing
    squeezed."""
    terms = (" ".join(part.split()) for part in _SEPARATORS.split(text or ""))
    return list(dict.fromkeys(term for term in terms if term))


class SynonymGroup(models.Model):
    """Terms that mean the same to a reader: searching for any finds every one of them."""

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "One term or phrase per line, or separated by commas. All terms of a group are "
            "equivalent: a search for one also finds the others."
        ),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["id"]

    def __str__(self) -> str:
        return ", ".join(self.term_list())[:200]

    def term_list(self) -> list[str]:
        return split_terms(self.terms)


class PromotedResult(models.Model):
    """A resource shown first, marked "Recommended", when a reader searches for exactly `query`."""

    query = models.CharField(
        _("query"),
        max_length=255,
        db_index=True,
        help_text=_("The search, as a reader types it (case and spacing do not matter)."),
    )
    page = models.ForeignKey(
        "library.ResourcePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("resource"),
    )
    sort_order = models.IntegerField(_("sort order"), default=0)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("promoted result")
        verbose_name_plural = _("promoted results")
        ordering = ["query", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["query", "page"], name="search_promoted_query_page")
        ]

    def __str__(self) -> str:
        return f"{self.query} → {self.page_id}"

    def save(self, *args, **kwargs):
        self.query = normalise_query(self.query)[:255]
        super().save(*args, **kwargs)


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def forget_synonyms(**kwargs) -> None:
    cache.delete_many([SYNONYMS_CACHE_KEY, SYNONYMS_CACHE_KEY + ":with-acronyms"])


class LearnedAcronym(models.Model):
    """An acronym the library spells out somewhere ("Temporary Protected Status (TPS)"): a
    search for either finds the other, as if an editor had made them a synonym group.

    Learned by the worker from public resources only (search.acronyms), so nothing restricted
    ever shapes what the public's searches find.
    """

    acronym = models.CharField(_("acronym"), max_length=20, db_index=True)
    expansion = models.CharField(_("spelled out"), max_length=200)
    resources = models.PositiveIntegerField(_("resources"), default=0)
    learned_at = models.DateTimeField(_("learned at"), default=timezone.now)

    class Meta:
        verbose_name = _("learned acronym")
        verbose_name_plural = _("learned acronyms")
        ordering = ["acronym", "-resources"]
        constraints = [
            models.UniqueConstraint(fields=["acronym", "expansion"], name="search_acronym_unique")
        ]

    def __str__(self) -> str:
        return f"{self.acronym}: {self.expansion}"


@receiver(post_save, sender=LearnedAcronym)
@receiver(post_delete, sender=LearnedAcronym)
def forget_acronyms(**kwargs) -> None:
    cache.delete(SYNONYMS_CACHE_KEY + ":with-acronyms")
