"""The Secretariat's record in the Wagtail admin: flat, filterable listings of meetings and decisions
(the pages themselves are edited in the explorer; workplan activities inline on their workplan)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

import django_filters

from foundation.organisations import Organisation, WorkingGroup
from library.models import GcmObjective

from .models import DecisionPage, DecisionStatus, MeetingPage, MeetingType, WorkplanPage


class MeetingFilterSet(PageFilterSet):
    meeting_type = django_filters.MultipleChoiceFilter(
        label=_("Type"), choices=MeetingType.choices, widget=forms.CheckboxSelectMultiple
    )
    working_group = django_filters.ModelChoiceFilter(
        label=_("Technical working group"), queryset=WorkingGroup.objects.all()
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = MeetingPage
        fields = []


class DecisionFilterSet(PageFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Decision status"),
        choices=DecisionStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    responsible_organisations = django_filters.ModelMultipleChoiceFilter(
        label=_("Responsible organisation"),
        queryset=Organisation.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    objectives = django_filters.ModelMultipleChoiceFilter(
        label=_("GCM objective"),
        queryset=GcmObjective.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    due_date = django_filters.DateFromToRangeFilter(
        label=_("Due date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = DecisionPage
        fields = []


class MeetingListingViewSet(PageListingViewSet):
    model = MeetingPage
    icon = "date"
    menu_label = _("Meetings")
    name = "secretariat_meetings"
    url_prefix = "secretariat/meetings"
    filterset_class = MeetingFilterSet


class DecisionListingViewSet(PageListingViewSet):
    model = DecisionPage
    icon = "tasks"
    menu_label = _("Decisions")
    name = "secretariat_decisions"
    url_prefix = "secretariat/decisions"
    filterset_class = DecisionFilterSet


class WorkplanListingViewSet(PageListingViewSet):
    model = WorkplanPage
    icon = "list-ul"
    menu_label = _("Workplans")
    name = "secretariat_workplans"
    url_prefix = "secretariat/workplans"


class SecretariatViewSetGroup(ViewSetGroup):
    menu_label = _("Secretariat")
    menu_icon = "group"
    menu_order = 160
    items = (MeetingListingViewSet, DecisionListingViewSet, WorkplanListingViewSet)


@hooks.register("register_admin_viewset")
def register_secretariat_listings():
    return SecretariatViewSetGroup()
