"""The library in the Wagtail admin: the GCM taxonomy as snippets, document reading status."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from taggit.models import Tag

from .admin_listing import ResourceListingViewSet
from .document_admin import HubDocumentIndexView, retry_extraction
from .editor_path import add_resource
from .taxonomy import GcmObjective, GuidingPrinciple, Place


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


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]


register_snippet(PlaceViewSet)


@hooks.register("register_admin_viewset")
def register_resource_listing():
    return ResourceListingViewSet("resources")


class ThemeViewSet(SnippetViewSet):
    """The free theme tags editors put on resources: rename, merge by hand, or remove."""

    model = Tag
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    url_namespace = "themes"
    url_prefix = "themes"

    def get_queryset(self, request):
        return Tag.objects.filter(library_resourcetheme_items__isnull=False).distinct()


register_snippet(ThemeViewSet)


# Before Wagtail's own document URLs (order=-1): the document listing gains a column saying
# whether each file's text was read; wagtaildocs:index still names this URL.
@hooks.register("register_admin_urls", order=-1)
def register_document_admin_urls():
    return [
        path("documents/", HubDocumentIndexView.as_view(), name="hub_documents_index"),
        path(
            "documents/results/",
            HubDocumentIndexView.as_view(results_only=True),
            name="hub_documents_index_results",
        ),
        path(
            "documents/<int:document_id>/retry-extraction/",
            retry_extraction,
            name="hub_document_retry_extraction",
        ),
    ]


@hooks.register("register_admin_urls")
def add_resource_url():
    return [path("add-resource/", add_resource, name="library_add_resource")]


@hooks.register("register_admin_menu_item")
def add_resource_menu_item():
    from django.urls import reverse

    from wagtail.admin.menu import MenuItem

    # Straight to the new-resource form under the Library: no "choose a parent" step.
    return MenuItem(
        _("Add resource"), reverse("library_add_resource"), icon_name="doc-full", order=150
    )


@hooks.register("insert_editor_js")
def resource_editor_js():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<script src="{}" defer></script>', static("hub/js/resource_editor.js"))
