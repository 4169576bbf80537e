"""Reading PDF and Word files: sniffing uploads, the two readers, the sandbox, and golden files.

Independent of Django (run with ``-p no:django`` while settings are being written). Golden files
under golden/ hold what real files from the shared corpus read as; ``UPDATE_GOLDEN=1`` rewrites
them. The corpus sits beside the repository (``<repo>/../shared/corpus``), as in CI.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from library.extraction import (
    DAMAGED,
    ENCRYPTED,
    EXTRACTED,
    NO_TEXT_LAYER,
    STATUSES,
    TIMEOUT,
    TOO_LARGE,
    Extraction,
    UnacceptableFile,
    check_upload,
    extract_file,
)
from library.extraction.docx import ENGINE_PYTHON_DOCX, ENGINE_XML, extract_docx
from library.extraction.pdf import extract_pdf
from library.extraction.result import clean_text

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
MB = 1024 * 1024

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"the shared corpus is not at {CORPUS} (CI puts shared/ beside the clone)",
)


# Building inputs ---------------------------------------------------------------------------------


def make_pdf(path: Path, pages: list[str], *, title: str = "", author: str = "", **kw) -> Path:
    """A PDF with one line of text per page (an empty string makes a page without text)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, **kw)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for text in pages:
        if text:
            pdf.drawString(72, 700, text)
        else:
            pdf.rect(100, 100, 200, 200, fill=1)  # something on the page, but no text
        pdf.showPage()
    pdf.save()
    return path


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def p(text: str, properties: str = "") -> str:
    pr = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f'<w:p>{pr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def make_docx(
    path: Path,
    body: str,
    *,
    parts: dict[str, tuple[str, str]] | None = None,
    main: str = "word/document.xml",
    content_type: str = DOCX_MAIN,
    namespace: str = W,
    core: str = "",
) -> Path:
    """A Word file written part by part. ``parts`` maps rId -> (relationship type, XML)."""
    parts = parts or {}
    folder, name = main.rsplit("/", 1)
    overrides = [f'<Override PartName="/{main}" ContentType="{content_type}"/>']
    rels = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for rel_id, (kind, xml) in parts.items():
            target = f"{kind}{rel_id}.xml"
            archive.writestr(f"{folder}/{target}", xml)
            overrides.append(
                f'<Override PartName="/{folder}/{target}" ContentType="application/xml"/>'
            )
            rels.append(f'<Relationship Id="{rel_id}" Type="{RT}{kind}" Target="{target}"/>')
        package_rels = [f'<Relationship Id="rId1" Type="{RT}officeDocument" Target="{main}"/>']
        if core:
            archive.writestr("docProps/core.xml", core)
            overrides.append(
                '<Override PartName="/docProps/core.xml" '
                'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            )
            package_rels.append(
                '<Relationship Id="rId2" Target="docProps/core.xml" Type="http://schemas.'
                'openxmlformats.org/package/2006/relationships/metadata/core-properties"/>'
            )
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{''.join(overrides)}</Types>",
        )
        rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{rels_ns}">{"".join(package_rels)}</Relationships>',
        )
        archive.writestr(
            f"{folder}/_rels/{name}.rels",
            f'<Relationships xmlns="{rels_ns}">{"".join(rels)}</Relationships>',
        )
        archive.writestr(
            main,
            f'<w:document xmlns:w="{namespace}" xmlns:r="{R}" xmlns:mc="{MC}" '
            f'xmlns:wps="{WPS}" xmlns:v="{V}"><w:body>{body}</w:body></w:document>',
        )
    return path


def part(root: str, inner: str) -> str:
    return f'<w:{root} xmlns:w="{W}" xmlns:r="{R}">{inner}</w:{root}>'


def pages_of(path: Path, engine: str | None = None) -> list[str]:
    result = extract_docx(path, engine=engine)
    assert result.status in (EXTRACTED, NO_TEXT_LAYER), result.error
    return result.pages


ENGINES = pytest.mark.parametrize("engine", [ENGINE_PYTHON_DOCX, ENGINE_XML])


# The result --------------------------------------------------------------------------------------


def test_extraction_counts_and_json():
    result = Extraction(EXTRACTED, ["a b\n", " c"], {"title": "T"}, "pypdf", seconds=1.5)
    assert result.characters == 6
    assert result.nonspace_characters == 3
    data = result.to_json()
    assert data == {
        "status": "extracted",
        "pages": ["a b\n", " c"],
        "metadata": {"title": "T"},
        "engine": "pypdf",
        "error": "",
        "seconds": 1.5,
    }
    assert json.loads(json.dumps(data)) == data
    assert Extraction.from_json(data) == result


def test_clean_text_drops_what_stores_refuse():
    assert clean_text("a\x00b\x07c\td\ne\r") == "abc\td\ne\r"
    assert clean_text("x\udc80y") == "x?y"


# Sniffing uploads --------------------------------------------------------------------------------


def test_pdf_and_docx_are_told_by_content_not_name(tmp_path):
    pdf = make_pdf(tmp_path / "report.docx", ["hello"])
    docx = make_docx(tmp_path / "report.pdf", p("hello"))
    with pdf.open("rb") as handle:
        assert check_upload(handle, max_bytes=MB) == "pdf"
    with docx.open("rb") as handle:
        assert check_upload(handle, max_bytes=MB) == "docx"


def test_pdf_header_may_follow_some_junk():
    assert check_upload(io.BytesIO(b"\x00" * 500 + b"%PDF-1.7\n..."), max_bytes=MB) == "pdf"
    with pytest.raises(UnacceptableFile):
        check_upload(io.BytesIO(b"\x00" * 1100 + b"%PDF-1.7\n..."), max_bytes=MB)


@pytest.mark.parametrize(
    "content",
    [
        b"Just some text, saved with a .pdf name.\n" * 10,
        bytes(random.Random(7).getrandbits(8) for _ in range(4096)),
        b"<html><body>Not a document</body></html>",
    ],
    ids=["text", "random-bytes", "html"],
)
def test_other_files_are_refused(tmp_path, content):
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    with path.open("rb") as handle, pytest.raises(UnacceptableFile) as refusal:
        check_upload(handle, max_bytes=MB)
    assert (
        str(refusal.value)
        == "This file is not a PDF, Word (.docx), Excel (.xlsx), CSV or PowerPoint (.pptx) file."
    )
    assert refusal.value.code == "not_supported"
    result = extract_file(path)
    assert result.status == DAMAGED
    assert (
        result.error
        == "This file is not a PDF, Word (.docx), Excel (.xlsx), CSV or PowerPoint (.pptx) file."
    )


def test_empty_file_is_refused():
    with pytest.raises(UnacceptableFile, match="empty") as refusal:
        check_upload(io.BytesIO(b""), max_bytes=MB)
    assert refusal.value.code == "empty"


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:  # sparse: 50 MB and a byte, written in no time
        handle.write(b"%PDF-1.7\n")
        handle.truncate(50 * MB + 1)
    with path.open("rb") as handle, pytest.raises(UnacceptableFile) as refusal:
        check_upload(handle, max_bytes=50 * MB)
    assert str(refusal.value) == "This file is larger than the 50 MB limit."
    assert refusal.value.code == "too_large"
    assert refusal.value.params == {"limit": "50 MB"}
    with path.open("rb") as handle:
        assert check_upload(handle, max_bytes=50 * MB + 1) == "pdf"


def test_position_is_restored_whatever_happens():
    good = io.BytesIO(b"%PDF-1.4\n" + b"x" * 100)
    good.seek(42)
    assert check_upload(good, max_bytes=MB) == "pdf"
    assert good.tell() == 42
    bad = io.BytesIO(b"nothing to see here")
    bad.seek(5)
    with pytest.raises(UnacceptableFile):
        check_upload(bad, max_bytes=MB)
    assert bad.tell() == 5


def _write_zip_bomb(path: Path, size: int, name: str = "word/media/zeros.bin") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body/></w:document>')
        chunk = bytes(MB)
        with archive.open(name, "w", force_zip64=True) as member:
            for _ in range(size // MB):
                member.write(chunk)
    return path


def test_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path):
    bomb = _write_zip_bomb(tmp_path / "bomb.docx", 300 * MB)
    assert bomb.stat().st_size < 2 * MB
    with bomb.open("rb") as handle, pytest.raises(UnacceptableFile) as refusal:
        check_upload(handle, max_bytes=50 * MB)
    assert str(refusal.value) == (
        "This Word file expands to more than 200 MB when unpacked; "
        "it looks like a zip bomb and was refused."
    )
    assert refusal.value.code == "zip_bomb"
    # The readers refuse it the same way, whoever calls them.
    assert extract_docx(bomb).status == TOO_LARGE
    result = extract_file(bomb, timeout_seconds=20)
    assert result.status == TOO_LARGE
    assert "zip bomb" in result.error
    assert result.seconds < 5


def test_one_member_expanding_too_much_is_refused(tmp_path):
    bomb = _write_zip_bomb(tmp_path / "bomb.docx", 20 * MB)  # under 200 MB, but 1000x
    with bomb.open("rb") as handle, pytest.raises(UnacceptableFile, match="100 times") as refusal:
        check_upload(handle, max_bytes=50 * MB)
    assert refusal.value.code == "zip_bomb"


def test_zip_with_too_many_members_is_refused(tmp_path):
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<x/>")
        for number in range(10_001):
            archive.writestr(f"word/m{number}", b"")
    with path.open("rb") as handle, pytest.raises(UnacceptableFile) as refusal:
        check_upload(handle, max_bytes=50 * MB)
    assert refusal.value.code == "zip_bomb"


def test_other_zips_are_refused(tmp_path):
    sheet = tmp_path / "book.docx"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    plain = tmp_path / "plain.docx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")  # no [Content_Types].xml: not a package
    for path in (sheet, plain):
        with path.open("rb") as handle, pytest.raises(UnacceptableFile) as refusal:
            check_upload(handle, max_bytes=MB)
        assert refusal.value.code == "not_supported"


def test_truncated_zip_is_refused_as_damaged(tmp_path):
    whole = make_docx(tmp_path / "whole.docx", p("hello")).read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    with cut.open("rb") as handle, pytest.raises(UnacceptableFile) as refusal:
        check_upload(handle, max_bytes=MB)
    assert refusal.value.code == "damaged"
    assert extract_file(cut).status == DAMAGED


def _compound_file(stream_name: str) -> bytes:
    """The start of an OLE compound file whose first directory sector names one stream."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[30:32] = (9).to_bytes(2, "little")  # 512-byte sectors
    directory = bytearray(512)
    for slot, name in enumerate(["Root Entry", stream_name]):
        encoded = (name + "\0").encode("utf-16-le")
        directory[slot * 128 : slot * 128 + len(encoded)] = encoded
        directory[slot * 128 + 64 : slot * 128 + 66] = len(encoded).to_bytes(2, "little")
    return bytes(header + directory)


def test_password_protected_word_file_is_refused_as_encrypted(tmp_path):
    path = tmp_path / "secret.docx"
    path.write_bytes(_compound_file("EncryptedPackage"))
    with path.open("rb") as handle, pytest.raises(UnacceptableFile) as refusal:
        check_upload(handle, max_bytes=MB)
    assert refusal.value.code == "encrypted"
    assert "password" in str(refusal.value)
    assert extract_file(path).status == ENCRYPTED


def test_old_binary_word_file_is_refused_with_advice():
    with pytest.raises(UnacceptableFile, match=r"\.doc\) file. Save it as \.docx"):
        check_upload(io.BytesIO(_compound_file("WordDocument")), max_bytes=MB)


def test_main_part_found_through_package_relationships(tmp_path):
    path = make_docx(tmp_path / "office365.docx", p("from document2"), main="word/document2.xml")
    with path.open("rb") as handle:
        assert check_upload(handle, max_bytes=MB) == "docx"
    assert pages_of(path) == ["from document2"]


# PDF ---------------------------------------------------------------------------------------------


def test_pdf_pages_and_metadata(tmp_path):
    path = make_pdf(
        tmp_path / "report.pdf",
        ["First page kangaroo", "Second page wombat", "Third page platypus"],
        title="Migration in the Pacific",
        author="UN Network on Migration",
    )
    result = extract_pdf(path)
    assert result.status == EXTRACTED
    assert result.engine == "pypdfium2"
    assert [page.strip() for page in result.pages] == [
        "First page kangaroo",
        "Second page wombat",
        "Third page platypus",
    ]
    assert result.metadata["title"] == "Migration in the Pacific"
    assert result.metadata["author"] == "UN Network on Migration"
    assert result.metadata["page_count"] == "3"
    assert datetime.fromisoformat(result.metadata["created"]).year >= 2024
    assert result.error == ""


def test_pdf_pages_without_text_are_kept_in_place(tmp_path):
    path = make_pdf(tmp_path / "mixed.pdf", ["one", "", "three"])
    result = extract_pdf(path)
    assert result.status == EXTRACTED
    assert [page.strip() for page in result.pages] == ["one", "", "three"]


def test_pdf_without_any_text_is_no_text_layer(tmp_path):
    result = extract_pdf(make_pdf(tmp_path / "scan.pdf", ["", ""]))
    assert result.status == NO_TEXT_LAYER
    assert len(result.pages) == 2
    assert "OCR" in result.error


def test_pdf_with_user_password_is_encrypted(tmp_path):
    path = make_pdf(tmp_path / "locked.pdf", ["secret"], encrypt="letmein")
    result = extract_pdf(path)
    assert result.status == ENCRYPTED
    assert result.pages == []
    assert result.error == "The PDF is encrypted: it needs a password to be opened."


def test_pdf_with_owner_password_only_is_read(tmp_path):
    from reportlab.lib import pdfencrypt

    owner_only = pdfencrypt.StandardEncryption("", ownerPassword="owner", canCopy=0)
    path = make_pdf(tmp_path / "restricted.pdf", ["readable anyway"], encrypt=owner_only)
    result = extract_pdf(path)
    assert result.status == EXTRACTED
    assert result.pages[0].strip() == "readable anyway"


def test_pdf_one_bad_page_does_not_cost_the_others(tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject

    source = make_pdf(tmp_path / "good.pdf", ["alpha", "beta", "gamma"])
    writer = PdfWriter(clone_from=PdfReader(source))
    # Page 2's content is compressed with a filter nobody knows: pypdf raises on that page.
    contents = StreamObject()
    contents.set_data(b"BT (beta) Tj ET")
    contents[NameObject("/Filter")] = NameObject("/NoSuchDecode")
    writer.pages[1][NameObject("/Contents")] = writer._add_object(contents)
    broken = tmp_path / "broken.pdf"
    writer.write(broken)
    result = extract_pdf(broken, engine="pypdf")
    assert result.status == EXTRACTED
    assert [page.strip() for page in result.pages] == ["alpha", "", "gamma"]
    assert result.error == "Page 2 could not be read; the other pages were read."
    # PDFium skips what it cannot decode; pypdf, asked again for the empty page, fails again.
    default = extract_pdf(broken)
    assert (default.status, default.engine) == (EXTRACTED, "pypdfium2")
    assert [page.strip() for page in default.pages] == ["alpha", "", "gamma"]


def test_pdf_dates_read_as_iso():
    from library.extraction.pdf_metadata import pdf_date

    assert pdf_date("D:20041026181009+09'00'") == "2004-10-26T18:10:09+09:00"
    assert pdf_date("D:20080424") == "2008-04-24T00:00:00"
    assert pdf_date("D:2008Z") == "2008-01-01T00:00:00+00:00"
    assert pdf_date("D:20081345") is None  # month 13
    assert pdf_date("yesterday") is None
    assert pdf_date("") is None


def test_pdf_page_tree_broken_pages_found_by_scanning(tmp_path):
    source = make_pdf(tmp_path / "good.pdf", ["alpha page", "beta page"]).read_bytes()
    # The catalog's /Pages now points at an object that is no page tree.
    broken = re.sub(rb"/Pages (\d+) 0 R", b"/Pages 999 0 R", source, count=1)
    assert broken != source
    path = tmp_path / "broken-tree.pdf"
    path.write_bytes(broken)
    result = extract_file(path)
    assert result.status == EXTRACTED
    assert sorted(page.strip() for page in result.pages) == ["alpha page", "beta page"]
    assert "its list of pages is broken" in result.error


def test_truncated_pdf_is_damaged_or_partly_recovered(tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf", ["alpha", "beta", "gamma"]).read_bytes()
    for fraction in (0.3, 0.9):
        cut = tmp_path / f"cut{fraction}.pdf"
        cut.write_bytes(whole[: int(len(whole) * fraction)])
        result = extract_file(cut)
        assert result.status in (DAMAGED, EXTRACTED)
        assert result.error.startswith("The PDF is damaged")
        if result.status == EXTRACTED:  # recovered: what it holds is true text of the file
            assert "alpha" in result.pages[0]
    assert extract_file(tmp_path / "cut0.3.pdf").status == DAMAGED
    recovered = extract_file(tmp_path / "cut0.9.pdf")
    assert recovered.status == EXTRACTED
    assert recovered.error.endswith("its text was read from what could be recovered.")


def test_pdf_header_only_is_damaged(tmp_path):
    path = tmp_path / "stub.pdf"
    path.write_bytes(b"%PDF-1.4\nnothing else\n%%EOF\n")
    result = extract_pdf(path)
    assert result.status == DAMAGED
    assert result.error.startswith("The PDF is damaged: pypdf could not open it (")
    assert "Traceback" not in result.error


# Word --------------------------------------------------------------------------------------------


def _python_docx_document(path: Path, *, continuous_last: bool = False) -> Path:
    import docx
    from docx.enum.section import WD_SECTION

    document = docx.Document()
    properties = document.core_properties
    properties.title = "Return and reintegration"
    properties.author = "Network secretariat"
    properties.created = datetime(2024, 3, 4, 5, 6, 7)
    properties.modified = datetime(2024, 3, 5, 6, 7, 8)
    document.add_paragraph("Page one introduction")
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, (("Country", "Returns"), ("Fiji", "120")), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_page_break()
    document.add_paragraph("Page two findings")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Page three annex")
    if continuous_last:
        document.add_section(WD_SECTION.CONTINUOUS)
        document.add_paragraph("Still page three")
    document.sections[0].header.paragraphs[0].text = "Running header"
    document.sections[0].footer.paragraphs[0].text = "Running footer"
    document.save(str(path))
    return path


def test_python_docx_document_pages_tables_headers_and_metadata(tmp_path):
    path = _python_docx_document(tmp_path / "report.docx", continuous_last=True)
    result = extract_docx(path)
    assert result.status == EXTRACTED
    assert result.engine == "python-docx"
    assert result.pages == [
        "Page one introduction\nCountry\tReturns\nFiji\t120\n\nRunning header\n\nRunning footer",
        "Page two findings",
        # python-docx ends a section with an empty paragraph of its own: a blank line.
        "Page three annex\n\nStill page three",
    ]
    assert result.metadata == {
        "title": "Return and reintegration",
        "author": "Network secretariat",
        "created": "2024-03-04T05:06:07+00:00",
        "modified": "2024-03-05T06:07:08+00:00",
    }


WORD_MAIN_TYPES = {
    "docm": DOCM_MAIN,
    "dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


def as_word_variant(docx_path: Path, extension: str) -> Path:
    """The same Word file saved as .docm, .dotx or .dotm: only the main part's type changes."""
    variant = docx_path.with_suffix(f".{extension}")
    with zipfile.ZipFile(docx_path) as source, zipfile.ZipFile(variant, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(DOCX_MAIN.encode(), WORD_MAIN_TYPES[extension].encode())
            target.writestr(info, data)
    return variant


@pytest.mark.parametrize("extension", sorted(WORD_MAIN_TYPES))
def test_macro_enabled_and_template_files_are_read_by_the_xml_engine(tmp_path, extension):
    docx_path = _python_docx_document(tmp_path / "report.docx")
    variant = as_word_variant(docx_path, extension)
    with pytest.raises(ValueError):  # python-docx refuses the content type
        import docx

        docx.Document(str(variant))
    with variant.open("rb") as handle:
        assert check_upload(handle, max_bytes=MB) == "docx"
    docx_result, variant_result = extract_docx(docx_path), extract_docx(variant)
    assert variant_result.engine == "docx-xml"
    assert variant_result.status == EXTRACTED
    assert (variant_result.pages, variant_result.metadata) == (
        docx_result.pages,
        docx_result.metadata,
    )
    assert extract_file(variant).pages == docx_result.pages  # the sandbox reads it alike


def test_both_engines_read_a_python_docx_file_alike(tmp_path):
    path = _python_docx_document(tmp_path / "report.docx", continuous_last=True)
    one, other = (
        extract_docx(path, engine=ENGINE_PYTHON_DOCX),
        extract_docx(path, engine=ENGINE_XML),
    )
    assert (one.status, one.pages, one.metadata) == (other.status, other.pages, other.metadata)
    assert (one.engine, other.engine) == ("python-docx", "docx-xml")


@ENGINES
def test_explicit_page_break_splits_a_paragraph(tmp_path, engine):
    body = (
        '<w:p><w:r><w:t>one</w:t><w:br w:type="page"/><w:t>two</w:t></w:r></w:p>'
        + p("three")
        + PAGE_BREAK
        + PAGE_BREAK  # two breaks in a row: a blank page, as Word shows it
        + p("four")
    )
    path = make_docx(tmp_path / "breaks.docx", body)
    assert pages_of(path, engine) == ["one", "two\nthree", "", "four"]


@ENGINES
def test_rendered_page_breaks_give_the_pages_word_showed(tmp_path, engine):
    rendered = '<w:p><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
    body = (
        p("first")
        + rendered.format("second")  # where Word's layout began page 2
        + PAGE_BREAK
        + rendered.format("third")  # the same page start as the break before it: counted once
        + rendered.format("fourth")
    )
    path = make_docx(tmp_path / "rendered.docx", body)
    assert pages_of(path, engine) == ["first", "second", "third", "fourth"]


@ENGINES
def test_rendered_page_breaks_in_text_boxes_are_not_page_starts(tmp_path, engine):
    box = (
        "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        '<w:p><w:r><w:lastRenderedPageBreak/><w:t>boxed</w:t><w:br w:type="page"/></w:r></w:p>'
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    path = make_docx(tmp_path / "box.docx", p("before") + box + p("after"))
    assert pages_of(path, engine) == ["before\nboxed\n\nafter"]


@ENGINES
def test_section_breaks_start_pages_by_the_next_sections_type(tmp_path, engine):
    continuous = '<w:sectPr><w:type w:val="continuous"/></w:sectPr>'
    body = (
        p("s1", "<w:sectPr/>")  # section 2 is continuous: no new page after s1
        + p("s2", continuous)  # section 3 (the body's) starts on a new page by default
        + p("s3")
        + "<w:sectPr/>"
    )
    path = make_docx(tmp_path / "sections.docx", body)
    assert pages_of(path, engine) == ["s1\ns2", "s3"]


@ENGINES
def test_page_break_before_through_styles(tmp_path, engine):
    styles = part(
        "styles",
        '<w:style w:type="paragraph" w:styleId="Chapter">'
        "<w:pPr><w:pageBreakBefore/></w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Chapter"/></w:style>',
    )
    heading = '<w:pStyle w:val="Heading1"/>'
    body = (
        p("Title", heading)  # already first on its page: no blank page before it
        + p("text one")
        + p("Chapter two", heading)
        + p("text two")
        + p("Not a chapter", heading + '<w:pageBreakBefore w:val="0"/>')
    )
    path = make_docx(tmp_path / "styles.docx", body, parts={"rId9": ("styles", styles)})
    assert pages_of(path, engine) == ["Title\ntext one", "Chapter two\ntext two\nNot a chapter"]


@ENGINES
def test_tables_read_row_by_row(tmp_path, engine):
    def cell(inner: str) -> str:
        return f"<w:tc><w:tcPr/>{inner}</w:tc>"

    broken = '<w:p><w:r><w:t>12</w:t><w:br w:type="page"/><w:t>0</w:t></w:r></w:p>'
    table = (
        "<w:tbl><w:tblPr/><w:tblGrid/>"
        f"<w:tr>{cell(p('Country'))}{cell(p('Returns'))}</w:tr>"
        f"<w:tr>{cell(p('Fiji') + p('(provisional)'))}{cell(broken)}</w:tr>"
        "</w:tbl>"
    )
    path = make_docx(tmp_path / "table.docx", p("Before") + table + p("After"))
    # A page break inside a table cell is a line break to Word.
    assert pages_of(path, engine) == ["Before\nCountry\tReturns\nFiji\n(provisional)\t12\n0\nAfter"]


@ENGINES
def test_only_the_text_a_reader_sees(tmp_path, engine):
    tracked = (
        '<w:p><w:r><w:t xml:space="preserve">kept </w:t></w:r>'
        "<w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins></w:p>"
    )
    field = (
        '<w:p><w:r><w:t xml:space="preserve">See page </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF x </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    box = (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        f"<w:txbxContent>{p('In a box')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox>"
        f"<w:txbxContent>{p('In a box')}</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    characters = (
        "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t>"
        "<w:softHyphen/><w:t>d</w:t><w:cr/><w:t>e</w:t></w:r></w:p>"
    )
    sdt = f"<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>{p('In a control')}"
    sdt += "</w:sdtContent></w:sdt>"
    path = make_docx(tmp_path / "seen.docx", tracked + field + box + characters + sdt)
    assert pages_of(path, engine) == [
        "kept inserted\nSee page 7\nIn a box\n\na\tb-cd\ne\nIn a control"
    ]


@ENGINES
def test_notes_and_headers_go_where_they_are_printed(tmp_path, engine):
    footnotes = part(
        "footnotes",
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        f'<w:footnote w:id="1">{p("Footnote of page two")}</w:footnote>'
        f'<w:footnote w:id="2">{p("Never referenced")}</w:footnote>',
    )
    endnotes = part("endnotes", f'<w:endnote w:id="1">{p("An endnote")}</w:endnote>')
    header = part("hdr", p("Header of section one"))
    header_two = part("hdr", p("Header of section two"))
    footer = part("ftr", p("Footer everywhere"))
    body = (
        p("page one")
        + PAGE_BREAK
        + '<w:p><w:r><w:t>page two</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
        + '<w:r><w:endnoteReference w:id="1"/></w:r>'
        + '<w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/>'
        + '<w:footerReference w:type="default" r:id="rIdF"/></w:sectPr></w:pPr></w:p>'
        + p("page three")
        + '<w:sectPr><w:headerReference w:type="default" r:id="rIdH2"/>'
        + '<w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>'
    )
    parts = {
        "rIdN": ("footnotes", footnotes),
        "rIdE": ("endnotes", endnotes),
        "rIdH1": ("header", header),
        "rIdH2": ("header", header_two),
        "rIdF": ("footer", footer),
    }
    path = make_docx(tmp_path / "notes.docx", body, parts=parts)
    assert pages_of(path, engine) == [
        "page one\n\nHeader of section one\n\nFooter everywhere",
        "page two\n\nFootnote of page two",
        "page three\n\nAn endnote\n\nHeader of section two",
    ]


def test_strict_ooxml_is_read_by_the_xml_engine(tmp_path):
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/">'
        "<dc:title>Strict</dc:title><dc:creator>Someone</dc:creator>"
        "<dcterms:created>2020-01-02T03:04:05Z</dcterms:created>"
        "<dcterms:modified>not a date</dcterms:modified></cp:coreProperties>"
    )
    path = make_docx(
        tmp_path / "strict.docx",
        p("strict text"),
        namespace=W_STRICT,
        content_type=DOCM_MAIN,
        core=core,
    )
    result = extract_docx(path)
    assert (result.status, result.engine, result.pages) == (EXTRACTED, "docx-xml", ["strict text"])
    assert result.metadata == {
        "title": "Strict",
        "author": "Someone",
        "created": "2020-01-02T03:04:05+00:00",
    }


def test_word_file_without_text(tmp_path):
    result = extract_docx(make_docx(tmp_path / "empty.docx", "<w:p/><w:sectPr/>"))
    assert result.status == NO_TEXT_LAYER
    assert result.pages == [""]
    assert result.metadata == {}  # none invented ("Word Document" by "python-docx")


def test_word_file_with_broken_xml_is_damaged(tmp_path):
    path = make_docx(tmp_path / "broken.docx", p("fine") + "<w:p><w:r>")  # never closed
    for engine in (None, ENGINE_PYTHON_DOCX, ENGINE_XML):
        result = extract_docx(path, engine=engine)
        assert result.status == DAMAGED
        assert result.error.startswith("The Word file is damaged: ")
        assert "XMLSyntaxError" in result.error
        assert "\n" not in result.error and "Traceback" not in result.error


# The sandbox -------------------------------------------------------------------------------------


def test_extract_file_reads_both_kinds_in_a_child(tmp_path):
    pdf = extract_file(make_pdf(tmp_path / "a.pdf", ["pdf text"]))
    docx = extract_file(make_docx(tmp_path / "a.docx", p("docx text")))
    assert (pdf.status, pdf.engine, pdf.pages[0].strip()) == (EXTRACTED, "pypdfium2", "pdf text")
    assert (docx.status, docx.engine, docx.pages) == (EXTRACTED, "python-docx", ["docx text"])
    assert 0 < pdf.seconds < 30 and 0 < docx.seconds < 30


def test_kind_given_skips_sniffing_and_bad_kinds_are_refused(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", ["text"])
    assert extract_file(path, "pdf").status == EXTRACTED
    assert extract_file(path, "docx").status == DAMAGED  # a PDF is no Word file
    with pytest.raises(ValueError):
        extract_file(path, "odt")


def test_missing_file_raises():
    with pytest.raises(FileNotFoundError):
        extract_file("/nonexistent/file.pdf")


def test_slow_reading_is_stopped(tmp_path):
    # Big enough that even a warm reader cannot read it in a millisecond.
    path = make_pdf(tmp_path / "long.pdf", [f"page {n}" for n in range(500)])
    result = extract_file(path, timeout_seconds=0.001)
    assert result.status == TIMEOUT
    assert result.error.startswith("Reading this file took longer than 0.001 s; it was stopped.")
    assert result.engine == "pypdfium2"
    assert result.seconds < 10


def test_too_little_memory_is_too_large_not_a_crash_of_the_caller(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", ["text"])
    result = extract_file(path, memory_mb=20)
    assert result.status in (TOO_LARGE, DAMAGED)
    if result.status == TOO_LARGE:
        assert result.error == (
            "Reading this file needs more memory than the 20 MB limit; it was stopped."
        )


def test_memory_cap_stops_a_reading_and_keeps_the_pages_before(tmp_path):
    import zlib

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(make_pdf(tmp_path / "a.pdf", ["one", "two", "3"])))
    # Page 3's content inflates to 60 MB (120 KB in the file): more than 170 MB to read.
    heavy = StreamObject()
    heavy.set_data(zlib.compress(b"BT (x) Tj ET\n" * (60 * MB // 13)))
    heavy[NameObject("/Filter")] = NameObject("/FlateDecode")
    writer.pages[2][NameObject("/Contents")] = writer._add_object(heavy)
    path = tmp_path / "heavy.pdf"
    writer.write(path)
    result = extract_file(path, memory_mb=170, engine="pypdf")
    assert result.status == TOO_LARGE
    assert [page.strip() for page in result.pages] == ["one", "two"]
    assert result.metadata["page_count"] == "3"
    assert result.error == (
        "Reading this file needs more memory than the 170 MB limit; it was stopped. "
        "The first 2 pages were read."
    )
    # PDFium reads the pages within the cap (the third page's millions of "x" drawn at one
    # spot read as nothing: PDFium drops glyphs drawn over themselves).
    result = extract_file(path, memory_mb=170)
    assert (result.status, result.engine) == (EXTRACTED, "pypdfium2")
    assert [page.strip() for page in result.pages] == ["one", "two", ""]


def test_running_out_of_memory_while_reading_again_keeps_the_first_reading(tmp_path, monkeypatch):
    first = Extraction(EXTRACTED, ["one", ""], {"page_count": "2"}, "pypdfium2")
    last = Extraction(TOO_LARGE, [], {}, "", "Reading this file needs more memory than the 9 MB")
    lines = [{"provisional": first.to_json()}, {"result": last.to_json()}]
    monkeypatch.setattr(sys, "executable", _fake_reader(tmp_path, "answer", lines))
    result = extract_file(make_pdf(tmp_path / "a.pdf", ["x"]), memory_mb=9)
    assert (result.status, result.pages) == (EXTRACTED, ["one", ""])
    assert result.error == (
        "Pages with little or no text could not be read a second time: reading this file "
        "needs more memory than the 9 MB"
    )


def test_a_crash_of_pdfium_is_read_again_by_pypdf(tmp_path, monkeypatch):
    """The request names the engine when one is forced: only PDFium's run crashes."""
    monkeypatch.setattr(sys, "executable", _fake_reader(tmp_path, "crash-unless-forced"))
    result = extract_file(make_pdf(tmp_path / "a.pdf", ["rescued text"]), timeout_seconds=30)
    assert (result.status, result.engine) == (EXTRACTED, "pypdf")
    assert result.pages[0].strip() == "rescued text"


_FAKE_READER = """
import json, os, signal, sys, time
sys.path.insert(0, {root!r})
behaviour, lines = {behaviour!r}, {lines!r}
if behaviour == "stderr-then-exit":
    sys.stderr.write(lines[0] + "\\n"); sys.stderr.flush(); sys.exit(1)
for request in sys.stdin:
    request = json.loads(request)
    if behaviour == "signal":
        os.kill(os.getpid(), getattr(signal, lines[0]))
    if behaviour == "crash-unless-forced":
        if not request["engine"]:
            os.kill(os.getpid(), signal.SIGSEGV)
        from library.extraction.child import run
        result = run(request["kind"], request["path"], sys.stdout, engine=request["engine"])
        print(json.dumps({{"result": result.to_json()}}), flush=True)
        continue
    for line in lines:
        print(json.dumps(line), flush=True)
    if behaviour == "answer-then-hang":
        time.sleep(30)
"""


def _fake_reader(tmp_path: Path, behaviour: str, lines: list | None = None) -> str:
    """A stand-in for the reader's interpreter, started by a fresh pool: it takes requests on
    stdin as the real one does and answers ``lines`` (or crashes, or hangs)."""
    from library.extraction.sandbox import close_pools

    close_pools()  # readers already warm were started by the real interpreter
    _fake_readers_started.append(behaviour)
    root = str(Path(__file__).resolve().parents[2])
    path = tmp_path / "fake-python"
    script = _FAKE_READER.format(root=root, behaviour=behaviour, lines=lines or [])
    path.write_text(f"#!{sys.executable}\n{script}")
    path.chmod(0o755)
    return str(path)


_fake_readers_started: list[str] = []


@pytest.fixture(autouse=True)
def _no_fake_readers_left():
    """A pool started with a fake interpreter must not serve the next test."""
    yield
    from library.extraction.sandbox import close_pools

    if _fake_readers_started:
        close_pools()
        _fake_readers_started.clear()


@pytest.mark.parametrize(
    ("behaviour", "lines", "status", "error"),
    [
        (
            "signal",
            ["SIGSEGV"],
            DAMAGED,
            "This file could not be read: the reader crashed (SIGSEGV).",
        ),
        (
            "signal",
            ["SIGKILL"],
            DAMAGED,
            "The reader was killed (SIGKILL) while reading this file, most likely because the "
            "server ran out of memory; it will be read again.",
        ),
        (
            "stderr-then-exit",
            ["MemoryError"],
            TOO_LARGE,
            "Reading this file needs more memory than the 1024 MB limit; it was stopped.",
        ),
        (
            "stderr-then-exit",
            ["Traceback...\nSomeError: boom"],
            DAMAGED,
            "This file could not be read: the reader stopped unexpectedly (SomeError: boom).",
        ),
    ],
    ids=["segfault", "killed", "memory-error", "other-error"],
)
def test_child_deaths_are_classified(tmp_path, monkeypatch, behaviour, lines, status, error):
    path = make_pdf(tmp_path / "a.pdf", ["text"])
    monkeypatch.setattr(sys, "executable", _fake_reader(tmp_path, behaviour, lines))
    result = extract_file(path, timeout_seconds=10, engine="pypdf")
    assert (result.status, result.error) == (status, error)
    assert result.retryable == (lines == ["SIGKILL"])


def test_pages_read_before_a_timeout_are_kept(tmp_path, monkeypatch):
    lines = [{"metadata": {"title": "Slow", "page_count": "3"}}, {"page": "one"}, {"page": "two"}]
    monkeypatch.setattr(sys, "executable", _fake_reader(tmp_path, "answer-then-hang", lines))
    result = extract_file(make_pdf(tmp_path / "a.pdf", ["x"]), timeout_seconds=1)
    assert result.status == TIMEOUT
    assert result.pages == ["one", "two"]
    assert result.metadata == {"title": "Slow", "page_count": "3"}
    assert result.error == (
        "Reading this file took longer than 1 s; it was stopped. The first 2 pages were read."
    )
    assert result.seconds < 10


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_child_imports_no_django(tmp_path, kind):
    path = (
        make_pdf(tmp_path / "a.pdf", ["text"])
        if kind == "pdf"
        else make_docx(tmp_path / "a.docx", p("text"))
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-X", "importtime", "-m", "library.extraction.child"]
    request = json.dumps({"kind": kind, "path": str(path), "seconds": 20})
    finished = subprocess.run(
        [*command, "serve", "1024"],
        input=request + "\n" + request + "\n",  # two files, one after the other
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in finished.stderr.splitlines()]
    assert "library.extraction.pdf" in imported
    assert not [name for name in imported if name.split(".")[0] in ("django", "wagtail")]
    results = [json.loads(line) for line in finished.stdout.splitlines() if '"result"' in line]
    assert [r["result"]["status"] for r in results] == [EXTRACTED, EXTRACTED]


# Golden files from the shared corpus -------------------------------------------------------------

GOLDEN_CASES = {
    # A plain multi-page PDF.
    "pdflatex-4-pages": "pdf/py-pdf_sample-files/004-pdflatex-4-pages/pdflatex-4-pages.pdf",
    # Twelve pages of French: page numbers must follow the file.
    "fr-olap": "pdf/Unstructured-IO_unstructured/example-docs/language-docs/fr_olap.pdf",
    # Needs a password.
    "pdf-password": "pdf/py-pdf_sample-files/005-libreoffice-writer-password/"
    "libreoffice-writer-password.pdf",
    # Three pages pypdf cannot read (PDFium can); with pypdf alone the sixteen others are kept.
    "pdf-bad-pages": "pdf/apache_tika/tika-parsers/tika-parsers-standard/"
    "tika-parsers-standard-modules/tika-parser-pdf-module/src/test/resources/"
    "test-documents/testPDF_bad_page_303226.pdf",
    # No cross-reference table: pypdf alone gives up; rebuilt, it reads.
    "pdf-no-xref": "pdf/pdfminer_pdfminer.six/samples/simple1.pdf",
    # Not a PDF past its first line.
    "pdf-invalid": "pdf/ocrmypdf_OCRmyPDF/tests/resources/invalid.pdf",
    # A scan.
    "pdf-scanned": "pdf/ocrmypdf_OCRmyPDF/tests/resources/skew.pdf",
    # Tables, endnotes and 21 pages that Word rendered (its app.xml says 21).
    "docx-endnote-table": "docx/apache_tika/tika-parsers/tika-parsers-standard/"
    "tika-parsers-standard-modules/tika-parser-microsoft-module/src/test/resources/"
    "test-documents/testWORD_endnote_table.docx",
    "docx-tables": "docx/mwilliamson_mammoth.js/test/test-data/tables.docx",
    # Headers, footers, a first-page header and two sections over six pages.
    "docx-headers": "docx/python-openxml_python-docx/features/steps/test_files/"
    "sct-first-page-hdrftr.docx",
    # Hard, rendered, continuous and odd-page breaks.
    "docx-page-breaks": "docx/Unstructured-IO_unstructured/example-docs/page-breaks.docx",
    "docx-footnotes": "docx/mwilliamson_mammoth.js/test/test-data/footnotes.docx",
    # Content types python-docx refuses.
    "dotm": "docx/apache_tika/tika-parsers/tika-parsers-standard/tika-parsers-standard-modules/"
    "tika-parser-microsoft-module/src/test/resources/test-documents/testDOTM.dotm",
    "docm": "docx/apache_tika/.skills/file-forensics/demo/quarterly-report.docm",
    # An encrypted package (an OLE file, not a zip).
    "docx-password": "docx/apache_tika/tika-parsers/tika-parsers-standard/"
    "tika-parsers-standard-modules/tika-parser-microsoft-module/src/test/resources/"
    "test-documents/testWORD_protected_passtika.docx",
}


def golden_view(relative: str, result: Extraction) -> dict:
    return {
        "file": relative,
        "status": result.status,
        "engine": result.engine,
        "error": result.error,
        "metadata": result.metadata,
        "page_count": len(result.pages),
        "characters": result.characters,
        # A digest and a few opening words per page: regressions show, third-party text stays out.
        "pages": [
            {
                "characters": len(page),
                "starts": page[:40],
                "sha256": hashlib.sha256(page.encode()).hexdigest()[:16],
            }
            for page in result.pages
        ],
    }


@pytest.fixture(scope="module")
def corpus_results():
    cache: dict[str, Extraction] = {}

    def read(name: str) -> Extraction:
        if name not in cache:
            cache[name] = extract_file(CORPUS / GOLDEN_CASES[name], timeout_seconds=60)
        return cache[name]

    return read


@needs_corpus
@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(name, corpus_results):
    view = golden_view(GOLDEN_CASES[name], corpus_results(name))
    golden = GOLDEN / f"{name}.json"
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(view, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1"
    assert view == json.loads(golden.read_text(encoding="utf-8"))


@needs_corpus
def test_golden_facts_a_reader_relies_on(corpus_results):
    """What the golden files must keep saying, whatever else a new library version changes."""
    olap = corpus_results("fr-olap").pages
    assert len(olap) == 12
    assert [n for n, page in enumerate(olap, 1) if "Travaux existants et perspectives" in page] == [
        11
    ]
    assert [n for n, page in enumerate(olap, 1) if "3 Le langage QSL" in page] == [3]
    assert corpus_results("pdflatex-4-pages").status == EXTRACTED
    assert len(corpus_results("pdflatex-4-pages").pages) == 4
    assert corpus_results("pdf-password").status == ENCRYPTED
    assert corpus_results("pdf-invalid").status == DAMAGED
    assert corpus_results("pdf-scanned").status == NO_TEXT_LAYER
    bad_pages = corpus_results("pdf-bad-pages")
    assert bad_pages.status == EXTRACTED and len(bad_pages.pages) == 19
    # pypdf cannot read pages 2, 12 and 13 of it; PDFium reads all nineteen.
    assert all(page.strip() for page in bad_pages.pages)
    assert bad_pages.engine == "pypdfium2" and bad_pages.error == ""
    assert len(corpus_results("docx-endnote-table").pages) == 21
    headers = corpus_results("docx-headers").pages
    assert len(headers) == 6 and headers[3].startswith("Page 4, First Page of second section.")
    breaks = corpus_results("docx-page-breaks").pages
    assert len(breaks) == 5 and breaks[1].startswith("<<Text on second page.")
    assert corpus_results("dotm").engine == corpus_results("docm").engine == "docx-xml"
    assert corpus_results("docx-password").status == ENCRYPTED


@needs_corpus
def test_aes_pdf_without_user_password():
    """Owner-password AES PDFs need the "cryptography" package; without it, say so plainly."""
    path = CORPUS / "pdf/Unstructured-IO_unstructured/example-docs/pdf/copy-protected.pdf"
    result = extract_file(path)
    try:
        import cryptography  # noqa: F401
    except ImportError:
        assert result.status == ENCRYPTED
        assert result.error.startswith(
            "The PDF is encrypted and this server lacks what it needs to decrypt it"
        )
    else:
        assert result.status == EXTRACTED
        assert result.characters > 5000


def test_statuses_are_the_documented_ones():
    assert STATUSES == (
        "extracted",
        "no_text_layer",
        "encrypted",
        "damaged",
        "too_large",
        "timeout",
    )


# PDFium and pypdf together ------------------------------------------------------------------------


@needs_corpus
def test_pages_pdfium_reads_almost_empty_are_read_again_by_pypdf():
    # A Japanese gazette whose fonts PDFium cannot map to Unicode: 28 characters of symbols.
    result = extract_file(CORPUS / "pdf/pdfminer_pdfminer.six/samples/nonfree/kampo.pdf")
    assert (result.status, result.engine) == (EXTRACTED, "pypdfium2+pypdf")
    assert result.nonspace_characters > 2000


def test_a_timeout_while_reading_again_keeps_the_first_reading(tmp_path, monkeypatch):
    first = {
        "provisional": Extraction(
            EXTRACTED, ["one", ""], {"page_count": "2"}, "pypdfium2"
        ).to_json()
    }
    monkeypatch.setattr(sys, "executable", _fake_reader(tmp_path, "answer-then-hang", [first]))
    result = extract_file(make_pdf(tmp_path / "a.pdf", ["x"]), timeout_seconds=1)
    assert (result.status, result.engine, result.pages) == (EXTRACTED, "pypdfium2", ["one", ""])
    assert result.error == (
        "Pages with little or no text could not be read a second time: reading this file took "
        "longer than 1 s; it was stopped."
    )


# Language ----------------------------------------------------------------------------------------

ENGLISH = (
    "The Government of Rwanda and the partners of the network have agreed that migration is a "
    "matter for all of us, and it should be managed with care by those who work on it."
)
FRENCH = (
    "Le gouvernement du Rwanda et les partenaires du réseau sont d'accord que la migration est "
    "une question pour nous tous et qu'elle doit être gérée avec soin dans la région."
)
KINYARWANDA = (
    "Abantu benshi bava mu gihugu kandi bajya muri Uganda cyangwa mu Burundi kubera ubukene, "
    "ariko nyuma bagaruka mu Rwanda kuko ni iwabo. Ibi ni ibyo abaturage bose bavuga."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [(ENGLISH, "en"), (FRENCH, "fr"), (KINYARWANDA, "rw"), ("Report 2024", ""), ("", "")],
)
def test_language_is_told_by_common_words(text, code):
    from library.extraction.language import detect_language

    assert detect_language(text) == code


def test_mixed_text_without_a_clear_winner_has_no_language():
    from library.extraction.language import detect_language

    assert detect_language(ENGLISH + " " + FRENCH) == ""


def test_language_is_stored_in_the_metadata(tmp_path):
    english = extract_file(make_docx(tmp_path / "en.docx", p(ENGLISH)))
    french = extract_file(make_docx(tmp_path / "fr.docx", p(FRENCH)))
    short = extract_file(make_docx(tmp_path / "short.docx", p("Annex 3")))
    assert english.metadata["language"] == "en"
    assert french.metadata["language"] == "fr"
    assert "language" not in short.metadata


def test_a_timeout_while_recognising_scanned_pages_keeps_the_text_layer(tmp_path, monkeypatch):
    layer = Extraction(NO_TEXT_LAYER, [""], {"page_count": "1"}, "pypdfium2", "No text layer.")
    lines = [{"provisional": layer.to_json(), "stage": "ocr"}]
    monkeypatch.setattr(sys, "executable", _fake_reader(tmp_path, "answer-then-hang", lines))
    ocr = {"languages": "eng", "max_pages": 5, "seconds": 1}
    result = extract_file(make_pdf(tmp_path / "a.pdf", ["x"]), timeout_seconds=1, ocr=ocr)
    assert (result.status, result.pages) == (NO_TEXT_LAYER, [""])
    assert result.error == (
        "No text layer. The text of scanned pages could not be recognised: reading this file "
        "took longer than 2 s; it was stopped."
    )
