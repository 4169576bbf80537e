"""TWG sections and the review workflows, kept in step with the TWGs and the library.

- Network-level publications (straight under the library): "Network publication" workflow,
  one step, "Executive Committee approval" (the Secretariat may act while the committee has
  no one in it).
- A TWG's section: "TWG publication: <name>", two steps, "TWG chair review: <name>" (the TWG's
  chairs; the Secretariat while the TWG has no chair) then "Secretariat approval". The last
  approval publishes, or schedules the page when it has a "go live" date.

Everything here is idempotent: ``sync_twg`` runs on every save of a TWG, ``ensure_publishing``
after every ``migrate`` and when the library page is created.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import Page, TaskState, Workflow, WorkflowPage, WorkflowTask

from foundation.organisations import WorkingGroup

from . import roles
from .publishing.models import ReviewTask, TwgSectionPage

logger = logging.getLogger(__name__)

NETWORK_WORKFLOW = "Network publication"
COMMITTEE_TASK = "Executive Committee approval"
SECRETARIAT_TASK = "Secretariat approval"


def library_page() -> Page | None:
    from library.models import LibraryIndexPage

    return LibraryIndexPage.objects.first()


def _review_task(name: str, groups, fallback=()) -> ReviewTask:
    task = ReviewTask.objects.filter(name=name).first()
    if task is None:
        task = ReviewTask.objects.create(name=name)
        task.groups.set(groups)
        task.fallback_groups.set(fallback)
    return task


def secretariat_task() -> ReviewTask:
    return _review_task(SECRETARIAT_TASK, [roles.role_group(roles.SECRETARIAT)])


def _workflow(name: str, tasks: list[ReviewTask]) -> Workflow:
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _assign(workflow: Workflow, page: Page) -> None:
    # A page has at most one workflow of its own; an editor's later choice is kept.
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def ensure_network_workflow(library: Page) -> Workflow:
    committee = _review_task(
        COMMITTEE_TASK,
        [roles.role_group(roles.EXECUTIVE_COMMITTEE)],
        [roles.role_group(roles.SECRETARIAT)],
    )
    workflow = _workflow(NETWORK_WORKFLOW, [committee])
    _assign(workflow, library)
    return workflow


def _section_slug(library: Page, working_group: WorkingGroup) -> str:
    taken = set(library.get_children().values_list("slug", flat=True))
    for candidate in (working_group.slug, f"twg-{working_group.slug}"):
        if candidate not in taken:
            return candidate
    base = slugify(f"twg-{working_group.slug}")[:60]
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def ensure_section(working_group: WorkingGroup, library: Page) -> TwgSectionPage:
    section = TwgSectionPage.objects.filter(working_group=working_group).first()
    if section is None:
        section = TwgSectionPage(
            title=working_group.name,
            slug=_section_slug(library, working_group),
            working_group=working_group,
        )
        library.add_child(instance=section)
    elif section.title != working_group.name:
        section.title = working_group.name
        section.draft_title = working_group.name
        section.save(update_fields=["title", "draft_title"])
    return section


def chair_task_name(working_group: WorkingGroup) -> str:
    return f"TWG chair review: {working_group.name}"[:255]


def chair_task(section: TwgSectionPage) -> ReviewTask | None:
    link = WorkflowPage.objects.filter(page=section).select_related("workflow").first()
    if link is None:
        return None
    # The workflow's first step, as ensure_twg_workflow made it (its name may have been edited).
    step = link.workflow.workflow_tasks.order_by("sort_order").select_related("task").first()
    task = step.task.specific if step is not None else None
    return task if isinstance(task, ReviewTask) else None


def ensure_twg_workflow(working_group: WorkingGroup, section: TwgSectionPage) -> Workflow:
    link = WorkflowPage.objects.filter(page=section).select_related("workflow").first()
    if link is not None:
        chair = chair_task(section)
        if chair is not None:
            if chair.name.startswith("TWG chair review") and chair.name != chair_task_name(
                working_group
            ):
                chair.name = chair_task_name(working_group)  # the TWG was renamed
                chair.save(update_fields=["name"])
            chair.groups.add(working_group.chairs_group)  # back after a reopening
        return link.workflow
    # Made afresh, never looked up by name: a TWG deleted and created again under the same name
    # must not inherit the old one's reviewers.
    chair = ReviewTask.objects.create(name=chair_task_name(working_group))
    chair.groups.set([working_group.chairs_group])
    chair.fallback_groups.set([roles.role_group(roles.SECRETARIAT)])
    workflow = Workflow.objects.create(
        name=f"TWG publication: {working_group.name}"[:255], active=True
    )
    for order, task in enumerate([chair, secretariat_task()]):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    _assign(workflow, section)
    return workflow


def sync_twg(working_group: WorkingGroup) -> None:
    """Groups, section, rights and workflow of one TWG, as its status says."""
    members, chairs = roles.sync_twg_groups(working_group)
    library = library_page()
    section = ensure_section(working_group, library) if library is not None else None
    if working_group.is_active:
        collection = roles.ensure_twg_collection(working_group)
        for group in (members, chairs):
            roles.grant_twg_rights(group, section, collection)
        if section is not None:
            ensure_twg_workflow(working_group, section)
    else:
        for group in (members, chairs):
            roles.revoke_all_rights(group)
        # Papers still in review must not wait for chairs who lost the admin: the chair step
        # falls to the Secretariat (the task's fallback) until the TWG reopens.
        chair = chair_task(section) if section is not None else None
        if chair is not None:
            chair.groups.remove(chairs)


def archive_twg_groups(working_group: WorkingGroup) -> None:
    """A deleted TWG: its groups stay (named "closed") with no rights, so nothing dangles."""
    for group in (working_group.group, working_group.chairs_group):
        if group is None:
            continue
        roles.revoke_all_rights(group)
        # Its chair step (the section stays, with what it published) falls to the Secretariat.
        for task in ReviewTask.objects.filter(groups=group):
            task.groups.remove(group)
        if not group.name.startswith("Closed "):
            name = f"Closed {group.name}"[: roles.GROUP_NAME_LENGTH]
            group.name = roles.free_group_name(name, working_group.slug, group)
            group.save(update_fields=["name"])


def ensure_publishing() -> None:
    """Role groups, the network workflow on the library, and every TWG's section and rights."""
    roles.create_role_groups()
    library = library_page()
    if library is not None:
        ensure_network_workflow(library)
    for working_group in WorkingGroup.objects.all():
        sync_twg(working_group)


# ---------------------------------------------------------------------------------------------
# Notifications Wagtail does not send


class FallbackReviewersNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """Wagtail emails a step's groups; when a TWG has no chair, the Secretariat must hear instead."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs) -> bool:
        if not isinstance(instance, TaskState):
            return False
        task = instance.task.specific
        return isinstance(task, ReviewTask) and not task.has_active_reviewers()

    def get_recipient_users(self, task_state: TaskState, **kwargs):
        users = get_user_model().objects.filter(
            groups__in=task_state.task.specific.fallback_groups.all()
        )
        triggering_user = kwargs.get("user")
        if triggering_user is not None:
            users = users.exclude(pk=triggering_user.pk)
        return users.distinct()


fallback_reviewers_notifier = FallbackReviewersNotifier()
