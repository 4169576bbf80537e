"""Pages for the GCM vocabularies: each objective and guiding principle, with what the network holds.

Every list and count here is over live *and* public resources: a draft or a page behind a view
restriction must never show up, not even as a number.
"""

from __future__ import annotations

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, F, Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from foundation.organisations import Organisation

from .access import visible_pages
from .pages import ResourcePage, ResourceType
from .taxonomy import GcmObjective, GuidingPrinciple

RESOURCES_PER_PAGE = 20


def public_resources(user=None) -> QuerySet[ResourcePage]:
    """Published resources this viewer may read (no viewer: the public), by library.access: a
    restricted resource never shows up for others, not even as a number."""
    return visible_pages(ResourcePage.objects.live(), user)


def rows_of(window: QuerySet | list) -> QuerySet | list:
    """A slice of an ordered queryset (a page of results), same rows, same order, one query.

    The order is found on the ids alone (a subquery with LIMIT/OFFSET), and the full rows are
    read for the slice only: sorting whole pages carries every column of every resource, bodies
    and all, through the database's sort (on a 10,000-resource library, most of a list's time).
    The ordering must end on a unique key (every list here ends on the id), so both sorts agree.
    """
    if not isinstance(window, QuerySet) or window._result_cache is not None:
        return window  # already read (a list, or a queryset evaluated before it was sliced)
    outer = window.model._default_manager.filter(pk__in=window.values("pk"))
    return outer.order_by(*window.query.order_by).prefetch_related(
        *window._prefetch_related_lookups
    )


def newest_first(resources: QuerySet[ResourcePage]) -> QuerySet[ResourcePage]:
    """Newest publication first; undated records after dated ones on every database."""
    return resources.order_by(
        F("publication_date").desc(nulls_last=True),
        F("first_published_at").desc(nulls_last=True),
        "-pk",  # a stable order, so pagination never shows a resource twice
    )


def with_resource_counts(queryset: QuerySet, relation: str = "resources", user=None) -> QuerySet:
    """Annotate ``resource_count`` (live resources the viewer may see) in one single query.

    No DISTINCT: the join to `relation` gives one row per term and resource already (a link
    table's pair, or a resource's own foreign key), and COUNT(DISTINCT) sorted every link of
    the library for it (a 10,000-resource library: most of the home page's database time)."""
    visible = public_resources(user).values("pk")
    return queryset.annotate(
        resource_count=Count(relation, filter=Q(**{f"{relation}__in": visible}))
    )


def paginate(request: HttpRequest, items: QuerySet, per_page: int = RESOURCES_PER_PAGE) -> Page:
    """The requested page of ``items``; a page that is not a number or out of range is a 404."""
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
    page.object_list = rows_of(page.object_list)
    return page


def type_counts(resources: QuerySet[ResourcePage]) -> list[dict]:
    """How many resources of each type, most common first, with the type's readable label."""
    rows = (
        resources.order_by()
        .values("resource_type")
        .annotate(count=Count("pk"))
        .order_by("-count", "resource_type")
    )
    labels = dict(ResourceType.choices)
    return [
        {
            "type": row["resource_type"],
            "label": labels.get(row["resource_type"], row["resource_type"]),
            "count": row["count"],
        }
        for row in rows
    ]


def contributing_organisations(resources: QuerySet[ResourcePage]) -> QuerySet[Organisation]:
    """Organisations credited on ``resources``, each with how many of them it contributed."""
    # filter() before annotate() on the same relation makes Count() count only these resources.
    return (
        Organisation.objects.filter(resources__in=resources.order_by().values("pk"))
        .annotate(resource_count=Count("resources", distinct=True))
        .order_by("-resource_count", "name")
    )


def _taxonomy_list(request: HttpRequest, model: type[Model], template: str) -> HttpResponse:
    terms = with_resource_counts(model.objects.order_by("number"), user=request.user)
    return render(request, template, {"terms": terms})


def _taxonomy_detail(
    request: HttpRequest,
    model: type[GcmObjective | GuidingPrinciple],
    resource_field: str,
    number: int,
    slug: str | None,
    template: str,
    label: str,
) -> HttpResponse:
    term = get_object_or_404(model, number=number)
    if slug != term.slug:
        # Titles may be reworded: old or short links land on the one canonical address.
        return redirect(term.get_absolute_url(), permanent=True)
    resources = public_resources(request.user).filter(**{resource_field: term})
    page = paginate(
        request,
        newest_first(resources).prefetch_related("objectives", "organisations", "languages"),
    )
    context = {
        "term": term,
        "term_label": label % {"number": term.number},
        "resource_count": page.paginator.count,
        "page_obj": page,
        "resources": page.object_list,
        "type_counts": type_counts(resources),
        "organisations": contributing_organisations(resources),
    }
    return render(request, template, context)


def objective_list(request: HttpRequest) -> HttpResponse:
    """The 23 GCM objectives, each with how many resources the network holds for it."""
    return _taxonomy_list(request, GcmObjective, "library/objective_list.html")


def objective_detail(request: HttpRequest, number: int, slug: str | None = None) -> HttpResponse:
    """One objective: its resources, newest first, counted by type and by contributor."""
    return _taxonomy_detail(
        request,
        GcmObjective,
        "objectives",
        number,
        slug,
        "library/objective_page.html",
        _("Objective %(number)s"),
    )


def principle_list(request: HttpRequest) -> HttpResponse:
    """The 10 guiding principles, each with how many resources the network holds for it."""
    return _taxonomy_list(request, GuidingPrinciple, "library/principle_list.html")


def principle_detail(request: HttpRequest, number: int, slug: str | None = None) -> HttpResponse:
    """One guiding principle: its resources, newest first, counted by type and by contributor."""
    return _taxonomy_detail(
        request,
        GuidingPrinciple,
        "principles",
        number,
        slug,
        "library/principle_page.html",
        _("Guiding principle %(number)s"),
    )
