"""Scheduled publishing fires in the real database-backed worker, and keeps itself queued."""

from __future__ import annotations

import datetime
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hub.tasks import ensure_publishing_schedule, prune_finished_runs, publish_scheduled_task
from library.models import ResourcePage

from .publishing import add_url, login, network_fixture, resource_form  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _approve(client: Client, page) -> None:
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})


def _waiting() -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(
            task_path=publish_scheduled_task.module_path, status=TaskResultStatus.READY
        )
    )


def test_an_approved_paper_with_a_date_goes_live_when_the_worker_runs(network, settings):
    # The author asks for a publication date; both reviewers approve before it comes.
    go_live = timezone.localtime() + datetime.timedelta(hours=2)
    author = login(Client(), network.author)
    data = resource_form(go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    data["action-submit"] = "submit"
    response = author.post(add_url(network.labour_section), data)
    assert response.status_code == 302, response.content.decode()[:1500]
    page = ResourcePage.objects.get(slug="fair-recruitment")
    _approve(login(Client(), network.chair), ResourcePage.objects.get(pk=page.pk))
    _approve(login(Client(), network.secretariat), ResourcePage.objects.get(pk=page.pk))
    revision = Revision.objects.get(approved_go_live_at__isnull=False)
    assert not ResourcePage.objects.get(pk=page.pk).live  # scheduled, not published

    settings.TASKS = DATABASE_TASKS  # django-tasks resets its backends when TASKS changes
    publish_scheduled_task.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    assert not ResourcePage.objects.get(pk=page.pk).live  # its time has not come

    # Two hours later (the clock is moved, not waited for).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    ResourcePage.objects.filter(pk=page.pk).update(go_live_at=past)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=past)
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())

    page = ResourcePage.objects.get(pk=page.pk)
    assert page.live
    assert Client().get(page.url).status_code == 200
    # The task queued its next run, a minute ahead: exactly one copy waits.
    waiting = _waiting()
    assert len(waiting) == 1
    assert waiting[0].run_after > timezone.now() + datetime.timedelta(seconds=30)


def test_starting_the_schedule_twice_leaves_one_copy_waiting(db, settings):
    settings.TASKS = DATABASE_TASKS
    assert ensure_publishing_schedule() is True
    assert ensure_publishing_schedule() is False
    assert len(_waiting()) == 1


def test_old_finished_runs_are_pruned(db, settings):
    settings.TASKS = DATABASE_TASKS
    for _ in range(3):
        publish_scheduled_task.enqueue()
    DBTaskResult.objects.update(run_after=timezone.now() - datetime.timedelta(minutes=1))
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    finished = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL)
    assert finished.count() == 3
    finished.update(finished_at=timezone.now() - datetime.timedelta(days=2))
    assert prune_finished_runs() == 3
    assert len(_waiting()) == 1  # the next run is never pruned


def test_migrate_starts_the_schedule(db, settings):
    settings.TASKS = DATABASE_TASKS
    call_command("migrate", "hub", verbosity=0)  # nothing to apply; post_migrate still runs
    assert len(_waiting()) == 1


def test_backends_that_run_tasks_at_once_are_not_looped(db):
    # The test settings' immediate backend: running the task must not queue itself forever.
    assert ensure_publishing_schedule() is False
    publish_scheduled_task.enqueue()
