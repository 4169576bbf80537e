"""The Secretariat's record as Wagtail pages: meetings, the decisions taken at them, annual workplans.

Meetings and decisions are pages so that Wagtail's page privacy (members only, Executive Committee
only) applies to them and to their children, and so that each one is a record of its own in the
hub's search, like a resource.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from library.access import visible_pages
from library.models import ResourcePage

from .choices import PENDING_STATUSES, ActivityStatus, DecisionStatus, MeetingType, today
from .forms import DecisionPageForm, MeetingPageForm, WorkplanPageForm


class PrivateWhenSignedIn:
    """A signed-in member's page may show restricted records: shared caches must not keep it."""

    def serve(self, request, *args, **kwargs):
        from django.utils.cache import patch_cache_control

        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response


class MeetingIndexPage(PrivateWhenSignedIn, Page):
    """Every meeting of the network, upcoming and past; the meetings live below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["governance.MeetingPage"]
    max_count = 1

    class Meta:
        verbose_name = _("meetings")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = (
            visible_meetings(request.user)
            .descendant_of(self)
            .select_related("chair", "working_group")
        )
        now = today()
        context["upcoming"] = meetings.filter(date__gte=now).order_by("date", "start_time", "pk")
        context["past"] = meetings.filter(date__lt=now).order_by("-date", "-start_time", "-pk")
        if request.user.is_authenticated:
            from .feed_tokens import personal_calendar_url, token_days

            context["personal_calendar_url"] = personal_calendar_url(request)
            context["calendar_link_days"] = token_days()
        return context


class MeetingPage(PrivateWhenSignedIn, Page):
    """One meeting: when, what kind, who chaired and attended, the agenda, the minutes."""

    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    location = models.CharField(_("place or link"), max_length=255, blank=True)
    meeting_type = models.CharField(
        _("type"), max_length=24, choices=MeetingType.choices, default=MeetingType.QUARTERLY
    )
    working_group = models.ForeignKey(
        "hub.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("technical working group"),
        help_text=_("Required for a TWG meeting."),
    )
    chair = models.ForeignKey(
        "hub.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chaired_meetings",
        verbose_name=_("chair"),
    )
    attendees = ParentalManyToManyField(
        "hub.Organisation",
        blank=True,
        related_name="meetings_attended",
        verbose_name=_("attending organisations"),
    )
    agenda = RichTextField(_("agenda"), blank=True)
    minutes = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("minutes"),
        help_text=_("The minutes as a PDF or Word file; its text is read and searchable."),
    )
    languages = ParentalManyToManyField(
        "library.Language",
        blank=True,
        related_name="+",
        verbose_name=_("languages of the minutes"),
    )

    base_form_class = MeetingPageForm
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]
                ),
                FieldPanel("location"),
                FieldRowPanel([FieldPanel("meeting_type"), FieldPanel("working_group")]),
                FieldPanel("chair"),
            ],
            heading=_("When and what"),
        ),
        FieldPanel("attendees", widget=forms.CheckboxSelectMultiple),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [FieldPanel("minutes"), FieldPanel("languages", widget=forms.CheckboxSelectMultiple)],
            heading=_("Minutes"),
        ),
    ]
    parent_page_types = ["governance.MeetingIndexPage"]
    subpage_types = ["governance.DecisionPage"]

    class Meta:
        verbose_name = _("meeting")
        ordering = ["-date"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["decisions"] = (
            visible_decisions(request.user)
            .child_of(self)
            .prefetch_related("responsible_organisations")
            .order_by("path")
        )
        return context

    @property
    def agenda_text(self) -> str:
        """The agenda as plain text, one item or paragraph per line (feeds and search)."""
        import html
        import re

        from django.utils.html import strip_tags

        blocks = re.sub(r"(?i)</(li|p|h[1-6]|div|blockquote)>|<br\s*/?>", "\n", self.agenda or "")
        lines = (html.unescape(line).strip() for line in strip_tags(blocks).splitlines())
        return "\n".join(line for line in lines if line)

    @property
    def is_upcoming(self) -> bool:
        return self.date >= today()

    @property
    def type_label(self) -> str:
        if self.meeting_type == MeetingType.TWG and self.working_group_id:
            return str(self.working_group)
        return str(self.get_meeting_type_display())


class DecisionPage(PrivateWhenSignedIn, Page):
    """A decision or action point taken at a meeting (its parent page), followed up until closed."""

    text = models.TextField(_("decision"), help_text=_("The decision as recorded in the minutes."))
    responsible_organisations = ParentalManyToManyField(
        "hub.Organisation",
        blank=True,
        related_name="decisions",
        verbose_name=_("responsible organisations"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    # Kept in step with the latest dated update on every save, so lists can filter on it.
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DecisionStatus.choices,
        default=DecisionStatus.OPEN,
        editable=False,
    )
    objectives = ParentalManyToManyField(
        "library.GcmObjective",
        blank=True,
        related_name="decisions",
        verbose_name=_("GCM objectives"),
    )
    activities = ParentalManyToManyField(
        "governance.WorkplanActivity",
        blank=True,
        related_name="decisions",
        verbose_name=_("workplan activities"),
    )
    resources = ParentalManyToManyField(
        "library.ResourcePage",
        blank=True,
        related_name="decisions",
        verbose_name=_("resources"),
    )

    base_form_class = DecisionPageForm
    content_panels = Page.content_panels + [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("due_date")]),
        FieldPanel("responsible_organisations", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "updates",
            label=_("Status updates"),
            help_text=_("The latest update gives the decision its status; none means open."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
                FieldPanel("activities"),
                FieldPanel("resources"),
            ],
            heading=_("Links"),
        ),
    ]
    parent_page_types = ["governance.MeetingPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("decision")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Linked records are shown only if this viewer may open them too.
        context["linked_resources"] = visible_resources(request.user).filter(decisions=self)
        context["linked_activities"] = (
            visible_activities(request.user).filter(decisions=self).select_related("workplan")
        )
        return context

    def save(self, *args, **kwargs):
        self.status = self.derived_status()
        return super().save(*args, **kwargs)

    def ordered_updates(self) -> list[DecisionUpdate]:
        # In-memory children too (modelcluster): the status is right before the first commit.
        updates = list(self.updates.all())
        return sorted(updates, key=lambda u: (u.date, u.sort_order or 0))

    def derived_status(self) -> str:
        updates = self.ordered_updates()
        return updates[-1].status if updates else DecisionStatus.OPEN

    @property
    def meeting(self) -> MeetingPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    @staticmethod
    def meeting_below(parent: Page | None) -> MeetingPage | None:
        """`parent` as the meeting that takes a decision placed below it (None if it is not a
        meeting): the admin form checks updates against its date."""
        parent = parent.specific if parent is not None else None
        return parent if isinstance(parent, MeetingPage) else None

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_date and self.due_date < today() and self.status in PENDING_STATUSES)


class DecisionUpdate(Orderable):
    """A dated step in a decision's follow-up: what happened and the status it left."""

    decision = ParentalKey(DecisionPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=12, choices=DecisionStatus.choices)
    note = models.TextField(_("note"), blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("status update")

    def __str__(self) -> str:
        return f"{self.date}: {self.get_status_display()}"


class WorkplanIndexPage(PrivateWhenSignedIn, Page):
    """The network's annual workplans, newest year first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["governance.WorkplanPage"]
    max_count = 1

    class Meta:
        verbose_name = _("workplans")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workplans"] = visible_workplans(request.user).child_of(self).order_by("-year")
        return context


class WorkplanPage(PrivateWhenSignedIn, Page):
    """The annual workplan (reflected in the UNSDCF): activities with their progress."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    intro = models.TextField(_("introduction"), blank=True)

    base_form_class = WorkplanPageForm
    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        InlinePanel("activities", label=_("Activities")),
    ]
    parent_page_types = ["governance.WorkplanIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("workplan")

    def get_context(self, request, *args, **kwargs):
        from .progress import overall_progress, progress_by_objective, progress_by_organisation

        context = super().get_context(request, *args, **kwargs)
        activities = list(
            self.activities.select_related("lead_organisation").prefetch_related(
                "supporting_organisations", "objectives"
            )
        )
        context["activity_list"] = activities
        context["overall"] = overall_progress(activities)
        context["by_objective"] = progress_by_objective(activities)
        context["by_organisation"] = progress_by_organisation(activities)
        return context


class WorkplanActivity(Orderable, ClusterableModel):
    """One activity of a year's workplan: who leads, who supports, which objectives, how far along."""

    workplan = ParentalKey(WorkplanPage, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activity"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    lead_organisation = models.ForeignKey(
        "hub.Organisation",
        on_delete=models.PROTECT,
        related_name="led_activities",
        verbose_name=_("lead organisation"),
    )
    supporting_organisations = ParentalManyToManyField(
        "hub.Organisation",
        blank=True,
        related_name="supported_activities",
        verbose_name=_("supporting organisations"),
    )
    objectives = ParentalManyToManyField(
        "library.GcmObjective",
        blank=True,
        related_name="workplan_activities",
        verbose_name=_("GCM objectives"),
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("From 0 to 100."),
    )
    progress_notes = models.TextField(_("progress notes"), blank=True)
    unsdcf_outcome = models.CharField(
        _("UNSDCF outcome"),
        max_length=255,
        blank=True,
        help_text=_("The Cooperation Framework outcome this activity contributes to, if any."),
    )
    unsdcf_url = models.URLField(_("link to the UNSDCF outcome"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("lead_organisation"), FieldPanel("status")]),
        FieldPanel("supporting_organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("progress")]),
        FieldPanel("progress_notes"),
        FieldRowPanel([FieldPanel("unsdcf_outcome"), FieldPanel("unsdcf_url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("workplan activity")
        verbose_name_plural = _("workplan activities")

    def __str__(self) -> str:
        return self.title

    @property
    def quarters(self) -> list[int]:
        """The quarters of the workplan year the activity runs in (1 to 4)."""
        first = (self.start_date.month - 1) // 3 + 1
        last = (self.end_date.month - 1) // 3 + 1
        return list(range(first, last + 1))

    @property
    def quarters_label(self) -> str:
        quarters = self.quarters
        if len(quarters) == 1:
            return f"Q{quarters[0]}"
        return f"Q{quarters[0]}–Q{quarters[-1]}"

    @property
    def effective_progress(self) -> int:
        """Progress as counted in totals: a done activity is complete, a cancelled one is out."""
        if self.status == ActivityStatus.DONE:
            return 100
        return min(self.progress, 100)


# What one viewer may see of the Secretariat's record: every list, count, feed and export starts
# here (governance.visibility names them for the other modules). Live pages only, narrowed by
# Wagtail page privacy, so a meeting limited to the Executive Committee (and the decisions below
# it) never reaches anyone else, not even as a number.


def visible_meetings(user) -> QuerySet[MeetingPage]:
    return visible_pages(MeetingPage.objects.live(), user)


def visible_decisions(user) -> QuerySet[DecisionPage]:
    return visible_pages(DecisionPage.objects.live(), user)


def visible_workplans(user) -> QuerySet[WorkplanPage]:
    return visible_pages(WorkplanPage.objects.live(), user)


def visible_activities(user) -> QuerySet[WorkplanActivity]:
    return WorkplanActivity.objects.filter(workplan__in=visible_workplans(user).values("pk"))


def visible_resources(user) -> QuerySet[ResourcePage]:
    return visible_pages(ResourcePage.objects.live(), user)


from .feed_tokens import CalendarToken  # noqa: E402, F401 - Django finds models in models.py
