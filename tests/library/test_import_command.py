"""manage.py import_resources: one resource per file, titled from the file's metadata."""

import csv
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from hub.demo.files import make_docx, make_pdf
from hub.organisations import Organisation
from library import importing
from library.models import HubDocument, Language, ResourcePage

pytestmark = pytest.mark.django_db


def run(*args, stderr: StringIO | None = None) -> str:
    out = StringIO()
    call_command("import_resources", *args, stdout=out, stderr=stderr or StringIO())
    return out.getvalue()


def read_report(path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


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


def test_folder_import_is_recursive_and_a_rerun_creates_no_duplicates(tmp_path, library):
    folder = tmp_path / "archive"
    (folder / "2023" / "q1").mkdir(parents=True)
    (folder / "2023" / "q1" / "one.pdf").write_bytes(make_pdf("First report", "IOM", ["first"]))
    (folder / "two.docx").write_bytes(make_docx("Second report", "", ["second"]))
    (folder / "notes.txt").write_text("not a document")
    (folder / ".DS_Store").write_bytes(b"\0")
    report = tmp_path / "report.csv"
    with pytest.raises(CommandError, match="1 of 3 files were refused"):
        run(str(folder), "--report", str(report))
    assert sorted(ResourcePage.objects.values_list("title", flat=True)) == [
        "First report",
        "Second report",
    ]
    outcomes = {row["source"].rsplit("/", 1)[-1]: row for row in read_report(report)}
    assert outcomes["one.pdf"]["outcome"] == "created"
    assert outcomes["notes.txt"]["outcome"] == "refused"
    assert "not a PDF, Word, Excel, CSV or PowerPoint file" in outcomes["notes.txt"]["reason"]
    assert ".DS_Store" not in outcomes

    # The same folder again (a resumed or repeated run): nothing new.
    with pytest.raises(CommandError):
        run(str(folder), "--report", str(report))
    assert ResourcePage.objects.count() == 2
    assert HubDocument.objects.count() == 2
    again = {row["source"].rsplit("/", 1)[-1]: row for row in read_report(report)}
    assert again["one.pdf"]["outcome"] == "skipped-duplicate"
    assert again["one.pdf"]["resource_id"] == outcomes["one.pdf"]["resource_id"]
    assert again["two.docx"]["outcome"] == "skipped-duplicate"


def test_a_run_interrupted_between_document_and_page_resumes_without_a_second_copy(
    tmp_path, library, monkeypatch
):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(make_pdf("Brief", "IOM", ["x"]))

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # the operator's Ctrl-C, after the file was stored

    monkeypatch.setattr(importing, "_create_page", crash)
    with pytest.raises(KeyboardInterrupt):
        run(str(pdf))
    assert HubDocument.objects.count() == 1 and ResourcePage.objects.count() == 0
    monkeypatch.undo()
    run(str(pdf))
    page = ResourcePage.objects.get()
    assert HubDocument.objects.count() == 1
    assert page.attachments.get().document == HubDocument.objects.get()


def test_draft_imports_are_found_again_on_a_rerun(tmp_path, library):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(make_pdf("Brief", "IOM", ["x"]))
    copy = tmp_path / "copy-of-brief.pdf"
    copy.write_bytes(pdf.read_bytes())  # same content under another name
    err = StringIO()
    run(str(pdf), str(copy), stderr=err)
    assert ResourcePage.objects.count() == 1
    assert "skipped-duplicate" in err.getvalue() and "1 created, 1 skipped" in err.getvalue()


def test_csv_import_sets_metadata_and_reports_every_bad_row(tmp_path, library):
    Organisation.objects.create(name="International Organization for Migration", slug="iom")
    Organisation.objects.create(name="UN Women", slug="un-women", acronym="UNW")
    Language.objects.get_or_create(code="fr", defaults={"name": "French"})
    files = tmp_path / "files"
    files.mkdir()
    (files / "remit.pdf").write_bytes(make_pdf("Remittances", "IOM", ["remittance costs"]))
    (files / "b.pdf").write_bytes(make_pdf("B", "IOM", ["b"]))
    (files / "c.pdf").write_bytes(make_pdf("C", "IOM", ["c"]))
    (files / "d.pdf").write_bytes(make_pdf("D", "IOM", ["d"]))
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Title,Type,Objectives,Organisations,Date,Language,File,URL\n"
        "Cost of remittances,study,19; 20,iom;UN Women,2023-05-04,fr,files/remit.pdf,\n"
        "Bad objective,,99,,,,files/b.pdf,\n"
        "Bad date,,,,31/02/2023,,files/c.pdf,\n"
        "Missing file,,,,,,files/nowhere.pdf,\n"
        "Unknown org,,,nobody,,,files/d.pdf,\n"
        "A portal,,7,UNW,04/05/2022,,,https://example.org/portal\n"
        ",,,,,,,\n",
        encoding="utf-8",
    )
    report = tmp_path / "out.csv"
    err = StringIO()
    with pytest.raises(CommandError, match="5 of 7 files were refused"):
        run("--csv", str(sheet), "--publish", "--report", str(report), stderr=err)
    rows = read_report(report)
    assert [(r["line"], r["outcome"]) for r in rows] == [
        ("2", "created"),
        ("3", "refused"),
        ("4", "refused"),
        ("5", "refused"),
        ("6", "refused"),
        ("7", "created"),
        ("8", "refused"),
    ]
    reasons = [r["reason"] for r in rows]
    assert "99" in reasons[1] and "1 to 23" in reasons[1]
    assert "Not a date" in reasons[2]
    assert "File not found" in reasons[3]
    assert "nobody" in reasons[4]
    assert "neither a file nor a link" in reasons[6]

    remit = ResourcePage.objects.get(title="Cost of remittances")
    assert remit.live and remit.resource_type == "study"
    assert sorted(remit.objectives.values_list("number", flat=True)) == [19, 20]
    assert sorted(remit.organisations.values_list("slug", flat=True)) == ["iom", "un-women"]
    assert str(remit.publication_date) == "2023-05-04"
    assert list(remit.languages.values_list("code", flat=True)) == ["fr"]
    portal = ResourcePage.objects.get(title="A portal")
    assert portal.external_url == "https://example.org/portal"
    assert portal.resource_type == "external-link" and not portal.attachments.exists()
    assert str(portal.publication_date) == "2022-05-04"
    assert "7 rows: 2 created, 0 skipped (already imported), 5 refused" in err.getvalue()

    # Fix the bad rows and run the sheet again: only they are imported now.
    sheet.write_text(
        "title,type,objectives,organisations,date,language,file,url\n"
        "Cost of remittances,study,19; 20,iom;UN Women,2023-05-04,fr,files/remit.pdf,\n"
        "Fixed objective,,9,,,,files/b.pdf,\n"
        "A portal,,7,UNW,04/05/2022,,,https://example.org/portal\n",
        encoding="utf-8",
    )
    run("--csv", str(sheet), "--report", str(report))
    assert [r["outcome"] for r in read_report(report)] == [
        "skipped-duplicate",
        "created",
        "skipped-duplicate",
    ]
    assert ResourcePage.objects.count() == 3


def test_csv_without_a_file_or_url_column_is_refused_clearly(tmp_path, library):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,objectives\nA,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="'file' or 'url' column"):
        run("--csv", str(sheet))
    with pytest.raises(CommandError, match="not both"):
        run(str(sheet), "--csv", str(sheet))


def test_progress_goes_to_stderr(tmp_path, library):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(make_pdf("Brief", "IOM", ["x"]))
    err = StringIO()
    out = run(str(pdf), stderr=err)
    assert "[" + "#" * 30 + "] 1/1" in err.getvalue()
    assert "#" not in out
