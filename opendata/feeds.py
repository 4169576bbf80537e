"""Atom and RSS 2.0 feeds: of any search or library view, of each GCM objective, organisation,
Technical Working Group and collection, and of the latest resources.

A search feed runs the search page's own search (the search contract, synonyms, the same filters)
and names, in each entry, the pages of files where the words were found. Feeds are for the public
whoever asks: their addresses travel to feed readers and newsletters, so they never carry
members' material, whatever the session that first opened them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.translation import gettext as _

from foundation.organisations import Organisation, WorkingGroup
from library.browse import facet_specs, read_facet_selection
from library.collections import CollectionPage
from library.taxonomy import GcmObjective
from search.backends import get_backend
from search.contract import MAX_PAGE_SIZE, SearchUnavailable
from search.forms import BadSearch, read_search
from search.synonyms import with_synonyms

from .catalogue import Absolute, Description, describe, mime_type, public_resources
from .openness import open_endpoint

ENTRIES = MAX_PAGE_SIZE  # entries per feed: the newest 50


@dataclass
class Channel:
    """One feed: its title and page, and its entries (descriptions, with search hits if any)."""

    title: str
    link: str
    description: str
    feed_url: str
    items: list[Description] = field(default_factory=list)


def _newest(resources: QuerySet) -> QuerySet:
    return resources.order_by(
        F("publication_date").desc(nulls_last=True),
        F("first_published_at").desc(nulls_last=True),
        "-pk",
    )


def _channel(request: HttpRequest, title: str, link: str, resources: QuerySet) -> Channel:
    absolute = Absolute(request)
    return Channel(
        title=title,
        link=absolute(link),
        description=title,
        feed_url=absolute(request.get_full_path()),
        items=describe(_newest(resources)[:ENTRIES], absolute, None),
    )


class HubFeed(Feed):
    """The entries of a Channel, as Atom (feed_type set per address) or RSS 2.0."""

    feed_type = feedgenerator.Atom1Feed

    def __init__(self, channel_for, feed_type=feedgenerator.Atom1Feed) -> None:
        super().__init__()
        self.channel_for = channel_for
        self.feed_type = feed_type

    def get_object(self, request, *args, **kwargs) -> Channel:
        return self.channel_for(request, *args, **kwargs)

    def title(self, channel: Channel) -> str:
        return channel.title

    def link(self, channel: Channel) -> str:
        return channel.link

    def description(self, channel: Channel) -> str:
        return channel.description

    def subtitle(self, channel: Channel) -> str:
        return channel.description

    def feed_url(self, channel: Channel) -> str:
        return channel.feed_url

    def items(self, channel: Channel) -> list[Description]:
        return channel.items

    def item_title(self, item: Description) -> str:
        return item.title

    def item_link(self, item: Description) -> str:
        return item.url

    def item_guid(self, item: Description) -> str:
        return item.url

    def item_description(self, item: Description) -> str:
        parts = [f"<p>{escape(item.summary)}</p>", f"<p>{escape(item.type_label)}</p>"]
        hit = getattr(item, "hit", None)
        if hit:
            for match in hit.documents:
                numbers = ", ".join(str(p.number) for p in match.pages)
                parts.append(
                    "<p>"
                    + escape(
                        _("Found in %(file)s, page(s) %(pages)s")
                        % {"file": match.title, "pages": numbers}
                    )
                    + "</p>"
                )
        return "".join(parts)

    def item_pubdate(self, item: Description) -> datetime.datetime | None:
        if item.page.publication_date:
            return datetime.datetime.combine(
                item.page.publication_date, datetime.time(), datetime.UTC
            )
        return item.page.first_published_at

    def item_updateddate(self, item: Description) -> datetime.datetime | None:
        return item.page.last_published_at or item.page.first_published_at

    def item_categories(self, item: Description) -> list[str]:
        return [
            *(
                _("GCM objective %(number)s: %(title)s") % {"number": o.number, "title": o.title}
                for o in item.objectives
            ),
            item.type_label,
        ]

    def item_author_name(self, item: Description) -> str | None:
        names = [o.acronym or o.name for o in item.creators]
        return ", ".join(names) or None

    def item_enclosures(self, item: Description) -> list[feedgenerator.Enclosure]:
        enclosures = [
            feedgenerator.Enclosure(a.url, str(a.size or 0), mime_type(a.kind))
            for a in item.attachments
        ]
        if self.feed_type is not feedgenerator.Atom1Feed:
            return enclosures[:1]  # RSS 2.0 allows one enclosure per item
        return enclosures


# -- the channels --------------------------------------------------------------------------------


class FeedProblem(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def search_channel(request: HttpRequest) -> Channel:
    """Any search or library view: with q, the search page's search (newest first unless a sort
    is given); without, the library's filters, newest first."""
    absolute = Absolute(request)
    params = request.GET.copy()
    for name in ("page", "per_page"):
        params.pop(name, None)
    query = params.get("q", "").strip()
    page_url = f"{reverse('search') if query else '/library/'}?{params.urlencode()}"
    if not query:
        selection, _known, _notices = read_facet_selection(params, facet_specs())
        resources = public_resources(None)
        for spec in facet_specs():
            if spec.name in selection:
                resources = resources.filter(spec.filter(selection[spec.name]))
        title = _("Knowledge Hub: latest resources")
        if selection:
            title = _("Knowledge Hub: latest resources (filtered)")
        return _channel(request, title, page_url, resources.distinct())
    if not params.get("sort"):
        params["sort"] = "newest"
    try:
        read = read_search(params)
    except BadSearch as problem:
        raise FeedProblem(400, str(problem)) from problem
    search_request = replace(
        read.request,
        query=with_synonyms(read.request.query),
        page=1,
        page_size=ENTRIES,
        access=(),  # the public: SearchRequest fails closed to PUBLIC
    )
    try:
        results = get_backend().search(search_request)
    except SearchUnavailable as problem:
        raise FeedProblem(503, _("Search is not available right now.")) from problem
    ids = [hit.resource_id for hit in results.hits]
    pages = {p.pk: p for p in public_resources(None).filter(pk__in=ids)}
    items = describe([pages[pk] for pk in ids if pk in pages], absolute, None)
    hits = {hit.resource_id: hit for hit in results.hits}
    for item in items:
        item.hit = hits[item.page.pk]  # the files' pages where the words were found
    return Channel(
        title=_("Knowledge Hub: search for “%(query)s”") % {"query": read.request.query.raw},
        link=absolute(page_url),
        description=_("Resources matching “%(query)s”, newest first.")
        % {"query": read.request.query.raw},
        feed_url=absolute(request.get_full_path()),
        items=items,
    )


def latest_channel(request: HttpRequest) -> Channel:
    return _channel(request, _("Knowledge Hub: latest resources"), "/library/", public_resources())


def objective_channel(request: HttpRequest, number: int) -> Channel:
    objective = get_object_or_404(GcmObjective, number=number)
    title = _("Knowledge Hub: GCM objective %(number)s, %(title)s") % {
        "number": objective.number,
        "title": objective.title,
    }
    resources = public_resources().filter(objectives=objective)
    return _channel(request, title, objective.get_absolute_url(), resources)


def organisation_channel(request: HttpRequest, slug: str) -> Channel:
    organisation = get_object_or_404(Organisation, slug=slug)
    title = _("Knowledge Hub: resources by %(name)s") % {"name": organisation.label}
    resources = public_resources().filter(organisations=organisation)
    return _channel(request, title, organisation.get_absolute_url(), resources)


def working_group_channel(request: HttpRequest, slug: str) -> Channel:
    group = get_object_or_404(WorkingGroup, slug=slug)
    title = _("Knowledge Hub: resources of the %(name)s") % {"name": group.name}
    resources = public_resources().filter(working_group=group)
    return _channel(request, title, group.get_absolute_url(), resources)


def collection_channel(request: HttpRequest, collection_id: int) -> Channel:
    from library.access import visible_pages

    collection = visible_pages(CollectionPage.objects.live(), None).filter(pk=collection_id).first()
    if collection is None:
        raise Http404(_("There is no collection %(id)s.") % {"id": collection_id})
    ids = collection.entries.values_list("resource_id", flat=True)
    title = _("Knowledge Hub: collection “%(title)s”") % {"title": collection.title}
    return _channel(request, title, collection.url or "/", public_resources().filter(pk__in=ids))


def feed_view(channel_for, feed_type):
    """A view serving one kind of channel in one format; bad input is a plain 400, never a 500."""
    feed = HubFeed(channel_for, feed_type)

    @open_endpoint
    def view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            response = feed(request, *args, **kwargs)
        except FeedProblem as problem:
            return HttpResponse(str(problem), status=problem.status, content_type="text/plain")
        except Http404 as missing:
            return HttpResponse(str(missing), status=404, content_type="text/plain")
        return response

    return view


ATOM = feedgenerator.Atom1Feed
RSS = feedgenerator.Rss201rev2Feed


def feed_params(params: QueryDict) -> str:
    """The query string a page's feed carries: the words, filters and sort it shows, without
    its position in a list or parameters the search does not know."""
    known = ("q", *(spec.name for spec in facet_specs()), "sort")
    pairs = [
        (name, value.strip()) for name in known for value in params.getlist(name) if value.strip()
    ]
    return urlencode(pairs)
