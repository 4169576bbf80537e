"""The resource page: one policy brief, paper, dataset or guidance, its fields and editor form."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from foundation.blocks import BaseStreamBlock

from .access import register_document_holder

# Defined in their own modules; named here too, where callers have long found them.
from .attachments import ResourceAttachment
from .resource_types import ResourceType

__all__ = [
    "ResourceAttachment",
    "ResourcePage",
    "ResourcePageForm",
    "ResourceTheme",
    "ResourceType",
    "organisation_label",
    "resources_attaching",
]


# The resource_type field's choices, by value (labels stay lazy: translated when shown).
_TYPE_LABELS = dict(ResourceType.choices)


class ResourceTheme(TaggedItemBase):
    """A free theme tag on a resource ("climate", "returnees")."""

    content_object = ParentalKey(
        "library.ResourcePage", on_delete=models.CASCADE, related_name="tagged_themes"
    )


def organisation_label(organisation) -> str:
    """ "International Organization for Migration (IOM)": a name an editor recognises."""
    if organisation.acronym and organisation.acronym != organisation.name:
        return f"{organisation.name} ({organisation.acronym})"
    return organisation.name


class ResourcePageForm(WagtailAdminPageForm):
    """Catches inconsistent choices with messages an editor can act on."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # An empty title (and address) may be taken from the attached file: checked in clean().
        for name in ("title", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "organisations" in self.fields:
            self.fields["organisations"].label_from_instance = organisation_label
        if "primary_objective" in self.fields:
            field = self.fields["primary_objective"]
            field.label_from_instance = lambda o: f"{o.number}. {o.short_title}"
            field.empty_label = _("None yet")
        if "resource_type" in self.fields and not self.instance.pk:
            # A new resource has no type until the editor picks one (no silent "Report").
            field = self.fields["resource_type"]
            field.choices = [("", _("Choose a type")), *ResourceType.choices]
            self.initial["resource_type"] = ""
            field.required = True

    def clean(self):
        cleaned = super().clean()
        self._title_from_attachments(cleaned)
        objectives = cleaned.get("objectives")
        primary = cleaned.get("primary_objective")
        if primary and objectives is not None and primary not in objectives:
            self.add_error(
                "primary_objective",
                _("The primary objective must be one of the objectives ticked above."),
            )
        for field in ("translation_of", "new_edition_of"):
            target = cleaned.get(field)
            if target and self.instance.pk and target.pk == self.instance.pk:
                self.add_error(field, _("A resource cannot point to itself."))
        related = cleaned.get("related_resources")
        if related and self.instance.pk and any(r.pk == self.instance.pk for r in related):
            self.add_error("related_resources", _("A resource cannot be related to itself."))
        self._prefill_from_attachments(cleaned)
        start, end = cleaned.get("data_from_year"), cleaned.get("data_to_year")
        if start and end and start > end:
            self.add_error("data_to_year", _("The data cannot end before it starts."))
        return cleaned

    def _attached_documents(self) -> list:
        attachments = self.formsets.get("attachments")
        if attachments is None or not attachments.is_valid():
            return []
        return [
            form.cleaned_data.get("document")
            for form in attachments.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("document")
        ]

    def _title_from_attachments(self, cleaned: dict) -> None:
        """An empty title takes the first attached file's own title; the address follows it."""
        from django.utils.text import slugify

        from .prefill import file_facts

        title = (cleaned.get("title") or "").strip()
        if not title:
            found = [
                file_facts(document)["title"].strip() for document in self._attached_documents()
            ]
            title = next((t for t in found if len(t) >= 3), "")[:255]
            if not title:
                self.add_error("title", _("This field is required."))
                return
            cleaned["title"] = title
        if "slug" in self.fields and not cleaned.get("slug"):
            base = slugify(title)[:240] or "resource"
            slug, n = base, 1
            parent = getattr(self, "parent_page", None)
            while parent is not None and not Page._slug_is_available(slug, parent, self.instance):
                n += 1
                slug = f"{base}-{n}"
            cleaned["slug"] = slug

    def _prefill_from_attachments(self, cleaned: dict) -> None:
        """An empty publication date and languages take what the attached files say."""
        from .prefill import prefill_resource_data

        attachments = self.formsets.get("attachments")
        if attachments is None or not attachments.is_valid():
            return
        documents = [
            form.cleaned_data.get("document")
            for form in attachments.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        prefill_resource_data(cleaned, documents)
        if cleaned.get("resource_type") == ResourceType.DATASET:
            from .dataset_facts import prefill_dataset_facts

            prefill_dataset_facts(cleaned, [d for d in documents if d is not None])


class ResourcePage(Page):
    """A policy brief, paper, report, dataset, guidance or record, with its attached files."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences for search results.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, default=ResourceType.REPORT
    )
    objectives = ParentalManyToManyField(
        "library.GcmObjective",
        related_name="resources",
        verbose_name=_("GCM objectives"),
        help_text=_("The objectives of the Global Compact this resource serves."),
    )
    primary_objective = models.ForeignKey(
        "library.GcmObjective",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="primary_resources",
        verbose_name=_("primary objective"),
        help_text=_("The one objective this resource serves most; it must be ticked above."),
    )
    principles = ParentalManyToManyField(
        "library.GuidingPrinciple",
        blank=True,
        related_name="resources",
        verbose_name=_("guiding principles"),
    )
    themes = ClusterTaggableManager(through=ResourceTheme, blank=True, verbose_name=_("themes"))
    organisations = ParentalManyToManyField(
        "hub.Organisation",
        blank=True,
        related_name="resources",
        verbose_name=_("publishing organisations"),
        help_text=_("Joint products credit every organisation."),
    )
    working_group = models.ForeignKey(
        "hub.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        verbose_name=_("technical working group"),
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    languages = ParentalManyToManyField(
        "library.Language", blank=True, related_name="resources", verbose_name=_("languages")
    )
    places = ParentalManyToManyField(
        "library.Place", blank=True, related_name="resources", verbose_name=_("places")
    )
    # A dataset's facts: the years and columns it covers (its places are `places`). Filled from
    # the attached workbook's sheet and column names when left empty (library/dataset_facts.py).
    data_from_year = models.PositiveSmallIntegerField(
        _("data from (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2999)],
    )
    data_to_year = models.PositiveSmallIntegerField(
        _("data to (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2999)],
    )
    data_columns = models.TextField(
        _("columns"),
        blank=True,
        help_text=_('The columns the data has, one sheet a line ("Sheet: column, column").'),
    )
    external_url = models.URLField(
        _("external link"),
        blank=True,
        help_text=_("For a record of a resource held elsewhere, without a file here."),
    )
    related_resources = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="+", verbose_name=_("related resources")
    )
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    new_edition_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newer_editions",
        verbose_name=_("new edition of"),
    )

    base_form_class = ResourcePageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        # Near the top: the file is what most resources are, and its title and date fill the
        # fields left empty.
        InlinePanel(
            "attachments",
            heading=_("Files (PDF, Word, Excel, CSV or PowerPoint)"),
            label=_("File"),
            min_num=0,
            help_text=_("Upload or choose the file(s) of this resource, each with a label."),
        ),
        # Here, after the files, the suggestions app adds at start-up what the hub read in them
        # (objectives, duplicates, facts: suggestions.apps): the library does not import it.
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("resource_type"), FieldPanel("publication_date")]),
                FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
                # Chosen here, beside the ticked objectives, not in a pop-up of all 23.
                FieldPanel("primary_objective", widget=forms.RadioSelect),
                FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("working_group"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("places", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who, where, in which language"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("data_from_year"), FieldPanel("data_to_year")]),
                FieldPanel("data_columns"),
            ],
            heading=_("Dataset facts"),
            help_text=_(
                "For a dataset: the years and columns it covers, and its places above. Left "
                "empty, they are filled from the attached workbook's or CSV file's sheet and "
                "column names when the resource is saved."
            ),
            classname="collapsed",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("external_url"),
                # Ticked boxes; the editor's script turns the list into a search by title.
                FieldPanel("related_resources", widget=forms.CheckboxSelectMultiple),
                FieldPanel("translation_of"),
                FieldPanel("new_edition_of"),
            ],
            heading=_("Links"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["library.LibraryIndexPage", "hub.TwgSectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("resource")

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        # Imported here: library.resource_context builds on ResourcePage, defined in this module.
        from .resource_context import start_resource_context

        result = super().route(request, path_components)
        # This page answers the request: the search engine is asked for its related resources
        # now, to work while the page is checked and read (library.resource_context).
        start_resource_context(self, request)
        return result

    def get_context(self, request, *args, **kwargs):
        # Imported here: library.resource_context builds on ResourcePage, defined in this module.
        from .resource_context import resource_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_context(self, request))
        return context

    @property
    def data_span(self) -> str:
        """ "2019–2025", "2025", "from 2019", "to 2025", or "" : a dataset's years as shown."""
        start, end = self.data_from_year, self.data_to_year
        if start and end:
            return str(start) if start == end else f"{start}–{end}"
        if start:
            return _("from %(year)s") % {"year": start}
        if end:
            return _("to %(year)s") % {"year": end}
        return ""

    @property
    def data_column_lines(self) -> list[str]:
        return [line.strip() for line in self.data_columns.splitlines() if line.strip()]

    def get_resource_type_display(self) -> str:
        # Django's own builds a dict of every choice, hashing each translated label, on every
        # call: a noticeable cost on lists, which name a type per card. The same label, from a
        # dict built once.
        return force_str(
            _TYPE_LABELS.get(self.resource_type, self.resource_type), strings_only=True
        )

    def attached_documents(self) -> list:
        return [a.document for a in self.attachments.select_related("document") if a.document_id]

    @property
    def year(self) -> int | None:
        when = self.publication_date or (self.first_published_at and self.first_published_at.date())
        return when.year if when else None


def resources_attaching(document) -> QuerySet[ResourcePage]:
    """The resources that attach `document`: a file is as visible as they are (library.access)."""
    return ResourcePage.objects.filter(attachments__document=document)


register_document_holder(resources_attaching)
