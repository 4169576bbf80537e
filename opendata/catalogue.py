"""What the hub tells the outside world about a resource: one description, read once, that the API,
feeds, OAI-PMH records, citations and previews all draw on, so they never disagree.

Everything here is over what the viewer may see (library.access): the API, feeds and harvesting
are anonymous, so that is the public's view. A file stays out when its own collection is private
to the viewer, even on a public resource (its link would only answer "not found").
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import HttpRequest
from django.utils import timezone

from wagtail.models import CollectionViewRestriction

from foundation.organisations import Organisation
from library.access import labels_for_restrictions, may_see, viewer_labels, visible_pages
from library.pages import ResourceAttachment, ResourcePage

# The relations a description reads: prefetched once for a whole list. Lists (the API's search
# and browse) read the lean set; a single resource, feeds, harvesting and citations all of them.
LIST_RELATIONS = (
    "objectives",
    "organisations",
    "languages",
    Prefetch(
        "attachments",
        queryset=ResourceAttachment.objects.select_related(
            "document", "document__collection", "language"
        ).order_by("sort_order", "pk"),
    ),
)
RELATIONS = (*LIST_RELATIONS, "principles", "places", "themes")


def public_resources(user=None, relations: tuple = RELATIONS) -> QuerySet[ResourcePage]:
    """Live resources this viewer may see (None: the public), with what descriptions read."""
    return (
        visible_pages(ResourcePage.objects.live(), user)
        .select_related("working_group", "primary_objective")
        .prefetch_related(*relations)
    )


def resource_date(page: ResourcePage) -> datetime.date | None:
    """The date a resource carries: its publication date, else the day it first went live."""
    if page.publication_date:
        return page.publication_date
    if page.first_published_at:
        return timezone.localtime(page.first_published_at).date()
    return None


def changed_at(page: ResourcePage) -> datetime.datetime:
    """When the public record last changed: its last publication (harvesters' datestamp)."""
    return page.last_published_at or page.first_published_at or timezone.now()


@dataclass
class Attachment:
    document_id: int
    title: str
    label: str
    url: str
    kind: str
    size: int | None
    page_count: int | None
    language: str


@dataclass
class Description:
    """A resource as every open format sees it; URLs are absolute."""

    page: ResourcePage
    url: str
    attachments: list[Attachment] = field(default_factory=list)
    # The search hit that found it, when it comes from a search (feeds name the pages matched).
    hit: object | None = None

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def summary(self) -> str:
        return self.page.summary

    @property
    def date(self) -> datetime.date | None:
        return resource_date(self.page)

    @property
    def type_label(self) -> str:
        return self.page.get_resource_type_display()

    @property
    def creators(self) -> list[Organisation]:
        return list(self.page.organisations.all())

    @property
    def objectives(self) -> list:
        """The primary objective first (as the page shows them), then by number."""
        primary = self.page.primary_objective_id
        return sorted(self.page.objectives.all(), key=lambda o: (o.pk != primary, o.number))

    @property
    def languages(self) -> list:
        return list(self.page.languages.all())


class Absolute:
    """Turns the hub's paths into full addresses: from the request, else the site's base URL."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        self.request = request

    def __call__(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        if self.request is not None:
            return self.request.build_absolute_uri(path)
        from django.conf import settings

        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _collection_labels(collection_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each private collection's labels, its ancestors' restrictions included; public ones absent."""
    restrictions = list(
        CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups")
    )
    labels: dict[int, tuple[str, ...]] = {}
    if not restrictions:
        return labels
    from wagtail.models import Collection

    for collection in Collection.objects.filter(pk__in=set(collection_ids)):
        applying = [r for r in restrictions if collection.path.startswith(r.collection.path)]
        if applying:
            labels[collection.pk] = labels_for_restrictions(applying)
    return labels


def describe(
    pages: Iterable[ResourcePage], absolute: Absolute, user=None, relations: tuple = RELATIONS
) -> list[Description]:
    """Descriptions of these (visible, live) pages, with the files the viewer may download."""
    pages = list(pages)
    # Relations already read (a queryset's prefetches, the resource page's attachments) are
    # skipped; the rest are read once here and then serve the page's template too.
    prefetch_related_objects(pages, *relations)
    viewer = viewer_labels(user)
    attachments = [a for page in pages for a in page.attachments.all()]
    private = _collection_labels(a.document.collection_id for a in attachments)
    described = []
    for page in pages:
        files = []
        for attachment in page.attachments.all():
            document = attachment.document
            labels = private.get(document.collection_id)
            if labels is not None and not may_see(labels, viewer):
                continue
            files.append(
                Attachment(
                    document_id=document.pk,
                    title=document.title,
                    label=attachment.display_label,
                    url=absolute(document.url),
                    kind=document.file_extension.lower(),
                    size=document.file_size,
                    page_count=document.page_count,
                    language=attachment.language.code if attachment.language else "",
                )
            )
        described.append(Description(page=page, url=absolute(page.url or ""), attachments=files))
    return described


def describe_one(page: ResourcePage, absolute: Absolute, user=None) -> Description:
    """One page's description, kept on the page for the rest of the request (the page's
    previews and its "Cite" box both need it)."""
    held = page.__dict__.get("_open_description")
    if held is None or held.url != absolute(page.url or ""):
        held = page.__dict__["_open_description"] = describe([page], absolute, user)[0]
    return held


def mime_type(kind: str) -> str:
    return {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword",
    }.get(kind, "application/octet-stream")
