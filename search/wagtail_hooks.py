"""Search analytics in the Wagtail admin, under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .analytics_views import PERMISSION, search_analytics
from .models import PromotedResult, SynonymGroup


class SearchAnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_search_analytics_url():
    return [path("search-analytics/", search_analytics, name="search_analytics")]


@hooks.register("register_reports_menu_item")
def register_search_analytics_menu_item():
    return SearchAnalyticsMenuItem(
        _("Search analytics"),
        reverse("search_analytics"),
        name="search-analytics",
        icon_name="search",
        order=1300,
    )


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    list_display = ["__str__", "note"]
    panels = [FieldPanel("terms"), FieldPanel("note")]


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    icon = "pick"
    menu_label = _("Promoted search results")
    menu_name = "search-promotions"
    add_to_settings_menu = True
    list_display = ["query", "page", "sort_order", "note"]
    panels = [
        FieldPanel("query"),
        PageChooserPanel("page", "library.ResourcePage"),
        FieldPanel("sort_order"),
        FieldPanel("note"),
    ]


register_snippet(SynonymGroupViewSet)
register_snippet(PromotedResultViewSet)
