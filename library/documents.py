"""The hub's document model: a Wagtail document that remembers the text read from each of its pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document

from .extraction import UnacceptableFile, check_upload


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be read")
    EXTRACTED = "extracted", _("Text extracted")
    NO_TEXT_LAYER = "no_text_layer", _("No text layer (scanned: needs OCR)")
    ENCRYPTED = "encrypted", _("Encrypted: text cannot be read")
    DAMAGED = "damaged", _("Damaged: text cannot be read")
    TOO_LARGE = "too_large", _("Too large to read")
    TIMEOUT = "timeout", _("Timed out while reading")


class HubDocument(AbstractDocument):
    """A PDF or Word file; its text, page by page, is read in the worker and kept here."""

    extraction_status = models.CharField(
        _("extraction status"),
        max_length=20,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.TextField(_("why the text is missing"), blank=True, editable=False)
    extraction_engine = models.CharField(max_length=40, blank=True, editable=False)
    # The hash of the file whose text is stored: an unchanged file is never read twice.
    extracted_hash = models.CharField(max_length=40, blank=True, editable=False)
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    metadata = models.JSONField(_("metadata read from the file"), default=dict, editable=False)

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self) -> None:
        super().clean()
        upload = self.file
        if not upload:
            return
        # Judge the file by its content, never by its name.
        try:
            check_upload(upload, max_bytes=settings.HUB_MAX_UPLOAD_BYTES)
        except UnacceptableFile as refusal:
            raise ValidationError({"file": str(refusal)}) from refusal

    @property
    def needs_extraction(self) -> bool:
        return bool(self.file) and (
            not self.extracted_hash or self.file_hash != self.extracted_hash
        )

    @property
    def status_message(self) -> str:
        """What an editor reads next to the document: the status, and why when text is missing."""
        label = str(self.get_extraction_status_display())
        if self.extraction_error:  # why text is missing, or which pages could not be read
            return f"{label}. {self.extraction_error}"
        return label

    def page_texts(self) -> list[tuple[int, str]]:
        return list(self.text_pages.order_by("number").values_list("number", "text"))


class DocumentPageText(models.Model):
    """The text of one page of a document (for a Word file, the text between page breaks)."""

    document = models.ForeignKey(HubDocument, on_delete=models.CASCADE, related_name="text_pages")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_document_page")
        ]

    def __str__(self) -> str:
        return f"{self.document} p. {self.number}"
