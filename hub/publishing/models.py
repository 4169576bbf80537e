"""The TWG section page and the review task used by the publishing workflows."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Page, TaskState


class TwgSectionPage(Page):
    """One TWG's part of the library: its members draft and edit here, and nowhere else.

    Page permissions are granted on this page only (hub.roles), so Wagtail's own checks keep a
    member out of every other section. Readers never need the page itself: it sends them to the
    TWG's page, which lists what the group published.
    """

    working_group = models.OneToOneField(
        "hub.WorkingGroup",
        null=True,
        on_delete=models.SET_NULL,
        related_name="section",
        verbose_name=_("technical working group"),
    )

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = ["library.ResourcePage"]
    # Made with its TWG (hub.workflow.sync_twg), never by hand: a section needs its groups.
    is_creatable = False

    class Meta:
        verbose_name = _("TWG section")
        verbose_name_plural = _("TWG sections")

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.working_group_id:
            return redirect(self.working_group.get_absolute_url())
        return redirect(self.get_parent().url or "/")

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list:
        # Only a redirect: the TWG page itself is in the sitemap.
        return []


class ReviewTask(AbstractGroupApprovalTask):
    """A group approval step that never leaves a paper without a reviewer.

    The ``groups`` (a TWG's chairs) review; while none of them has an active account, the
    ``fallback_groups`` (the Secretariat) may act instead and are the ones notified. Besides
    Wagtail's "approve" and "request changes", a reviewer may "reject" a paper outright: the
    author is told why and the review ends (a new submission starts a new one).
    """

    fallback_groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="+",
        verbose_name=_("fallback reviewers"),
        help_text=_(
            "They may act at this step only while no active user belongs to the groups above "
            "(for example a TWG whose chair has left)."
        ),
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["fallback_groups"]
    admin_form_widgets = {
        **AbstractGroupApprovalTask.admin_form_widgets,
        "fallback_groups": AbstractGroupApprovalTask.admin_form_widgets["groups"],
    }

    class Meta:
        verbose_name = _("review task")
        verbose_name_plural = _("review tasks")

    def has_active_reviewers(self) -> bool:
        return (
            get_user_model().objects.filter(is_active=True, groups__in=self.groups.all()).exists()
        )

    def acting_groups(self) -> QuerySet[Group]:
        """The groups who may act now: the reviewers, or the fallback while there are none."""
        if self.has_active_reviewers():
            return self.groups.all()
        return self.fallback_groups.all()

    def _user_in_groups(self, user) -> bool:
        # Same per-request cache as Wagtail's, keyed apart so the two never mix.
        cache = getattr(user, "_review_task_checks", None)
        if cache is None:
            cache = {}
            user._review_task_checks = cache
        if self.pk not in cache:
            cache[self.pk] = self.acting_groups().filter(id__in=user.groups.all()).exists()
        return cache[self.pk]

    def get_actions(self, obj, user) -> list[tuple[str, str, bool]]:
        actions = super().get_actions(obj, user)
        if actions:
            actions.append(("decline", _("Reject"), True))
        return actions

    def on_action(self, task_state: TaskState, user, action_name: str, **kwargs):
        if action_name == "decline":
            task_state.reject(user=user, **kwargs)  # the author is emailed, with the comment
            workflow_state = task_state.workflow_state
            workflow_state.refresh_from_db()
            workflow_state.cancel(user=user)
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        return _(
            "Members of the chosen groups approve this step; the fallback groups may act while "
            "no one is left in them."
        )
