"""The library's front door: the index page every resource lives below, and that browses them."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .browse import browse
from .pages import ResourcePage


class LibraryIndexPage(Page):
    """The library's front door: every resource lives below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # TWG sections (hub.publishing) hold each TWG's papers; browse looks below them too.
    subpage_types = ["library.ResourcePage", "hub.TwgSectionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("library")

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        # Most addresses below the library are resources. Wagtail would read the child as a
        # generic page, then as a ResourcePage, then each foreign key its page shows; here one
        # query does all three. Other children (TWG sections) and misses go Wagtail's way.
        if path_components:
            resource = (
                ResourcePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("primary_objective", "working_group")
                .first()
            )
            if resource is not None:
                resource._cached_parent_obj = self  # as Page.route does: get_parent() is free
                return resource.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["browse"] = browse(request, within=self)
        context["resources"] = context["browse"].results
        return context
