"""The site shell: the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The hub's front page: a search box, the latest resources and the 23 objectives."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["library.LibraryIndexPage", "library.CollectionIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from library.models import GcmObjective, ResourcePage

        context = super().get_context(request, *args, **kwargs)
        context["latest_resources"] = (
            ResourcePage.objects.live()
            .public()
            .order_by("-publication_date", "-first_published_at")[:6]
        )
        context["objectives"] = GcmObjective.objects.all()
        return context


from .organisations import (  # noqa: E402 - Django finds models in models.py
    Organisation,
    OrganisationKind,
    WorkingGroup,
    WorkingGroupStatus,
)

__all__ = ["HomePage", "Organisation", "OrganisationKind", "WorkingGroup", "WorkingGroupStatus"]
