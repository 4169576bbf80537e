"""The task queue page's admin URL and its entry under Reports (imported by wagtail_hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .queue_views import can_see_queue, task_queue_view


class TaskQueueMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_see_queue(request.user)


@hooks.register("register_admin_urls")
def register_task_queue_url():
    return [path("task-queue/", task_queue_view, name="task_queue")]


@hooks.register("register_reports_menu_item")
def register_task_queue_menu_item():
    return TaskQueueMenuItem(
        _("Background tasks"),
        reverse("task_queue"),
        name="task-queue",
        icon_name="cogs",
        order=1400,
    )
