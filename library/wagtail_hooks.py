"""The library in the Wagtail admin: the GCM taxonomy as snippets, document reading status."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .taxonomy import GcmObjective, GuidingPrinciple


class GcmObjectiveViewSet(SnippetViewSet):
    model = GcmObjective
    icon = "tag"
    menu_label = _("GCM objectives")
    list_display = ["number", "title"]
    search_fields = ["title"]
    ordering = ["number"]


class GuidingPrincipleViewSet(SnippetViewSet):
    model = GuidingPrinciple
    icon = "tag"
    menu_label = _("Guiding principles")
    list_display = ["number", "title"]
    ordering = ["number"]


register_snippet(GcmObjectiveViewSet)
register_snippet(GuidingPrincipleViewSet)
