"""``manage.py extract_text``: what the worker would store, file by file, for an operator."""

from __future__ import annotations

import json
import zipfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command

import pytest

from hub.demo.files import make_docx, make_pdf

ENGLISH = (
    "The Government of Rwanda and the partners of the network have agreed that migration is a "
    "matter for all of us, and it should be managed with care by those who work on it."
)
FIELDS = {
    "path",
    "status",
    "engine",
    "pages",
    "page_count",
    "characters",
    "nonspace_characters",
    "seconds",
    "error",
    "language",
    "metadata",
}


def run(*args: str) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("extract_text", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = int(exit.code or 0)
    return out.getvalue(), err.getvalue(), code


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "pdf": tmp_path / "report.pdf",
        "docx": tmp_path / "notes.docx",
        "text": tmp_path / "fake.pdf",
        "bomb": tmp_path / "bomb.docx",
    }
    made["pdf"].write_bytes(make_pdf("Border posts", "IOM", [ENGLISH, "second page"]))
    made["docx"].write_bytes(make_docx("Notes", "Secretariat", ["Notes on return"]))
    made["text"].write_text("just text, not a PDF\n" * 10)
    with zipfile.ZipFile(made["bomb"], "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))  # expands 1000x
    return made


def test_json_lines_say_what_the_pipeline_would_store(files):
    out, err, code = run("--json", str(files["pdf"]), str(files["docx"]))
    assert code == 0 and err == ""
    pdf, docx = (json.loads(line) for line in out.splitlines())
    assert set(pdf) >= FIELDS
    assert pdf["path"] == str(files["pdf"])
    assert (pdf["status"], pdf["engine"], pdf["pages"]) == ("extracted", "pypdfium2", 2)
    assert pdf["nonspace_characters"] > 100 and pdf["characters"] > pdf["nonspace_characters"]
    assert pdf["metadata"]["title"] == "Border posts"
    assert pdf["metadata"]["author"] == "IOM"
    assert pdf["language"] == pdf["metadata"]["language"] == "en"
    assert pdf["error"] == "" and pdf["seconds"] > 0
    assert (docx["status"], docx["engine"]) == ("extracted", "python-docx")
    assert docx["metadata"]["title"] == "Notes"


def test_refused_files_get_their_status_and_reason(files):
    out, _, code = run("--json", str(files["text"]), str(files["bomb"]))
    assert code == 0
    text, bomb = (json.loads(line) for line in out.splitlines())
    assert (text["status"], text["pages"]) == ("damaged", 0)
    assert (
        text["error"]
        == "This file is not a PDF, Word (.docx), Excel (.xlsx), CSV or PowerPoint (.pptx) file."
    )
    assert bomb["status"] == "too_large"
    assert "zip bomb" in bomb["error"]


def test_the_upload_limit_applies(files, settings):
    settings.HUB_MAX_UPLOAD_BYTES = 1000
    out, _, _ = run("--json", str(files["pdf"]))
    row = json.loads(out)
    assert row["status"] == "too_large"
    assert row["error"] == "This file is larger than the 1000 bytes limit."


def test_the_time_limit_applies(files):
    out, _, _ = run("--json", "--timeout", "0.001", str(files["pdf"]))
    row = json.loads(out)
    assert row["status"] == "timeout"
    assert row["error"].startswith("Reading this file took longer than 0.001 s")


def test_a_missing_file_is_an_error_line_and_a_failure_exit(files, tmp_path):
    missing = tmp_path / "nope.pdf"
    out, err, code = run("--json", str(missing), str(files["pdf"]))
    assert code == 1
    assert err.strip() == f"{missing}: no such file"
    lines = out.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["path"] == str(files["pdf"])


def test_without_json_a_readable_table(files):
    out, _, code = run(str(files["pdf"]), str(files["text"]))
    assert code == 0
    header, pdf, text, *reasons = out.splitlines()
    assert header.split()[:3] == ["status", "pages", "chars"]
    assert pdf.split()[:2] == ["extracted", "2"] and pdf.endswith(str(files["pdf"]))
    assert text.split()[0] == "damaged"
    assert reasons == [
        f"{files['text']}: This file is not a PDF, Word (.docx), Excel (.xlsx), CSV or PowerPoint (.pptx) file."
    ]


def test_the_largest_files_are_read_first_and_printed_in_the_order_given(files, monkeypatch):
    from library.extraction import sandbox
    from library.management.commands import extract_text

    asked: list[str] = []

    class Recording(sandbox.ReaderPool):
        def run(self, request, *args, **kwargs):
            asked.append(request["path"])
            return super().run(request, *args, **kwargs)

    monkeypatch.setattr(extract_text, "ReaderPool", Recording)
    given = [str(files["pdf"]), str(files["docx"]), str(files["bomb"])]
    out, _, code = run("--json", "--jobs", "1", *given)
    assert code == 0
    assert [json.loads(line)["path"] for line in out.splitlines()] == given
    by_size = sorted(given, key=lambda path: -Path(path).stat().st_size)
    # The zip bomb is refused before any reader sees it; the others, largest first.
    assert asked == [path for path in by_size if path != str(files["bomb"])]
    assert Path(by_size[0]).stat().st_size > Path(by_size[1]).stat().st_size


def test_largest_first_puts_what_cannot_be_sized_first_and_reads_each_file_once(tmp_path):
    from library.management.commands.extract_text import largest_first

    small, large = tmp_path / "small", tmp_path / "large"
    small.write_bytes(b"x")
    large.write_bytes(b"x" * 100)
    missing = str(tmp_path / "missing")
    paths = [str(small), str(large), missing, str(small)]
    assert largest_first(paths) == [missing, str(large), str(small)]


def test_manage_py_runs_it_without_loading_the_apps(files):
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['manage.py', 'extract_text', '--json', {str(files['pdf'])!r}]\n"
        "runpy.run_path('manage.py', run_name='__main__')\n"
        "from django.apps import apps\n"
        "print('apps loaded' if apps.ready else 'apps not loaded')\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hub.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    row, said = done.stdout.splitlines()
    assert json.loads(row)["status"] == "extracted"
    assert json.loads(row)["metadata"]["title"] == "Border posts"
    assert said == "apps not loaded"
