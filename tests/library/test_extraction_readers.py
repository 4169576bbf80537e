"""Warm readers, caps, comments and form fields, and text recognition of scanned pages."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from library.extraction import EXTRACTED, NO_TEXT_LAYER, TIMEOUT, extract_file
from library.extraction.ocr import tesseract_languages
from library.extraction.pdf import extract_pdf
from library.extraction.sandbox import ReaderPool, ReaderUnavailable
from tests.library.test_extraction import make_docx, make_pdf, p

PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is installed by `make test`"
)


# Warm readers --------------------------------------------------------------------------------


def test_one_warm_reader_reads_file_after_file(tmp_path):
    pool = ReaderPool(1, 1024)
    try:
        for n in range(5):
            path = make_pdf(tmp_path / f"{n}.pdf", [f"file {n}"])
            result = extract_file(path, pool=pool)
            assert (result.status, result.pages[0].strip()) == (EXTRACTED, f"file {n}")
        docx = extract_file(make_docx(tmp_path / "a.docx", p("word text")), pool=pool)
        assert docx.pages == ["word text"]
        assert pool.started == 1
    finally:
        pool.close()


def test_a_reader_that_hangs_is_killed_and_replaced_and_only_its_file_fails(tmp_path):
    pool = ReaderPool(1, 1024)
    slow = make_pdf(tmp_path / "slow.pdf", [f"page {n}" for n in range(3000)])
    try:
        result = extract_file(slow, timeout_seconds=0.05, pool=pool)
        assert result.status == TIMEOUT
        after = extract_file(make_pdf(tmp_path / "ok.pdf", ["fine"]), pool=pool)
        assert (after.status, after.pages[0].strip()) == (EXTRACTED, "fine")
        assert pool.started == 2
    finally:
        pool.close()


def test_readers_work_side_by_side(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    pool = ReaderPool(2, 1024)
    paths = [make_pdf(tmp_path / f"{n}.pdf", [f"text {n}"]) for n in range(6)]
    try:
        with ThreadPoolExecutor(2) as threads:
            results = list(threads.map(lambda path: extract_file(path, pool=pool), paths))
        assert [r.pages[0].strip() for r in results] == [f"text {n}" for n in range(6)]
        assert pool.started <= 2
    finally:
        pool.close()


def test_a_missing_temporary_folder_is_named_not_blamed_on_the_file(tmp_path, monkeypatch):
    path = make_pdf(tmp_path / "a.pdf", ["x"])
    monkeypatch.setenv("TMPDIR", str(tmp_path / "gone"))
    pool = ReaderPool(1, 1024)
    with pytest.raises(ReaderUnavailable) as raised:
        extract_file(path, pool=pool)
    assert str(raised.value.strerror) == f"the temporary folder ({tmp_path}/gone) is missing"


def test_a_full_disk_is_named_not_blamed_on_the_file(tmp_path, monkeypatch):
    import errno
    import tempfile

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    path = make_pdf(tmp_path / "a.pdf", ["x"])
    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    with pytest.raises(ReaderUnavailable) as raised:
        extract_file(path, pool=ReaderPool(1, 1024))
    assert raised.value.strerror == "the server's disk is full"
    assert raised.value.errno == errno.ENOSPC


def test_a_pdf_header_after_some_junk_is_read(tmp_path):
    clean = make_pdf(tmp_path / "a.pdf", ["after the junk"]).read_bytes()
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"X" * 600 + b"\n" + clean)
    result = extract_file(path)
    assert (result.status, result.pages[0].strip()) == (EXTRACTED, "after the junk")


# Caps ----------------------------------------------------------------------------------------


def test_the_page_cap_reads_the_first_pages_and_says_so(tmp_path):
    path = make_pdf(tmp_path / "long.pdf", [f"page {n}" for n in range(1, 31)])
    for engine in (None, "pypdf"):
        result = extract_file(path, max_pages=10, engine=engine)
        assert result.status == EXTRACTED
        assert [page.strip() for page in result.pages] == [f"page {n}" for n in range(1, 11)]
        assert result.metadata["page_count"] == "30"
        assert result.error.startswith("Read the first 10 pages of 30")


def test_the_character_cap_cuts_the_text_and_says_so(tmp_path):
    path = make_pdf(tmp_path / "long.pdf", ["a" * 50, "b" * 50, "c" * 50])
    result = extract_file(path, max_characters=70)
    assert result.characters == 70
    assert [page.strip() for page in result.pages] == ["a" * 50, "b" * 20]
    assert result.error.startswith("Read the first 70 characters, up to page 2")


def test_the_caps_apply_to_word_files(tmp_path):
    path = make_docx(tmp_path / "a.docx", PAGE_BREAK.join(p(f"page {n}") for n in range(5)))
    result = extract_file(path, max_pages=2)
    assert result.pages == ["page 0", "page 1"]
    assert result.error.startswith("Read the first 2 pages of 5")


# Comments and form fields --------------------------------------------------------------------


def _with_comments(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import FreeText, Text

    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_annotation(0, Text(text="Sticky note on returnees", rect=(50, 550, 70, 570)))
    writer.add_annotation(1, FreeText(text="Comment about remittances", rect=(50, 550, 300, 650)))
    out = path.with_name("commented.pdf")
    writer.write(out)
    return out


@pytest.mark.parametrize("engine", [None, "pypdf"])
def test_comments_are_part_of_the_text_of_their_page(tmp_path, engine):
    path = _with_comments(make_pdf(tmp_path / "a.pdf", ["Body one", "Body two"]))
    result = extract_pdf(path, engine=engine)
    assert result.pages == [
        "Body one\nSticky note on returnees",
        "Body two\nComment about remittances",
    ]


def test_filled_form_fields_are_part_of_the_text_of_their_page(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "form.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 750, "Application form")
    pdf.showPage()
    pdf.drawString(72, 750, "Second page")
    pdf.acroForm.textfield(name="district", value="Rubavu district", x=72, y=600, width=300)
    pdf.acroForm.textfield(name="empty", value="", x=72, y=500, width=300)
    pdf.showPage()
    pdf.save()
    for engine in (None, "pypdf"):
        result = extract_pdf(path, engine=engine)
        assert "Rubavu district" not in result.pages[0]
        assert "Rubavu district" in result.pages[1], engine
        assert result.pages[1].count("Rubavu district") == 1


def test_a_comment_already_drawn_on_the_page_is_not_counted_twice(tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import FreeText

    path = make_pdf(tmp_path / "a.pdf", ["Said in the meeting"])
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_annotation(0, FreeText(text="Said in the meeting", rect=(50, 550, 300, 650)))
    writer.write(tmp_path / "b.pdf")
    assert extract_pdf(tmp_path / "b.pdf").pages == ["Said in the meeting"]


# Text recognition (OCR) ----------------------------------------------------------------------


def make_scan(path: Path, lines: list[str], *, text_page: str = "", scans: int = 1) -> Path:
    """A PDF of one scanned page (a picture of ``lines``) and, if given, a page with text."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    font = _font(44)
    for n, line in enumerate(lines):
        draw.text((150, 200 + 80 * n), line, font=font, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = canvas.Canvas(str(path), pagesize=(612, 792))
    if text_page:
        pdf.drawString(72, 700, text_page)
        pdf.showPage()
    for _ in range(scans):
        pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, 612, 792)
        pdf.showPage()
    pdf.save()
    return path


def _font(size: int):
    """A TrueType font to draw with: the system's, else Pillow's own."""
    import glob

    from PIL import ImageFont

    found = sorted(glob.glob("/usr/share/fonts/truetype/**/*.ttf", recursive=True))
    preferred = [f for f in found if "DejaVuSans.ttf" in f or "LiberationSerif-Regular" in f]
    if preferred or found:
        return ImageFont.truetype((preferred or found)[0], size)
    return ImageFont.load_default(size=size)


OCR = {"languages": "eng", "max_pages": 10, "seconds": 60}


@needs_tesseract
def test_scanned_pages_are_recognised_and_the_status_says_on_how_many(tmp_path):
    path = make_scan(
        tmp_path / "scan.pdf",
        ["Minutes of the quarterly meeting", "Support for returnees in Rubavu"],
        text_page="A typed cover page",
    )
    without = extract_file(path)
    assert without.pages[1] == ""
    result = extract_file(path, ocr=OCR)
    assert result.status == EXTRACTED
    assert result.engine == "pypdfium2+tesseract"
    assert result.pages[0].strip() == "A typed cover page"
    assert "returnees in Rubavu" in result.pages[1]
    assert result.error == "Text recognised (OCR) on 1 page."


@needs_tesseract
def test_a_wholly_scanned_file_is_no_longer_without_text(tmp_path):
    path = make_scan(tmp_path / "scan.pdf", ["Reunion du reseau sur la migration"])
    assert extract_file(path).status == NO_TEXT_LAYER
    result = extract_file(path, ocr={**OCR, "languages": "fra"})
    assert result.status == EXTRACTED and "migration" in result.pages[0]


@needs_tesseract
def test_recognition_stops_at_its_page_budget_and_says_so(tmp_path):
    path = make_scan(tmp_path / "scan.pdf", ["Page of a scanned report"], scans=3)
    result = extract_file(path, ocr={**OCR, "max_pages": 1})
    assert result.status == EXTRACTED
    assert ["scanned report" in page for page in result.pages] == [True, False, False]
    assert result.error == (
        "Text recognised (OCR) on 1 page. 2 scanned pages were not recognised: recognition "
        "stops after 1 pages or 60 s per file."
    )


def test_tesseract_languages_come_from_the_declared_languages():
    assert tesseract_languages(["fr"]) == "fra"
    assert tesseract_languages(["en", "fr", "en"]) == "eng+fra"
    assert tesseract_languages(["rw"]) == "eng"
    assert tesseract_languages([]) == "eng+fra"


def test_a_warm_reader_sends_each_page_once(tmp_path):
    """The pages go over the pipe as they are read; the result line does not repeat them."""
    import json
    import subprocess
    import sys

    path = make_pdf(tmp_path / "a.pdf", ["first page", "second page"])
    request = {"kind": "pdf", "path": str(path), "seconds": 30}
    root = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-m", "library.extraction.child", "serve", "1024"],
        input=json.dumps(request) + "\n",
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
    )
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["page"].strip() for r in records if "page" in r] == ["first page", "second page"]
    result = records[-1]
    assert result["streamed"] is True and result["result"]["pages"] is None
    # Put together again by the parent, the pages are all there.
    pool = ReaderPool(1, 1024)
    try:
        read = extract_file(path, pool=pool)
    finally:
        pool.close()
    assert [page.strip() for page in read.pages] == ["first page", "second page"]
