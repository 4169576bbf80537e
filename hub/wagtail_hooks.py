"""Organisations and Technical Working Groups in the admin, with search and filters."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .organisations import Organisation, WorkingGroup


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "kind", "member", "executive_committee"]
    list_filter = ["kind", "member", "executive_committee"]
    # Searched through the model's own search_fields (name, acronym): on SQLite, Wagtail's
    # database backend cannot restrict a search to chosen fields.


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = _("Working groups")
    list_display = ["name", "status"]
    list_filter = ["status"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, WorkingGroupViewSet)
    menu_icon = "group"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(NetworkViewSetGroup)
