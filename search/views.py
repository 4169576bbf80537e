"""The search page: parameters in, a backend's results out, live pages loaded by id."""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from library.models import GcmObjective, ResourcePage

from .backends import get_backend
from .contract import SearchResults, SearchUnavailable
from .forms import BadSearch, read_search

logger = logging.getLogger(__name__)


def search_view(request: HttpRequest) -> HttpResponse:
    objectives = list(GcmObjective.objects.all())
    context = {"objectives": objectives, "query": request.GET.get("q", "")[:1000]}
    try:
        read = read_search(request.GET, {o.number for o in objectives})
    except BadSearch as error:
        context.update(error=str(error), query="")
        return render(request, "search/search.html", context, status=400)
    search_request = read.request
    context.update(
        notices=read.notices,
        selected_objectives=search_request.objectives,
        query=search_request.query.raw,
    )
    if search_request.query.is_empty:
        return render(request, "search/search.html", context)
    try:
        results = get_backend().search(search_request)
    except SearchUnavailable as error:
        logger.warning("Search unavailable: %s", error)
        context["unavailable"] = _(
            "Search is not available right now. Please try again in a few minutes; "
            "you can still browse the library."
        )
        return render(request, "search/search.html", context, status=503)
    if search_request.page > results.page_count:
        raise Http404(_("There is no page %(page)s of results.") % {"page": search_request.page})
    context.update(results=results, rows=_rows(results), pagination=_pagination(request, results))
    # An unmatched quote or bracket is the reader's error: say so (400) but still show results.
    status = 400 if search_request.query.degraded else 200
    return render(request, "search/search.html", context, status=status)


def _rows(results: SearchResults) -> list[dict]:
    pages = ResourcePage.objects.live().public().in_bulk([hit.resource_id for hit in results.hits])
    rows = []
    for hit in results.hits:
        page = pages.get(hit.resource_id)
        if page is None:  # left the site since it was indexed
            continue
        rows.append({"hit": hit, "page": page})
    return rows


def _pagination(request: HttpRequest, results: SearchResults) -> dict:
    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return "?" + params.urlencode()

    return {
        "previous": link(results.page - 1) if results.page > 1 else None,
        "next": link(results.page + 1) if results.page < results.page_count else None,
        "page": results.page,
        "page_count": results.page_count,
        "first_number": (results.page - 1) * results.page_size + 1,
    }
