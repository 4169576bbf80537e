"""Uploads are read and indexed by the real database-backed worker, not inside the request."""

from io import StringIO

from django.core.files.base import ContentFile
from django.core.management import call_command

import pytest

from hub.demo.files import make_pdf
from library.models import HubDocument, ResourceAttachment, ResourcePage

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_the_worker_reads_an_upload_and_indexes_the_published_resource(
    settings, search_backend, library, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS  # django-tasks resets its backends when TASKS changes
    with django_capture_on_commit_callbacks(execute=True):
        _upload_and_publish(library)
    document = HubDocument.objects.get()
    page = ResourcePage.objects.get(slug="corridors")

    # Nothing was read or indexed in the "request": the work waits in the queue.
    document.refresh_from_db()
    assert document.extraction_status == "pending"
    assert search_backend.indexed_ids() == set()

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())

    document.refresh_from_db()
    assert document.extraction_status == "extracted" and document.page_count == 2
    assert search_backend.indexed_ids() == {page.pk}


def _upload_and_publish(library) -> None:
    document = HubDocument(title="Remittance corridors")
    pdf = make_pdf("Remittance corridors", "UNCDF", ["costs", "mobile money in Rubavu"])
    document.file.save("corridors.pdf", ContentFile(pdf), save=False)
    document._set_document_file_metadata()
    document.save()
    page = ResourcePage(title="Remittance corridors", slug="corridors", summary="Costs.")
    library.add_child(instance=page)
    ResourceAttachment.objects.create(page=page, document=document, label="Study")
    page.save_revision().publish()


@pytest.mark.django_db
def test_restricted_pages_are_indexed_with_their_access_labels(search_backend, library):
    from wagtail.models import PageViewRestriction

    from library.access import MEMBERS, PUBLIC
    from search.contract import SearchRequest
    from search.indexing import sync_resources
    from search.query import parse_query

    page = ResourcePage(title="Executive Committee notes", slug="exco", summary="Internal.")
    library.add_child(instance=page)
    sync_resources([page.pk])
    assert search_backend.indexed_ids() == {page.pk}
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    sync_resources([page.pk])
    # Still indexed (#6), now found by members only.
    assert search_backend.indexed_ids() == {page.pk}
    query = parse_query("committee notes")
    assert search_backend.search(SearchRequest(query=query, access=(PUBLIC,))).total == 0
    assert search_backend.search(SearchRequest(query=query, access=(PUBLIC, MEMBERS))).total == 1
