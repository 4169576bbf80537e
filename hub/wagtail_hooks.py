"""Organisations and Technical Working Groups in the admin, with search and filters; the
"Share preview link" of a page's draft (hub.publishing.preview)."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from foundation.organisations import Organisation, WorkingGroup

from . import (
    queue_hooks,  # noqa: F401 - registers the task queue page under Reports
    security_hooks,  # noqa: F401 - registers the document access hook
)
from .publishing.preview import share_preview_admin, user_may_share


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


@hooks.register("register_admin_urls")
def register_share_preview_url():
    return [
        path("pages/<int:page_id>/share-preview/", share_preview_admin, name="hub_share_preview")
    ]


@hooks.register("register_page_header_buttons")
def share_preview_button(page, user, view_name, next_url=None):
    # Only pages with something to read: the page types readers see (not the tree's root).
    if page.depth > 1 and user_may_share(user, page):
        yield Button(
            _("Share preview link"),
            reverse("hub_share_preview", args=[page.pk]),
            icon_name="link",
            priority=80,
        )


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_of_others(pages, request):
    """The page chooser lists every page to anyone in the admin; a draft is shown only to those
    who may edit it, so a TWG member never sees another TWG's drafts (not even by title)."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
