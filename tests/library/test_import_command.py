"""manage.py import_resources: one resource per file, titled from the file's metadata."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from hub.demo.files import make_docx, make_pdf
from library.models import ResourcePage

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("import_resources", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_creates_one_resource_per_file_and_prints_id_and_url(
    tmp_path, library, django_capture_on_commit_callbacks
):
    pdf = tmp_path / "scan_0042.pdf"
    pdf.write_bytes(make_pdf("Diaspora bonds in East Africa", "UNCDF", ["bonds", "investors"]))
    docx = tmp_path / "minutes-q3.docx"
    docx.write_bytes(make_docx("", "", ["decisions of the quarter"]))
    with django_capture_on_commit_callbacks(execute=True):
        output = run(
            str(pdf),
            str(docx),
            "--objective",
            "19",
            "--objective",
            "20",
            "--type",
            "study",
            "--publish",
        )
    lines = output.strip().splitlines()
    assert len(lines) == 2
    first = ResourcePage.objects.get(title="Diaspora bonds in East Africa")
    second = ResourcePage.objects.get(title="minutes q3")  # no metadata title: the filename
    assert lines[0].startswith(f"{first.pk}\t") and first.url in lines[0]
    assert lines[1].startswith(f"{second.pk}\t")
    for page in (first, second):
        assert page.live and page.resource_type == "study"
        assert sorted(page.objectives.values_list("number", flat=True)) == [19, 20]
        assert page.attachments.get().document.extraction_status == "extracted"


def test_import_without_publish_creates_drafts(tmp_path, library):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(make_pdf("Brief", "IOM", ["x"]))
    run(str(pdf))
    assert not ResourcePage.objects.get().live


def test_import_refuses_unknown_objective_and_missing_file(tmp_path, library):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(make_pdf("Brief", "IOM", ["x"]))
    with pytest.raises(CommandError, match="1 to 23"):
        run(str(pdf), "--objective", "24")
    with pytest.raises(CommandError, match="Not a file"):
        run(str(tmp_path / "missing.pdf"))


def test_import_reports_refused_files_and_keeps_the_others(tmp_path, library):
    good = tmp_path / "good.pdf"
    good.write_bytes(make_pdf("Good", "IOM", ["x"]))
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf at all")
    with pytest.raises(CommandError, match="1 of 2 files were refused"):
        run(str(good), str(bad))
    assert ResourcePage.objects.count() == 1
