"""The sitemap: every live, public Wagtail page plus the objective, principle, organisation and TWG pages."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from foundation.organisations import Organisation, WorkingGroup
from library.taxonomy import GcmObjective, GuidingPrinciple


class ObjectiveSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[GcmObjective]:
        return GcmObjective.objects.order_by("number")


class PrincipleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[GuidingPrinciple]:
        return GuidingPrinciple.objects.order_by("number")


class OrganisationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Organisation]:
        return Organisation.objects.order_by("slug")


class WorkingGroupSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[WorkingGroup]:
        return WorkingGroup.objects.order_by("slug")


ENTITY_SITEMAPS: dict[str, type[Sitemap]] = {
    "objectives": ObjectiveSitemap,
    "principles": PrincipleSitemap,
    "organisations": OrganisationSitemap,
    "working-groups": WorkingGroupSitemap,
}


def sitemap(request: HttpRequest) -> HttpResponse:
    """``/sitemap.xml``: Wagtail's live, public pages for this site, then the entity pages."""
    # Wagtail's section needs the request to find the site and build full page URLs;
    # its items() is live().public(), so drafts and restricted pages never appear.
    sections: dict[str, Sitemap | type[Sitemap]] = {"pages": WagtailSitemap(request)}
    sections.update(ENTITY_SITEMAPS)
    return sitemap_views.sitemap(request, sitemaps=sections)
