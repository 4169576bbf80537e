"""Pages for who publishes: the network's organisations and its Technical Working Groups.

Resources listed or counted here are live and public only, as everywhere else on the site.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from library.views import newest_first, paginate, public_resources, with_resource_counts

from .organisations import Organisation, OrganisationKind, WorkingGroup, WorkingGroupStatus


def organisation_list(request: HttpRequest) -> HttpResponse:
    """Member agencies first (Executive Committee flagged), then partners grouped by kind."""
    organisations = list(with_resource_counts(Organisation.objects.order_by("name")))
    members = [o for o in organisations if o.member]
    partner_groups = []
    for kind, label in OrganisationKind.choices:  # the order the choices are declared in
        partners = [o for o in organisations if not o.member and o.kind == kind]
        if partners:
            partner_groups.append({"kind": kind, "label": label, "organisations": partners})
    context = {"members": members, "partner_groups": partner_groups}
    return render(request, "hub/organisation_list.html", context)


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One organisation: who it is, its working groups and what it published or co-authored."""
    organisation = get_object_or_404(Organisation, slug=slug)
    chaired = list(organisation.chaired_groups.order_by("name"))
    member_of = [g for g in organisation.working_groups.order_by("name") if g not in chaired]
    resources = public_resources().filter(organisations=organisation)
    page = paginate(request, newest_first(resources).prefetch_related("objectives"))
    context = {
        "organisation": organisation,
        "chaired_groups": chaired,
        "member_groups": member_of,
        "page_obj": page,
        "resources": page.object_list,
        "resource_count": page.paginator.count,
    }
    return render(request, "hub/organisation_page.html", context)


def _active_first(groups):
    # Closed groups stay listed (their products remain), but below the ones still at work.
    return groups.annotate(
        closed=Case(
            When(status=WorkingGroupStatus.ACTIVE, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("closed", "name")


def working_group_list(request: HttpRequest) -> HttpResponse:
    """Every Technical Working Group, active ones first, closed ones marked."""
    groups = with_resource_counts(_active_first(WorkingGroup.objects.all())).prefetch_related(
        Prefetch("chairs", queryset=Organisation.objects.order_by("name"))
    )
    return render(request, "hub/working_group_list.html", {"groups": groups})


def working_group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One working group: status, description, chairs, members and the resources it published."""
    group = get_object_or_404(WorkingGroup, slug=slug)
    resources = public_resources().filter(working_group=group)
    page = paginate(request, newest_first(resources).prefetch_related("objectives"))
    context = {
        "group": group,
        "chairs": group.chairs.order_by("name"),
        "members": group.members.order_by("name"),
        "page_obj": page,
        "resources": page.object_list,
        "resource_count": page.paginator.count,
    }
    return render(request, "hub/working_group_page.html", context)
