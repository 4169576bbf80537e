"""The library's pages: the index that lists resources, and the resource page itself."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from hub.blocks import BaseStreamBlock


class LibraryIndexPage(Page):
    """The library's front door: every resource lives below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["library.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = _("library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["resources"] = (
            ResourcePage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-publication_date", "-first_published_at")
            .prefetch_related("objectives")[:50]
        )
        return context


class ResourceType(models.TextChoices):
    POLICY_BRIEF = "policy-brief", _("Policy brief")
    POLICY_PAPER = "policy-paper", _("Policy paper")
    REPORT = "report", _("Report")
    STUDY = "study", _("Study or assessment")
    DATASET = "dataset", _("Dataset")
    GUIDANCE = "guidance", _("Guidance or toolkit")
    TRAINING = "training", _("Training material")
    MEETING_RECORD = "meeting-record", _("Meeting record")
    NEWS = "news", _("News or update")
    EXTERNAL_LINK = "external-link", _("External link")


class ResourcePage(Page):
    """A policy brief, paper, report, dataset, guidance or record, with its attached files."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences for search results.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    objectives = ParentalManyToManyField(
        "library.GcmObjective",
        related_name="resources",
        verbose_name=_("GCM objectives"),
        help_text=_("The objectives of the Global Compact this resource serves."),
    )
    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, default=ResourceType.REPORT
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
                FieldPanel("publication_date"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attached documents"), min_num=0),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("resource")

    def attached_documents(self) -> list:
        return [a.document for a in self.attachments.select_related("document") if a.document_id]


class ResourceAttachment(Orderable):
    """A file attached to a resource, with the label readers see (e.g. "Full report (French)")."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "library.HubDocument", on_delete=models.CASCADE, related_name="attachments"
    )
    label = models.CharField(_("label"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached document")

    @property
    def display_label(self) -> str:
        return self.label or self.document.title
