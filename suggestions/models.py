"""What the hub keeps of its reading of each document, and the model learned from the library."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentReading(models.Model):
    """The hub's reading of one document's stored text: suggestions, fingerprint, facts.

    Made by the worker once the text is stored (``suggestions.tasks``) and remade when the
    file changes; ``read_hash`` is the file hash whose text it was made from.
    """

    document = models.OneToOneField(
        "library.HubDocument", on_delete=models.CASCADE, related_name="reading"
    )
    read_hash = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=8, blank=True)
    #: suggestions.ranking.Ranking.as_dict()
    ranking = models.JSONField(default=dict)
    #: suggestions.library_likeness: the documents this one looked like when it was read.
    likenesses = models.JSONField(default=list)
    #: suggestions.facts: title, authors, date, language, pages, each with its source.
    facts = models.JSONField(default=dict)
    shingles = models.PositiveIntegerField(default=0)
    signature = models.BinaryField(null=True)
    figures = models.PositiveIntegerField(default=0)
    figure_signature = models.BinaryField(null=True)
    read_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document reading")

    def __str__(self) -> str:
        return f"reading of document {self.document_id}"


class SignatureBand(models.Model):
    """One LSH band key of a reading's signature: documents sharing a key are compared."""

    reading = models.ForeignKey(DocumentReading, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["key", "reading"], name="suggestions_band_key_reading")]

    def __str__(self) -> str:
        return f"band {self.key} of {self.reading_id}"


class LibraryModel(models.Model):
    """The objective model learned from the library's tagged resources (newest is used)."""

    trained_at = models.DateTimeField(auto_now_add=True)
    resources = models.PositiveIntegerField(default=0)
    objectives = models.JSONField(default=list)  # the objective numbers it has learned
    payload = models.BinaryField()

    class Meta:
        ordering = ["-trained_at", "-pk"]
        get_latest_by = "trained_at"

    def __str__(self) -> str:
        return f"objective model of {self.trained_at:%Y-%m-%d %H:%M} ({self.resources} resources)"
