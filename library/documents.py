"""The hub's document model: a Wagtail document that remembers the text read from each of its pages."""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import Signal
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import get_valid_filename
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.utils.file import hash_filelike

from .extraction import CSV, DOCX, PDF, PPTX, XLSX, UnacceptableFile, check_upload

#: What a stored file may be called after; anything else is named after its content.
_WORD_EXTENSIONS = frozenset({".docx", ".docm", ".dotx", ".dotm"})
_KEPT_EXTENSIONS = _WORD_EXTENSIONS | {".pdf", ".xlsx", ".xlsm", ".csv", ".tsv", ".pptx"}
#: The extension a file of each kind is stored with when its own is not one of the kept.
_KIND_EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx", PPTX: ".pptx", CSV: ".csv"}
#: The kinds whose pages are sheets or slides, by the extension they are stored with.
TABLE_EXTENSIONS = frozenset({"xlsx", "xlsm", "csv", "tsv"})
SLIDE_EXTENSIONS = frozenset({"pptx"})
#: Languages a detected language code is shown as (the hub's three).
LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "rw": _("Kinyarwanda")}


# Sent once a document's text (and extracted_hash) is stored: reading writes it with an update,
# not a save, so post_save does not tell. Arguments: document (the HubDocument, fields current).
text_stored = Signal()
# Sent once the worker has read a document, whatever it found (text, a scanned file, a broken
# one): the resources attaching it change on the search page (search.signals re-indexes them).
# Arguments: document (the HubDocument).
document_read = Signal()


def stored_file_name(instance: HubDocument, filename: str) -> str:
    """documents/<random>.<ext>: an uploader's file name never becomes a path on the server.

    The name an editor gave the file is kept in ``original_filename`` (and is the name a
    download gets); only the extension survives, when it is one the hub reads.
    """
    extension = os.path.splitext(filename)[1].lower()
    if extension not in _KEPT_EXTENSIONS:
        try:
            kind = check_upload(instance.file, max_bytes=2**63)
        except (UnacceptableFile, OSError, ValueError):
            kind = ""
        extension = _KIND_EXTENSIONS.get(kind, "")
    return f"documents/{uuid.uuid4().hex}{extension}"


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be read")
    EXTRACTED = "extracted", _("Text extracted")
    NO_TEXT_LAYER = "no_text_layer", _("No text layer (scanned: needs OCR)")
    ENCRYPTED = "encrypted", _("Encrypted: text cannot be read")
    DAMAGED = "damaged", _("Damaged: text cannot be read")
    TOO_LARGE = "too_large", _("Too large to read")
    TIMEOUT = "timeout", _("Timed out while reading")


class HubDocument(AbstractDocument):
    """A PDF, Word file, workbook, CSV file or presentation; its text, page by page (a sheet or
    a slide is a page), is read in the worker and kept here."""

    file = models.FileField(upload_to=stored_file_name, verbose_name=_("file"))
    original_filename = models.CharField(
        _("original file name"), max_length=255, blank=True, editable=False
    )

    extraction_status = models.CharField(
        _("extraction status"),
        max_length=20,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.TextField(_("why the text is missing"), blank=True, editable=False)
    extraction_engine = models.CharField(max_length=40, blank=True, editable=False)
    # The hash of the file whose text is stored: an unchanged file is never read twice, and a
    # file uploaded again is not read again (library.reading looks its hash up: indexed).
    extracted_hash = models.CharField(max_length=40, blank=True, editable=False, db_index=True)
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    character_count = models.PositiveIntegerField(
        _("characters"), null=True, blank=True, editable=False
    )
    metadata = models.JSONField(_("metadata read from the file"), default=dict, editable=False)
    # A workbook's sheets (names, headers, first rows, counts) or a deck's slide titles, kept
    # when the file is read: a resource page shows them without opening the file again.
    preview = models.JSONField(_("preview read from the file"), default=dict, editable=False)
    ocr_enabled = models.BooleanField(
        _("recognise text in scanned pages (OCR)"),
        default=True,
        help_text=_(
            "Pages with no text layer are read by text recognition so that they can be "
            "searched. Turn this off for a file whose pictures hold nothing worth searching."
        ),
    )

    admin_form_fields = (*Document.admin_form_fields, "ocr_enabled")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @classmethod
    def from_db(cls, db, field_names, values):
        document = super().from_db(db, field_names, values)
        document._loaded_ocr_enabled = document.__dict__.get("ocr_enabled")
        return document

    def save(self, *args, **kwargs) -> None:
        upload = self.file
        if upload and not getattr(upload, "_committed", True):
            # A new file: remember the name it came with before it is stored under another.
            self.original_filename = os.path.basename(upload.name)[:255]
        loaded = getattr(self, "_loaded_ocr_enabled", None)
        update_fields = kwargs.get("update_fields")
        if (
            loaded is not None
            and loaded != self.ocr_enabled
            and (update_fields is None or "ocr_enabled" in update_fields)
        ):
            # Text recognition turned on or off: the file is read again (the signal queues it).
            self.extracted_hash = ""
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "extracted_hash"}
        super().save(*args, **kwargs)
        self._loaded_ocr_enabled = self.ocr_enabled

    @property
    def filename(self) -> str:
        """The name a download gets: the uploader's, made safe; else the stored one."""
        if self.original_filename:
            try:
                return get_valid_filename(self.original_filename)
            except Exception:  # a name of only punctuation: the stored name will do
                pass
        return os.path.basename(self.file.name)

    def clean(self) -> None:
        super().clean()
        upload = self.file
        if not upload or getattr(upload, "_committed", True):
            return  # only a new file is judged; a stored one was judged when it came
        # Judge the file by its content, never by its name.
        try:
            check_upload(upload, max_bytes=settings.HUB_MAX_UPLOAD_BYTES)
        except UnacceptableFile as refusal:
            raise ValidationError({"file": _refusal_message(refusal)}) from refusal
        duplicate = self.find_duplicate()
        if duplicate is not None:
            raise ValidationError({"file": duplicate_message(duplicate)})

    def find_duplicate(self) -> HubDocument | None:
        """Another document with the same file content as this one's new file, if any."""
        upload = self.file
        position = upload.tell()
        try:
            upload.seek(0)
            file_hash = hash_filelike(upload)
        finally:
            upload.seek(position)
        others = HubDocument.objects.filter(file_hash=file_hash)
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.order_by("pk").first()

    @property
    def language(self) -> str:
        """The language detected in the text ("en", "fr", "rw"), or ""."""
        return str((self.metadata or {}).get("language", ""))

    @property
    def language_name(self) -> str:
        return str(LANGUAGE_NAMES.get(self.language, self.language))

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

    @property
    def status_summary(self) -> str:
        """One line for the admin listing: "Text extracted: 12 pages, 30,120 characters, French"."""
        label = str(self.get_extraction_status_display())
        if self.extraction_status != ExtractionStatus.EXTRACTED:
            return label
        details = []
        if self.page_count:
            if self.is_table:
                unit = ngettext("%(count)s sheet", "%(count)s sheets", self.page_count)
            elif self.is_presentation:
                unit = ngettext("%(count)s slide", "%(count)s slides", self.page_count)
            else:
                unit = ngettext("%(count)s page", "%(count)s pages", self.page_count)
            details.append(unit % {"count": self.page_count})
        if self.character_count is not None:
            details.append(gettext("%(count)s characters") % {"count": f"{self.character_count:,}"})
        if self.language:
            details.append(self.language_name)
        return f"{label}: {', '.join(details)}" if details else label

    @property
    def is_word_file(self) -> bool:
        return os.path.splitext(self.file.name)[1].lower() in _WORD_EXTENSIONS

    @property
    def is_table(self) -> bool:
        """A workbook or CSV file: its pages are sheets."""
        return self.file_extension.lower() in TABLE_EXTENSIONS

    @property
    def is_presentation(self) -> bool:
        return self.file_extension.lower() in SLIDE_EXTENSIONS

    @property
    def file_preview(self):
        """A workbook's sheets or a deck's slide titles, as stored when it was read (or None)."""
        from .previews import file_preview

        return file_preview(self.preview)

    def page_texts(self) -> list[tuple[int, str]]:
        return list(self.text_pages.order_by("number").values_list("number", "text"))


def _refusal_message(refusal: UnacceptableFile) -> str:
    """The refusal in the editor's language (the extraction package speaks English only)."""
    messages = {
        "not_supported": _(
            "This file is not a PDF, Word (.docx), Excel (.xlsx), CSV or PowerPoint (.pptx) file."
        ),
        "line_too_long": _(
            "This CSV file has a line longer than %(limit)s; it is not read as a table."
        ),
        "empty": _("This file is empty."),
        "too_large": _("This file is larger than the %(limit)s limit."),
        "encrypted": _(
            "This file is protected with a password. Remove the password and upload it again."
        ),
    }
    template = messages.get(refusal.code)
    if template is None or (
        refusal.code in ("too_large", "line_too_long") and "limit" not in refusal.params
    ):
        return refusal.message
    try:
        return str(template) % refusal.params if refusal.params else str(template)
    except (KeyError, ValueError):
        return refusal.message


def duplicate_message(existing: HubDocument) -> str:
    """Tell the editor the file is already in the library, with a link to it."""
    return format_html(
        '{} <a href="{}">{}</a>',
        gettext(
            "This file is already in the library as “%(title)s”: use that document instead "
            "of uploading it again."
        )
        % {"title": existing.title},
        reverse("wagtaildocs:edit", args=[existing.pk]),
        gettext("Open the existing document"),
    )


class DocumentPageText(models.Model):
    """The text of one page of a document (for a Word file, the text between page breaks; for
    a workbook, a sheet; for a presentation, a slide)."""

    document = models.ForeignKey(HubDocument, on_delete=models.CASCADE, related_name="text_pages")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    # Where the page is in a workbook or deck: {"sheet": name, "rows": "0,1-400"} (the row each
    # line of the text came from) or {"slide": 3, "title": ...}; empty for a PDF or Word page.
    place = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_document_page")
        ]

    def __str__(self) -> str:
        return f"{self.document} p. {self.number}"
