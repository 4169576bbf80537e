"""The JSON API at /api/v1/: the public library for partners' sites and dashboards.

Plain Django views, not Django REST Framework or Wagtail's API v2 (opendata/README.md says why):
the resource list with `q=` is the search page's own search (search.forms.read_search into a
SearchRequest, synonyms, the configured backend, the viewer's access labels), and without `q=`
the library's own browse (library.browse), so the API never finds more or less than the site.
"""

from __future__ import annotations

from dataclasses import replace

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from foundation.organisations import Organisation, WorkingGroup
from library.access import read_restrictions, viewer_labels, visible_pages
from library.browse import LIBRARY_SORTS, browse, facet_specs, known_labels
from library.collections import CollectionPage
from library.related import related_for
from library.taxonomy import GcmObjective
from library.views import with_resource_counts
from search.backends import get_backend
from search.contract import MAX_PAGE_SIZE, Hit, SearchRequest, SearchResults, SearchUnavailable
from search.forms import BadSearch, ReadSearch, read_search
from search.synonyms import with_synonyms

from .catalogue import (
    LIST_RELATIONS,
    Absolute,
    Description,
    describe,
    describe_one,
    public_resources,
)
from .openness import open_endpoint

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
LIST_PARAMS = {"q", "page", "per_page", "sort", *(spec.name for spec in facet_specs())}


class BadRequest(ValueError):
    """A parameter with a value no answer can be made from: 400 with this message."""


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": {"status": status, "message": message}}, status=status)


def _json(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _whole_number(params: QueryDict, name: str, default: int, top: int, message: str) -> int:
    raw = params.get(name, "").strip() or str(default)
    if not raw.isdigit() or len(raw) > 6 or not 1 <= int(raw) <= top:
        raise BadRequest(message)
    return int(raw)


def _unknown_notices(params: QueryDict, known: set[str]) -> list[str]:
    return [
        _("There is no parameter “%(name)s”; it was ignored.") % {"name": name[:40]}
        for name in sorted(set(params) - known)
        if any(value.strip() for value in params.getlist(name))
    ]


# -- descriptions as JSON ------------------------------------------------------------------------


def _api_url(absolute: Absolute, name: str, *args) -> str:
    return absolute(reverse(name, args=args))


def resource_json(item: Description, absolute: Absolute, full: bool = False) -> dict:
    """A resource as lists give it; `full` adds principles, themes and places (one resource)."""
    page = item.page
    data = {
        "id": page.pk,
        "url": item.url,
        "api_url": _api_url(absolute, "api_resource", page.pk),
        "title": page.title,
        "summary": page.summary,
        "type": {"value": page.resource_type, "label": item.type_label},
        "date": item.date.isoformat() if item.date else None,
        "first_published_at": page.first_published_at.isoformat()
        if page.first_published_at
        else None,
        "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
        "objectives": [
            {
                "number": o.number,
                "title": o.title,
                "primary": o.pk == page.primary_objective_id,
                "url": absolute(o.get_absolute_url()),
            }
            for o in item.objectives
        ],
        "organisations": [
            {"slug": o.slug, "name": o.name, "acronym": o.acronym} for o in item.creators
        ],
        "working_group": {"slug": page.working_group.slug, "name": page.working_group.name}
        if page.working_group
        else None,
        "languages": [{"code": lang.code, "name": lang.name} for lang in item.languages],
        "external_url": page.external_url or None,
        "attachments": [
            {
                "title": a.title,
                "label": a.label,
                "url": a.url,
                "format": a.kind,
                "size": a.size,
                "page_count": a.page_count,
                "language": a.language or None,
            }
            for a in item.attachments
        ],
    }
    if full:
        data["principles"] = [{"number": p.number, "title": p.title} for p in page.principles.all()]
        data["themes"] = sorted(tag.name for tag in page.themes.all())
        data["places"] = [{"slug": p.slug, "name": p.name} for p in page.places.all()]
    return data


def _link(page, absolute: Absolute) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": absolute(page.url or ""),
        "api_url": _api_url(absolute, "api_resource", page.pk),
    }


# -- resources -----------------------------------------------------------------------------------


@open_endpoint
def resource_list(request: HttpRequest) -> HttpResponse:
    params = request.GET
    try:
        page = _whole_number(
            params, "page", 1, 10**6, _("The page number must be a whole number from 1.")
        )
        per_page = _whole_number(
            params,
            "per_page",
            DEFAULT_PER_PAGE,
            MAX_PER_PAGE,
            _("per_page must be a whole number from 1 to %(max)s.") % {"max": MAX_PER_PAGE},
        )
        if params.get("q", "").strip():
            body = _searched(request, page, per_page)
        else:
            body = _browsed(request, page, per_page)
    except BadRequest as problem:
        return error(400, str(problem))
    except Http404 as missing:
        return error(404, str(missing))
    except SearchUnavailable:
        return error(503, _("Search is not available right now; please try again shortly."))
    return _json(body)


def _page_links(request: HttpRequest, page: int, page_count: int) -> dict:
    def at(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {
        "next": at(page + 1) if page < page_count else None,
        "previous": at(page - 1) if page > 1 else None,
    }


def _searched(request: HttpRequest, page: int, per_page: int) -> dict:
    """The search page's search: same parser, filters, synonyms, engine and access labels."""
    read, base = _search_request(request)
    hits, first = _hits_of_page(base, page, per_page)
    total = first.total
    page_count = max(1, -(-total // per_page))
    if page > page_count:
        raise Http404(_("There is no page %(page)s of results.") % {"page": page})
    rows = _search_rows(request, hits)
    return {
        "count": total,
        "page": page,
        "per_page": per_page,
        "page_count": page_count,
        **_page_links(request, page, page_count),
        "query": base.query.raw,
        "sort": base.sort,
        "notices": read.notices,
        "facets": _search_facets(first, base.filters),
        "results": rows,
    }


def _search_request(request: HttpRequest) -> tuple[ReadSearch, SearchRequest]:
    """The parameters read as the search page reads them (paging aside: the API pages itself),
    with synonyms and the viewer's access labels."""
    params = request.GET.copy()
    for name in ("page", "per_page"):
        params.pop(name, None)
    try:
        read = read_search(params)
    except BadSearch as problem:
        raise BadRequest(str(problem)) from problem
    base = replace(
        read.request,
        query=with_synonyms(read.request.query),
        access=viewer_labels(request.user),
    )
    return read, base


def _hits_of_page(base: SearchRequest, page: int, per_page: int) -> tuple[list[Hit], SearchResults]:
    """The hits of the API's page, and the engine's first answer (its total and facets)."""
    backend = get_backend()
    if per_page <= MAX_PAGE_SIZE:
        results = backend.search(replace(base, page=page, page_size=per_page))
        return results.hits, results
    # The engine serves at most MAX_PAGE_SIZE at a time: the window is read in chunks.
    offset = (page - 1) * per_page
    start_chunk = offset // MAX_PAGE_SIZE + 1
    end_chunk = (offset + per_page - 1) // MAX_PAGE_SIZE + 1
    hits, first = [], None
    for chunk in range(start_chunk, end_chunk + 1):
        results = backend.search(replace(base, page=chunk, page_size=MAX_PAGE_SIZE))
        first = first or results
        hits += results.hits
        if chunk * MAX_PAGE_SIZE >= results.total:
            break
    skip = offset - (start_chunk - 1) * MAX_PAGE_SIZE
    return hits[skip : skip + per_page], first


def _search_rows(request: HttpRequest, hits: list[Hit]) -> list[dict]:
    """The hits still public and live in the database, as the list describes a resource, each
    with what the search found in it."""
    absolute = Absolute(request)
    ids = [hit.resource_id for hit in hits]
    pages = {p.pk: p for p in public_resources(request.user, LIST_RELATIONS).filter(pk__in=ids)}
    found = [hit for hit in hits if hit.resource_id in pages]
    chosen = [pages[h.resource_id] for h in found]
    described = {d.page.pk: d for d in describe(chosen, absolute, request.user, LIST_RELATIONS)}
    rows = []
    for hit in found:
        row = resource_json(described[hit.resource_id], absolute)
        row["search"] = _found_in(hit, absolute)
        rows.append(row)
    return rows


def _found_in(hit: Hit, absolute: Absolute) -> dict:
    """What the search found in one resource: its score, marks and the pages of its files."""
    return {
        "score": hit.score,
        "title_html": hit.title_html,
        "fragments_html": hit.fragments_html,
        "documents": [
            {
                "title": match.title,
                "url": absolute(match.url),
                "pages": [
                    {
                        "number": p.number,
                        "fragment_html": p.fragment_html,
                        # A sheet and row, or a slide, on a workbook or deck; else "".
                        "label": p.label,
                        "url": absolute(
                            match.url + p.anchor if p.anchor else match.page_url(p.number)
                        ),
                    }
                    for p in match.pages
                ],
                "more_pages": match.more_pages,
            }
            for match in hit.documents
        ],
    }


def _search_facets(results: SearchResults, selected: dict) -> dict:
    facets = {}
    for spec in facet_specs():
        counts = {c.value: c.count for c in results.facets.get(spec.name, [])}
        known = known_labels(spec, counts)
        facets[spec.name] = [
            {
                "value": value,
                "label": known[value][0],
                "count": count,
                "selected": value in selected.get(spec.name, ()),
            }
            for value, count in counts.items()
            if value in known
        ]
    return facets


def _browsed(request: HttpRequest, page: int, per_page: int) -> dict:
    """The library's browse: the same filters and counts as /library/, newest first."""
    notices = _unknown_notices(request.GET, LIST_PARAMS)
    result = browse(request, per_page=per_page, sorts=LIBRARY_SORTS)
    absolute = Absolute(request)
    ids = [p.pk for p in result.results]
    pages = {p.pk: p for p in public_resources(request.user, LIST_RELATIONS).filter(pk__in=ids)}
    chosen = [pages[pk] for pk in ids if pk in pages]
    described = describe(chosen, absolute, request.user, LIST_RELATIONS)
    paginator = result.page.paginator
    return {
        "count": paginator.count,
        "page": page,
        "per_page": per_page,
        "page_count": paginator.num_pages,
        **_page_links(request, page, paginator.num_pages),
        "query": "",
        "sort": result.sort,
        "notices": notices + result.notices,
        "facets": {
            facet.name: [
                {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected}
                for o in facet.options
            ]
            for facet in result.facets
        },
        "results": [resource_json(item, absolute) for item in described],
    }


@open_endpoint
def resource_detail(request: HttpRequest, resource_id: int) -> HttpResponse:
    page = public_resources(request.user).filter(pk=resource_id).first()
    if page is None:
        # The same answer for a draft, a restricted page and no page at all.
        return error(404, _("There is no resource %(id)s.") % {"id": resource_id})
    absolute = Absolute(request)
    body = resource_json(describe_one(page, absolute, request.user), absolute, full=True)
    restrictions = read_restrictions()
    visible = visible_pages(
        page.__class__.objects.live().only("title", "url_path"), request.user, restrictions
    )
    body["body_html"] = str(page.body)
    body["translation_of"] = (
        _link(visible.get(pk=page.translation_of_id), absolute)
        if page.translation_of_id and visible.filter(pk=page.translation_of_id).exists()
        else None
    )
    body["new_edition_of"] = (
        _link(visible.get(pk=page.new_edition_of_id), absolute)
        if page.new_edition_of_id and visible.filter(pk=page.new_edition_of_id).exists()
        else None
    )
    body["translations"] = [
        _link(p, absolute) for p in visible.filter(translation_of=page).order_by("path")
    ]
    body["newer_editions"] = [
        _link(p, absolute) for p in visible.filter(new_edition_of=page).order_by("path")
    ]
    try:
        related = related_for(page, user=request.user, restrictions=restrictions)
    except SearchUnavailable:
        related = []
    body["related"] = [_link(p, absolute) for p in related]
    return _json(body)


# -- vocabularies and collections ----------------------------------------------------------------


@open_endpoint
def objective_list(request: HttpRequest) -> HttpResponse:
    absolute = Absolute(request)
    objectives = with_resource_counts(GcmObjective.objects.order_by("number"), user=request.user)
    return _json(
        {
            "count": len(objectives),
            "results": [
                {
                    "number": o.number,
                    "title": o.title,
                    "url": absolute(o.get_absolute_url()),
                    "resource_count": o.resource_count,
                    "resources_api_url": absolute(
                        f"{reverse('api_resources')}?objective={o.number}"
                    ),
                }
                for o in objectives
            ],
        }
    )


@open_endpoint
def organisation_list(request: HttpRequest) -> HttpResponse:
    absolute = Absolute(request)
    organisations = with_resource_counts(Organisation.objects.order_by("name"), user=request.user)
    return _json(
        {
            "count": len(organisations),
            "results": [
                {
                    "slug": o.slug,
                    "name": o.name,
                    "acronym": o.acronym,
                    "kind": o.kind,
                    "member": o.member,
                    "website": o.website or None,
                    "url": absolute(o.get_absolute_url()),
                    "resource_count": o.resource_count,
                    "resources_api_url": absolute(
                        f"{reverse('api_resources')}?organisation={o.slug}"
                    ),
                }
                for o in organisations
            ],
        }
    )


@open_endpoint
def working_group_list(request: HttpRequest) -> HttpResponse:
    absolute = Absolute(request)
    groups = with_resource_counts(WorkingGroup.objects.order_by("name"), user=request.user)
    return _json(
        {
            "count": len(groups),
            "results": [
                {
                    "slug": g.slug,
                    "name": g.name,
                    "status": g.status,
                    "url": absolute(g.get_absolute_url()),
                    "resource_count": g.resource_count,
                    "resources_api_url": absolute(f"{reverse('api_resources')}?twg={g.slug}"),
                }
                for g in groups
            ],
        }
    )


def visible_collection(request: HttpRequest, collection_id: int) -> CollectionPage | None:
    return (
        visible_pages(CollectionPage.objects.live(), request.user).filter(pk=collection_id).first()
    )


def collection_resources(collection: CollectionPage, user) -> list:
    """The collection's live resources the viewer may see, in the editor's order, with notes."""
    entries = list(
        collection.entries.order_by("sort_order", "pk").values_list("resource_id", "note")
    )
    notes: dict[int, str] = {}
    for resource_id, note in entries:
        notes.setdefault(resource_id, note)
    pages = {p.pk: p for p in public_resources(user).filter(pk__in=list(notes))}
    ordered = [pages[pk] for pk in notes if pk in pages]
    for page in ordered:
        page.collection_note = notes[page.pk]
    return ordered


@open_endpoint
def collection_detail(request: HttpRequest, collection_id: int) -> HttpResponse:
    collection = visible_collection(request, collection_id)
    if collection is None:
        return error(404, _("There is no collection %(id)s.") % {"id": collection_id})
    absolute = Absolute(request)
    resources = collection_resources(collection, request.user)
    items = []
    for item in describe(resources, absolute, request.user):
        row = resource_json(item, absolute)
        row["note"] = item.page.collection_note
        items.append(row)
    return _json(
        {
            "id": collection.pk,
            "title": collection.title,
            "introduction": collection.introduction,
            "url": absolute(collection.url or ""),
            "count": len(items),
            "resources": items,
        }
    )


@open_endpoint
def collection_list(request: HttpRequest) -> HttpResponse:
    absolute = Absolute(request)
    collections = visible_pages(CollectionPage.objects.live(), request.user).order_by("path")
    paginator = Paginator(collections, MAX_PER_PAGE)
    try:
        number = _whole_number(
            request.GET, "page", 1, 10**6, _("The page number must be a whole number from 1.")
        )
        page = paginator.page(number)
    except BadRequest as problem:
        return error(400, str(problem))
    except EmptyPage:
        return error(404, _("There is no page %(page)s of results.") % {"page": number})
    return _json(
        {
            "count": paginator.count,
            "results": [
                {
                    "id": c.pk,
                    "title": c.title,
                    "url": absolute(c.url or ""),
                    "api_url": _api_url(absolute, "api_collection", c.pk),
                }
                for c in page.object_list
            ],
        }
    )


@open_endpoint
def api_root(request: HttpRequest) -> HttpResponse:
    absolute = Absolute(request)
    return _json(
        {
            "resources": absolute(reverse("api_resources")),
            "objectives": absolute(reverse("api_objectives")),
            "organisations": absolute(reverse("api_organisations")),
            "working_groups": absolute(reverse("api_working_groups")),
            "collections": absolute(reverse("api_collections")),
            "schema": absolute(reverse("api_schema")),
            "documentation": absolute(reverse("api_docs")),
        }
    )


def api_docs(request: HttpRequest) -> HttpResponse:
    """The human page: what the API offers, with examples and the limits."""
    from django.conf import settings

    from .schema import openapi_schema

    schema = openapi_schema(Absolute(request))
    return render(
        request,
        "opendata/api.html",
        {
            "schema": schema,
            "paths": sorted(schema["paths"].items()),
            "rate_limit": settings.HUB_API_RATE_LIMIT,
            "max_per_page": MAX_PER_PAGE,
            "base": Absolute(request)(reverse("api_root")),
        },
    )


@open_endpoint
def schema_view(request: HttpRequest) -> HttpResponse:
    from .schema import openapi_schema

    return _json(openapi_schema(Absolute(request)))
