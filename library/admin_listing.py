"""The admin's flat listing of resources, filterable by objective, type, organisation and status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

import django_filters

from foundation.organisations import Organisation

from .pages import ResourcePage, ResourceType
from .taxonomy import GcmObjective


class ResourceFilterSet(PageFilterSet):
    objectives = django_filters.ModelMultipleChoiceFilter(
        label=_("GCM objective"),
        queryset=GcmObjective.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    resource_type = django_filters.MultipleChoiceFilter(
        label=_("Type"), choices=ResourceType.choices, widget=forms.CheckboxSelectMultiple
    )
    organisations = django_filters.ModelMultipleChoiceFilter(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    live = django_filters.ChoiceFilter(
        label=_("Status"),
        empty_label=_("Any"),
        choices=[(True, _("Published")), (False, _("Draft"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ResourcePage
        fields = []


class ResourceListingViewSet(PageListingViewSet):
    model = ResourcePage
    icon = "doc-full"
    menu_label = _("Resources")
    menu_order = 150
    add_to_admin_menu = True
    name = "resources"
    filterset_class = ResourceFilterSet
