"""The task queue in the admin (Reports): what is waiting, what failed and why, and a retry."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import task_queue
from .health import queue_state, worker_state
from .roles import SECRETARIAT

SHOWN_FAILURES = 25
VIEW_PERMISSION = "django_tasks_db.view_dbtaskresult"


def can_see_queue(user) -> bool:
    """Superusers, the Secretariat, and anyone granted the task results' view permission."""
    if not (user.is_authenticated and user.is_active):
        return False
    return (
        user.is_superuser
        or user.has_perm(VIEW_PERMISSION)
        or user.groups.filter(name=SECRETARIAT).exists()
    )


@never_cache
@require_http_methods(["GET", "POST"])
def task_queue_view(request: HttpRequest) -> HttpResponse:
    if not can_see_queue(request.user):
        raise PermissionDenied
    if not task_queue.uses_database_queue():
        return render(request, "hub/admin/task_queue.html", {"database_queue": False})
    if request.method == "POST":
        if request.POST.get("action") == "retry":
            count = task_queue.requeue(request.POST.getlist("task"))
            messages.success(
                request,
                ngettext("%(count)d task queued again.", "%(count)d tasks queued again.", count)
                % {"count": count},
            )
        elif request.POST.get("action") == "stalled":
            count = task_queue.requeue_stalled()
            messages.success(
                request,
                ngettext(
                    "%(count)d abandoned task queued again.",
                    "%(count)d abandoned tasks queued again.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.error(request, _("Unknown action."))
        return HttpResponseRedirect(reverse("task_queue"))
    return render(
        request,
        "hub/admin/task_queue.html",
        {
            "database_queue": True,
            "state": task_queue.queue_state(),
            "failures": task_queue.recent_failures(SHOWN_FAILURES),
            "stalled_minutes": round(task_queue.stalled_seconds() / 60),
            "worker": worker_state(),
            "queue_health": queue_state(),
        },
    )
