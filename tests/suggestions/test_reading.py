"""The worker reads each stored document with the editor: suggestions, likenesses, facts."""

from io import StringIO

from django.core.files.base import ContentFile
from django.core.management import call_command

import pytest

from hub.demo.files import make_docx, make_pdf
from library.models import HubDocument
from suggestions.models import DocumentReading, SignatureBand

pytestmark = pytest.mark.django_db

DISTRICTS = ["Rubavu", "Rusizi", "Nyagatare", "Kirehe", "Musanze", "Huye", "Gicumbi", "Burera"]
REPORT = [
    "Kigali, March 2024\n\nBy the Secretariat of the Network",
    " ".join(
        f"In {name}, the task force identified {n + 3} victims of trafficking in persons; "
        f"traffickers had recruited them with false job offers in {2016 + n} and held them in "
        f"forced labour until the {n + 1} cases were referred for protection and shelter."
        for n, name in enumerate(DISTRICTS)
    ),
    " ".join(
        f"Recommendation {n + 1}: border officials in {name} should be trained to identify "
        f"victims of trafficking, {n + 2} shelters funded, and prosecutors should cooperate "
        f"with countries of destination on {n + 5} open cases against traffickers."
        for n, name in enumerate(DISTRICTS)
    ),
]


def upload(title: str, content: bytes, name: str) -> HubDocument:
    document = HubDocument(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    document.refresh_from_db()
    return document


def test_a_stored_document_gets_suggestions_facts_and_a_fingerprint(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(
            "trafficking-report", make_pdf("Trafficking report", "IOM Rwanda", REPORT), "t.pdf"
        )
    document.refresh_from_db()
    reading = DocumentReading.objects.get(document=document)
    assert reading.read_hash == document.extracted_hash
    assert reading.ranking["status"] == "ok"
    assert reading.ranking["objectives"][0]["number"] == 10
    reasons = reading.ranking["objectives"][0]["reasons"]
    assert any(2 in reason["pages"] or 3 in reason["pages"] for reason in reasons)
    assert reading.facts["title"] == {"value": "Trafficking report", "source": "properties"}
    assert reading.facts["authors"]["value"] == "IOM Rwanda"
    assert reading.facts["date"] == {"value": "2024-03-01", "source": "first_page"}
    assert reading.facts["pages"]["value"] == 3
    assert reading.facts["language"]["value"] == "en"
    assert SignatureBand.objects.filter(reading=reading).count() >= 42
    # Nothing was tagged: suggestions wait for an editor.
    assert not document.attachments.exists()


def test_a_resaved_copy_is_found_and_an_unrelated_file_is_not(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        original = upload("original", make_pdf("Trafficking report", "IOM", REPORT), "a.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        # The same text saved as a Word file, its cover page changed: not byte-identical.
        copy = upload(
            "copy", make_docx("Trafficking report", "IOM", ["Draft 2"] + REPORT[1:]), "b.docx"
        )
    with django_capture_on_commit_callbacks(execute=True):
        other = upload(
            "other",
            make_pdf(
                "Social security",
                "ILO",
                ["Pensions and benefits of frontier workers are exported. " * 30],
            ),
            "c.pdf",
        )
    found = DocumentReading.objects.get(document=copy).likenesses
    assert [row["document_id"] for row in found] == [original.pk]
    assert found[0]["kind"] == "same_text" and found[0]["percent"] >= 80, found
    assert DocumentReading.objects.get(document=other).likenesses == []


def test_a_file_without_text_gets_no_suggestions_and_says_why(django_capture_on_commit_callbacks):
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer)
    drawing.rect(100, 100, 200, 200, fill=1)  # a scan: shapes, no text
    drawing.showPage()
    drawing.save()
    with django_capture_on_commit_callbacks(execute=True):
        document = upload("scan", buffer.getvalue(), "scan.pdf")
    document.refresh_from_db()
    reading = DocumentReading.objects.get(document=document)
    assert reading.ranking["status"] == "no_text"
    assert reading.ranking["message"] == document.status_message
    assert reading.ranking["objectives"] == []


def test_an_unchanged_document_is_not_read_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload("report", make_pdf("Trafficking report", "IOM", REPORT), "t.pdf")
    first = DocumentReading.objects.get(document=document).read_at
    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Renamed"
        document.save()
    assert DocumentReading.objects.get(document=document).read_at == first


def test_the_command_prints_the_ranking_for_files(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf("Trafficking report", "IOM", REPORT))
    out = StringIO()
    call_command("suggest_objectives", str(path), "--json", stdout=out)
    import json

    row = json.loads(out.getvalue())
    assert row["path"] == str(path) and row["status"] == "ok"
    assert row["objectives"][0]["number"] == 10
    out = StringIO()
    call_command("suggest_objectives", str(path), stdout=out)
    text = out.getvalue()
    assert "10. Prevent, combat and eradicate trafficking" in text and "because:" in text


def test_the_command_says_why_a_file_gets_nothing(tmp_path):
    empty = tmp_path / "notes.pdf"
    empty.write_bytes(b"not a pdf at all")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command(
            "suggest_objectives", str(empty), str(tmp_path / "missing.pdf"), stdout=out, stderr=err
        )
    assert exit_code.value.code == 1
    assert "no suggestions:" in out.getvalue()
    assert "missing.pdf: no such file" in err.getvalue()


def test_the_form_prefill_takes_the_date_printed_on_the_cover(django_capture_on_commit_callbacks):
    from library.prefill import file_date, prefill_resource_data

    with django_capture_on_commit_callbacks(execute=True):
        document = upload("report", make_pdf("Trafficking report", "IOM", REPORT), "t.pdf")
    document.refresh_from_db()
    assert file_date(document).isoformat() == "2024-03-01"  # "Kigali, March 2024" on page 1
    cleaned = {"publication_date": None, "languages": None}
    assert "publication_date" in prefill_resource_data(cleaned, [document])
    assert cleaned["publication_date"].isoformat() == "2024-03-01"


def test_facts_from_a_cover_without_properties():
    from suggestions.facts import read_facts

    cover = "Migration Profile of Rwanda\nSecond edition\nBy the National Institute of Statistics\n12 juin 2023"
    facts = read_facts({"title": "Microsoft Word - draft3.docx"}, cover, 40, "fr")
    assert facts["title"] == {"value": "Migration Profile of Rwanda", "source": "first_page"}
    assert facts["authors"]["value"] == "the National Institute of Statistics"
    assert facts["date"] == {"value": "2023-06-12", "source": "first_page"}
    assert facts["pages"] == {"value": 40, "source": "file"}
    assert facts["language"] == {"value": "fr", "source": "detected"}


def test_texts_stored_by_the_worker_are_read_later_in_one_batch(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from suggestions import signals
    from suggestions.tasks import read_waiting_documents_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HUB_SUGGESTIONS_READ_DELAY_SECONDS = 10
    monkeypatch.setattr(signals, "_batch_runs_at", 0.0)
    with django_capture_on_commit_callbacks(execute=True):
        first = upload("first", make_pdf("Trafficking report", "IOM", REPORT), "a.pdf")
        second = upload("second", make_docx("Trafficking report", "IOM", REPORT), "b.docx")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.extraction_status == second.extraction_status == "extracted"
    # The texts are stored; their reading waits, queued once for both, for later.
    assert not DocumentReading.objects.exists()
    batches = DBTaskResult.objects.filter(task_path__endswith="read_waiting_documents_task")
    assert batches.count() == 1
    batch = batches.get()
    assert (batch.run_after - batch.enqueued_at).total_seconds() > 9

    read_waiting_documents_task.call()
    readings = {r.document_id: r for r in DocumentReading.objects.all()}
    assert set(readings) == {first.pk, second.pk}
    assert readings[first.pk].read_hash == first.extracted_hash
    # Read after the first, the second finds it.
    assert [row["document_id"] for row in readings[second.pk].likenesses] == [first.pk]
    read_at = {pk: reading.read_at for pk, reading in readings.items()}
    read_waiting_documents_task.call()  # nothing left waiting: nothing read again
    assert {r.document_id: r.read_at for r in DocumentReading.objects.all()} == read_at
