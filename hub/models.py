"""The site shell: the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The hub's front page: a search box, the latest resources and the 23 objectives."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "library.LibraryIndexPage",
        "library.CollectionIndexPage",
        "governance.MeetingIndexPage",
        "governance.WorkplanIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Prefetch

        from wagtail.images import get_image_model

        from foundation.organisations import Organisation, WorkingGroup, WorkingGroupStatus
        from library.access import visible_pages
        from library.models import CollectionPage, GcmObjective
        from library.views import newest_first, public_resources, rows_of, with_resource_counts

        context = super().get_context(request, *args, **kwargs)
        # Renditions are prefetched with the image so the cards cost no query per collection;
        # the filter must match the {% image %} tag in hub/home_page.html.
        covers = get_image_model().objects.prefetch_renditions("fill-480x270")
        context["featured_collections"] = (
            visible_pages(CollectionPage.objects.live(), request.user)
            .filter(featured=True)
            .order_by("path")  # the order editors arranged them in
            .prefetch_related(Prefetch("cover_image", queryset=covers))[:4]
        )
        context["latest_resources"] = rows_of(
            newest_first(public_resources(request.user)).prefetch_related(
                "objectives", "organisations", "languages"
            )[:6]
        )
        # One aggregate query for all 23 counts, never one per objective.
        context["objectives"] = with_resource_counts(
            GcmObjective.objects.order_by("number"), user=request.user
        )
        context["working_groups"] = (
            WorkingGroup.objects.filter(status=WorkingGroupStatus.ACTIVE)
            .order_by("name")
            .prefetch_related(Prefetch("chairs", queryset=Organisation.objects.order_by("name")))
        )
        return context


from foundation.organisations import (  # noqa: E402 - Django finds models in models.py
    Organisation,
    OrganisationKind,
    WorkingGroup,
    WorkingGroupStatus,
)

from .identity import NetworkIdentity  # noqa: E402
from .publishing.models import ReviewTask, TwgSectionPage  # noqa: E402
from .worker_health import WorkerBeat  # noqa: E402

__all__ = [
    "NetworkIdentity",
    "HomePage",
    "Organisation",
    "OrganisationKind",
    "ReviewTask",
    "TwgSectionPage",
    "WorkingGroup",
    "WorkingGroupStatus",
    "WorkerBeat",
]
