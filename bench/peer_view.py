"""The peer a Wagtail user would otherwise pick: the search view `wagtail start` generates
(search the live pages, paginate by 10, render a list of titles and descriptions), pointed at
Wagtail's own Elasticsearch 9 backend and rendered inside the hub's base template, so both
views pay for the same page shell. Used by the benchmark only (bench.urls)."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Phrase, PlainText

from library.models import ResourcePage


def with_same_text(model) -> None:
    """Have Wagtail's index hold the text ours holds (title, summary, body): the benchmark's
    process only, so the site's own admin search keeps its fields."""
    from wagtail.search import index

    names = {getattr(field, "field_name", None) for field in model.search_fields}
    if "body" not in names:
        model.search_fields = [*model.search_fields, index.SearchField("body")]


def expression(text: str):
    """All words required, as in the hub; a quoted phrase stays a phrase."""
    if text.startswith('"') and text.endswith('"'):
        return Phrase(text.strip('"'))
    return And([PlainText(word) for word in text.split()])


def peer_results(text: str, sort: str | None):
    live = ResourcePage.objects.live()
    if sort:
        live = live.order_by("-first_published_at" if sort == "newest" else "first_published_at")
    return get_search_backend("peer").search(expression(text), live, order_by_relevance=not sort)


def peer_search(request: HttpRequest) -> TemplateResponse:
    query = request.GET.get("q", "")
    results = peer_results(query, request.GET.get("sort")) if query else ResourcePage.objects.none()
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request, "bench/peer_search.html", {"search_query": query, "search_results": page}
    )
