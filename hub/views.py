"""Pages for who publishes: the network's organisations and its Technical Working Groups.

Resources listed or counted here are live and public only, as everywhere else on the site; the
one exception is a TWG's own drafts, shown on its page to its members only.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from foundation.organisations import (
    Organisation,
    OrganisationKind,
    WorkingGroup,
    WorkingGroupStatus,
)
from library.access import is_network_member
from library.views import newest_first, paginate, public_resources, with_resource_counts


def organisation_list(request: HttpRequest) -> HttpResponse:
    """Member agencies first (Executive Committee flagged), then partners grouped by kind."""
    organisations = list(
        with_resource_counts(Organisation.objects.order_by("name"), user=request.user)
    )
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
    resources = public_resources(request.user).filter(organisations=organisation)
    page = paginate(
        request,
        newest_first(resources).prefetch_related("objectives", "organisations", "languages"),
    )
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
    groups = with_resource_counts(
        _active_first(WorkingGroup.objects.all()), user=request.user
    ).prefetch_related(Prefetch("chairs", queryset=Organisation.objects.order_by("name")))
    return render(request, "hub/working_group_list.html", {"groups": groups})


def _is_in(user, *groups) -> bool:
    ids = [group.pk for group in groups if group is not None]
    return bool(ids) and user.groups.filter(pk__in=ids).exists()


def _drafts_in_progress(group: WorkingGroup) -> list[dict]:
    """The TWG's papers not (or not yet) published as they stand, with where each one is."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, WorkflowState

    from library.models import ResourcePage

    section = getattr(group, "section", None)
    if section is None:
        return []
    pages = list(
        ResourcePage.objects.descendant_of(section)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .order_by("-latest_revision_created_at", "-pk")
    )
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state__task")
    }
    drafts = []
    for page in pages:
        state = states.get(page.pk)
        if state is None:
            status = _("Draft") if not page.live else _("Published, with unpublished changes")
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            status = _("Changes requested")
        else:
            task = state.current_task_state.task if state.current_task_state else None
            status = _("In review: %(step)s") % {"step": task.name} if task else _("In review")
        drafts.append({"page": page, "status": status})
    return drafts


def working_group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One working group: status, description, chairs, members and the resources it published.

    Its members (and chairs) also see the drafts in progress in the TWG's section, with where
    each one is in the review; signed-in members of the network see who the people are.
    """
    group = get_object_or_404(WorkingGroup, slug=slug)
    resources = public_resources(request.user).filter(working_group=group)
    page = paginate(
        request,
        newest_first(resources).prefetch_related("objectives", "organisations", "languages"),
    )
    user = request.user
    signed_in = user.is_authenticated and user.is_active
    is_member = signed_in and (user.is_superuser or _is_in(user, group.group, group.chairs_group))
    # Names of people are for members of the network: an account in no group (not admitted yet)
    # is treated as the public, as everywhere else (library.access).
    show_people = is_network_member(user)
    people = {"chairs": [], "members": []}
    if show_people:
        chair_ids = set()
        if group.chairs_group_id:
            chairs = list(group.chairs_group.user_set.filter(is_active=True).order_by("last_name"))
            people["chairs"] = chairs
            chair_ids = {person.pk for person in chairs}
        if group.group_id:
            people["members"] = [
                person
                for person in group.group.user_set.filter(is_active=True).order_by("last_name")
                if person.pk not in chair_ids
            ]
    context = {
        "group": group,
        "chairs": group.chairs.order_by("name"),
        "members": group.members.order_by("name"),
        "page_obj": page,
        "resources": page.object_list,
        "resource_count": page.paginator.count,
        "show_people": show_people,
        "people": people,
        "is_twg_member": is_member,
        "drafts": _drafts_in_progress(group) if is_member else [],
    }
    response = render(request, "hub/working_group_page.html", context)
    if signed_in:
        # What a member sees (drafts, names) must never be served to anyone else by a cache.
        patch_cache_control(response, private=True)
    return response
