"""Reading a stored document: OCR per document, server failures named and retried, one reading
per file content, and import_resources reading each file once."""

from __future__ import annotations

import errno
import shutil
from io import StringIO

from django.core.files.base import ContentFile
from django.core.management import call_command

import pytest
from django_tasks_db.models import DBTaskResult

from hub.demo.files import make_pdf
from library import reading
from library.extraction import DAMAGED, Extraction
from library.extraction.sandbox import ReaderUnavailable
from library.models import HubDocument, Language, ResourceAttachment, ResourcePage
from tests.library.test_extraction_readers import make_scan

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is installed by `make test`"
)


def _document(content: bytes, name: str = "file.pdf", **fields) -> HubDocument:
    document = HubDocument(title=name, **fields)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@needs_tesseract
@pytest.mark.django_db
def test_scanned_pages_are_recognised_in_the_worker_unless_the_editor_turns_it_off(
    tmp_path, django_capture_on_commit_callbacks
):
    scan = make_scan(tmp_path / "scan.pdf", ["Minutes of the quarterly meeting"]).read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        document = _document(scan, "minutes.pdf", ocr_enabled=False)
    document.refresh_from_db()
    assert document.extraction_status == "no_text_layer"

    with django_capture_on_commit_callbacks(execute=True):
        document.ocr_enabled = True  # as the edit form saves it
        document.save()
    document.refresh_from_db()
    assert document.extraction_status == "extracted"
    assert document.extraction_engine == "pypdfium2+tesseract"
    assert document.status_message == "Text extracted. Text recognised (OCR) on 1 page."
    assert "quarterly meeting" in document.page_texts()[0][1]


@pytest.mark.django_db
def test_recognition_reads_in_the_languages_declared_for_the_file(library, settings):
    document = _document(make_pdf("Note", "IOM", ["text"]))
    page = ResourcePage(title="Note", slug="note", summary="A note.")
    library.add_child(instance=page)
    french = Language.objects.get(code="fr")
    attachment = ResourceAttachment.objects.create(page=page, document=document)
    assert reading.reading_options(document)["ocr"]["languages"] == "eng+fra"  # none declared
    page.languages.set([Language.objects.get(code="en")])
    page.save()
    assert reading.reading_options(document)["ocr"]["languages"] == "eng"
    attachment.language = french
    attachment.save()
    assert reading.reading_options(document)["ocr"]["languages"] == "fra"
    settings.HUB_OCR_ENABLED = False
    assert reading.reading_options(document)["ocr"] is None


@pytest.mark.django_db
def test_a_full_disk_leaves_the_document_waiting_with_the_reason_and_retries_later(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS

    def full(*args, **kwargs):
        raise ReaderUnavailable(OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(reading, "extract_file", full)
    with django_capture_on_commit_callbacks(execute=True):
        document = _document(make_pdf("Report", "IOM", ["text"]))
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    document.refresh_from_db()
    assert document.extraction_status == "pending"
    assert document.extraction_error == (
        "Not read yet: the server's disk is full. It will be tried again automatically."
    )
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.args_kwargs["kwargs"]["attempt"] == 2
    assert waiting.run_after is not None

    monkeypatch.undo()  # space was freed: the retry reads it
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    waiting.run_after = None
    waiting.save()
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    document.refresh_from_db()
    assert document.extraction_status == "extracted" and document.extraction_error == ""


@pytest.mark.django_db
def test_a_killed_reader_is_retried_and_its_status_kept_only_at_the_last_attempt(monkeypatch):
    killed = Extraction(DAMAGED, [], {}, "pypdfium2", "The reader was killed (SIGKILL)...")
    killed.retryable = True
    monkeypatch.setattr(reading, "extract_file", lambda *a, **k: killed)
    document = _document(make_pdf("Report", "IOM", ["text"]))
    with pytest.raises(reading.ReadLater):
        reading.read_document(document.pk, force=True, last_attempt=False)
    document.refresh_from_db()
    assert document.extraction_status == "pending"
    assert document.extraction_error.startswith("Not read yet: The reader was killed (SIGKILL)")
    reading.read_document(document.pk, force=True, last_attempt=True)
    document.refresh_from_db()
    assert document.extraction_status == "damaged"


@pytest.mark.django_db
def test_a_file_already_read_for_another_document_is_not_read_again(
    monkeypatch, django_capture_on_commit_callbacks
):
    pdf = make_pdf("Shared report", "IOM", ["the same text"])
    with django_capture_on_commit_callbacks(execute=True):
        first = _document(pdf, "first.pdf")
    first.refresh_from_db()
    assert first.extraction_status == "extracted"

    def no_reading(*args, **kwargs):
        raise AssertionError("the same file was read twice")

    monkeypatch.setattr(reading, "extract_file", no_reading)
    with django_capture_on_commit_callbacks(execute=True):
        second = _document(pdf, "second.pdf")
    second.refresh_from_db()
    assert second.extraction_status == "extracted"
    assert second.page_texts() == first.page_texts()


@pytest.mark.django_db
def test_import_reads_each_file_once_and_queues_no_second_reading(
    tmp_path, library, settings, monkeypatch
):
    settings.TASKS = DATABASE_TASKS
    calls = []
    real = reading.extract_file

    def counted(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "extract_file", counted)
    path = tmp_path / "policy.pdf"
    path.write_bytes(make_pdf("Labour migration policy", "MIFOTRA", ["text", "more"]))
    call_command("import_resources", str(path), stdout=StringIO(), stderr=StringIO())
    assert len(calls) == 1
    assert not DBTaskResult.objects.filter(task_path__endswith="read_document_task").exists()
    document = HubDocument.objects.get()
    assert document.extraction_status == "extracted"


def test_editors_see_the_ocr_switch_on_the_document_form():
    from wagtail.documents.forms import get_document_form

    form = get_document_form(HubDocument)
    assert "ocr_enabled" in form.base_fields
    assert str(form.base_fields["ocr_enabled"].label) == "Recognise text in scanned pages (OCR)"
