"""Wagtail's own background tasks end cleanly when what they were queued for is gone.

Saving a page queues Wagtail's reference-index update and its admin-search update; when an editor
deletes the page before the worker gets to them, there is nothing left to do, and the admin's
Reports → Background tasks must not list a failure for it.
"""

from __future__ import annotations

from io import StringIO

from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.images.tasks import set_image_focal_point_task
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task

from hub.demo.files import make_pdf
from hub.wagtail_tasks import skipping_deleted_objects
from library.models import HubDocument, ResourceAttachment, ResourcePage

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PAGE_TASKS = {update_reference_index_task.module_path, insert_or_update_object_task.module_path}


def _run_worker() -> None:
    call_command("run_worker", "--batch", "--no-startup-delay", stdout=StringIO())


def _outcomes() -> dict[str, set[str]]:
    outcomes: dict[str, set[str]] = {}
    for path, status in DBTaskResult.objects.values_list("task_path", "status"):
        outcomes.setdefault(path, set()).add(status)
    return outcomes


def _failures() -> list[str]:
    return [f"{row.task_path}: {row.traceback}" for row in DBTaskResult.objects.failed()]


def test_a_page_deleted_before_the_worker_runs_leaves_no_failed_task(library, settings):
    settings.TASKS = DATABASE_TASKS  # django-tasks resets its backends when TASKS changes
    page = ResourcePage(title="Draft brief", slug="draft-brief", summary="Withdrawn.")
    library.add_child(instance=page)
    queued = _outcomes()
    assert PAGE_TASKS <= set(queued), queued  # Wagtail queued its own work for the page
    page.delete()

    _run_worker()

    assert _failures() == []
    outcomes = _outcomes()
    for path in PAGE_TASKS:
        assert outcomes[path] == {TaskResultStatus.SUCCESSFUL}, (path, outcomes)


def test_a_page_still_there_is_indexed_by_the_same_tasks(library, settings):
    settings.TASKS = DATABASE_TASKS
    document = HubDocument(title="Corridors study")
    document.file.save("corridors.pdf", ContentFile(make_pdf("Corridors", "UNCDF", ["costs"])))
    page = ResourcePage(title="Remittance corridors", slug="corridors", summary="Costs.")
    library.add_child(instance=page)
    ResourceAttachment.objects.create(page=page, document=document, label="Study")
    ReferenceIndex.objects.all().delete()

    _run_worker()

    assert _failures() == []
    # The attachment's task recorded, against its page, that the page uses the document.
    assert ReferenceIndex.get_references_to(document).filter(object_id=str(page.pk)).exists()


def test_an_image_deleted_before_focal_point_detection_leaves_no_failed_task(db, settings):
    settings.TASKS = DATABASE_TASKS
    # Queued on upload when WAGTAILIMAGES_FEATURE_DETECTION_ENABLED; the image is gone since.
    set_image_focal_point_task.enqueue("wagtailimages", "image", "999999")

    _run_worker()

    assert _failures() == []
    assert _outcomes() == {set_image_focal_point_task.module_path: {TaskResultStatus.SUCCESSFUL}}


def test_a_missing_row_other_than_the_tasks_own_object_still_fails(library):
    def index_references(app_label, model_name, pk):
        raise ObjectDoesNotExist("a row the object points to")

    task = skipping_deleted_objects(index_references)
    with pytest.raises(ObjectDoesNotExist):
        task("wagtailcore", "page", str(library.pk))  # the library page itself is still there
    assert task("wagtailcore", "page", "999999") is None
