"""Workbooks, CSV files and slide decks: sniffed by content, read in the sandbox, bad input.

Independent of Django. The bad files are made here: a workbook of 1,000,000 rows written as
hand-made XML (seconds, not minutes), a zip bomb named .xlsx, a macro-enabled workbook, one with
a link to another file, a DDE formula, a CSV with one 50 MB line.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from library.extraction import (
    CSV,
    DAMAGED,
    ENCRYPTED,
    EXTRACTED,
    NO_TEXT_LAYER,
    PPTX,
    TOO_LARGE,
    XLSX,
    UnacceptableFile,
    check_upload,
    extract_file,
)
from library.extraction.office import MAX_ROWS, extract_office
from library.extraction.office_cells import neutralise, row_of_line, row_ranges
from library.extraction.sniff import MAX_CSV_LINE_BYTES, sniff_csv

MB = 1024 * 1024


# Building inputs ---------------------------------------------------------------------------------


def make_workbook(path: Path, sheets: dict[str, list[list]], *, macro: bool = False) -> Path:
    """A workbook written by openpyxl, one list of rows per sheet (in order)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    if macro:  # what Excel adds to a .xlsm: the VBA project as a binary part
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0Attribute VB_Name = Evil")
    return path


def make_deck(path: Path, slides: list[tuple[str, str, str]]) -> Path:
    """A presentation of (title, body, notes) slides."""
    import pptx

    deck = pptx.Presentation()
    layout = deck.slide_layouts[1]  # title and content
    for title, body, notes in slides:
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    deck.save(path)
    return path


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.worksheet+xml"/>'
    b"</Types>"
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def make_big_workbook(path: Path, rows: int) -> Path:
    """A workbook of ``rows`` rows, streamed into the zip as hand-made XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<dimension ref="A1:B%d"/><sheetData>' % rows
            )
            for start in range(1, rows + 1, 50_000):
                sheet.write(_rows_from(start, min(start + 49_999, rows)))
            sheet.write(b"</sheetData></worksheet>")
    return path


def _rows_from(first: int, last: int) -> bytes:
    """Rows of a hand-made sheet: row N holds the number N and the text "r N"."""
    return b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>r %d</t></is></c></row>'
        % (n, n, n, n, n)
        for n in range(first, last + 1)
    )


def make_zip_bomb(path: Path) -> Path:
    """A .xlsx whose one sheet inflates 1000 times over: 300 MB of zeros in a few hundred KB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            zeros = b"\0" * MB
            for _ in range(300):
                sheet.write(zeros)
    return path


@pytest.fixture
def files(tmp_path: Path) -> Path:
    return tmp_path


# Sniffing ----------------------------------------------------------------------------------------


def test_kinds_are_told_by_content_not_name(files: Path) -> None:
    workbook = make_workbook(files / "data.bin", {"Returns 2025": [["District", "Returns"]]})
    deck = make_deck(files / "deck.bin", [("Findings", "Returns rose", "")])
    table = files / "table.bin"
    table.write_text("district;returns\nKigali;12\nMusanze;4\n", encoding="utf-8")
    with open(workbook, "rb") as a, open(deck, "rb") as b, open(table, "rb") as c:
        assert (check_upload(a, MB), check_upload(b, MB), check_upload(c, MB)) == (
            XLSX,
            PPTX,
            CSV,
        )


def test_xlsm_passes_as_a_workbook(files: Path) -> None:
    path = make_workbook(files / "m.xlsm", {"S": [["a", "b"]]}, macro=True)
    with open(path, "rb") as handle:
        assert check_upload(handle, MB) == XLSX


@pytest.mark.parametrize(
    ("content", "encoding", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", "utf-8", ","),
        ("a;b;c\n1;2;3\n", "utf-8", ";"),
        ("a\tb\tc\n1\t2\t3\n", "utf-8", "\t"),
        ("\ufeffname,place\nAimée,Kigali\n", "utf-8-sig", ","),
        ("name,place\nAimée,Rubavu\n", "cp1252", ","),
        ("\ufeffname\tplace\nAimée\tHuye\n", "utf-16", "\t"),
    ],
)
def test_csv_encoding_and_delimiter_are_sniffed(
    content: str, encoding: str, delimiter: str
) -> None:
    raw = content.encode("utf-16-le" if encoding == "utf-16" else encoding)
    if encoding == "utf-16":
        raw = b"\xff\xfe" + content[1:].encode("utf-16-le")
    dialect = sniff_csv(io.BytesIO(raw))
    assert (dialect.encoding, dialect.delimiter) == (encoding, delimiter)


@pytest.mark.parametrize(
    "content",
    [b"just text, not a table\n" * 3 + b"no commas here\n", b"\x00\x01\x02binary" * 100, b"one\n"],
)
def test_text_that_is_no_table_is_refused(content: bytes) -> None:
    with pytest.raises(UnacceptableFile) as refusal:
        check_upload(io.BytesIO(content), MB)
    assert refusal.value.code == "not_supported"


def test_a_csv_with_one_50_mb_line_is_refused_with_its_reason(files: Path) -> None:
    path = files / "long.csv"
    with open(path, "wb") as handle:
        handle.write(b"a,b\n1,")
        handle.write(b"x" * (50 * MB))
        handle.write(b"\n2,3\n")
    with open(path, "rb") as handle, pytest.raises(UnacceptableFile) as refusal:
        check_upload(handle, 100 * MB)
    assert refusal.value.code == "line_too_long"
    assert "line longer than 1 MB" in str(refusal.value)
    result = extract_file(path, timeout_seconds=30)
    assert (result.status, result.pages) == (TOO_LARGE, [])
    assert "line longer than 1 MB" in result.error


def test_a_long_line_just_under_the_limit_passes() -> None:
    content = b"a,b\nc,d\n1," + b"x" * (MAX_CSV_LINE_BYTES - 10) + b"\n2,3\n"
    assert check_upload(io.BytesIO(content), 10 * MB) == CSV


def test_zip_bomb_named_xlsx_is_refused_before_it_is_inflated(files: Path) -> None:
    path = make_zip_bomb(files / "bomb.xlsx")
    assert path.stat().st_size < 2 * MB
    with open(path, "rb") as handle, pytest.raises(UnacceptableFile) as refusal:
        check_upload(handle, 50 * MB)
    assert refusal.value.code == "zip_bomb"
    assert str(refusal.value).startswith("This workbook ")
    result = extract_file(path, timeout_seconds=30)
    assert result.status == TOO_LARGE and "zip bomb" in result.error


def test_old_binary_excel_and_powerpoint_are_named() -> None:
    from tests.library.test_extraction import _compound_file as make_compound_file

    for stream, words in (("Workbook", "Excel 97-2003"), ("PowerPoint Document", "PowerPoint")):
        with pytest.raises(UnacceptableFile) as refusal:
            check_upload(io.BytesIO(make_compound_file(stream)), 10 * MB)
        assert words in str(refusal.value)


# Reading -----------------------------------------------------------------------------------------


def test_a_workbook_reads_one_page_per_sheet_with_row_numbers(files: Path) -> None:
    path = make_workbook(
        files / "returns.xlsx",
        {
            "Returns 2025": [["District", "Returns"], ["Kigali", 12], [], ["Rubavu", 3.5]],
            "Notes": [["Source: DGIE"]],
        },
    )
    result = extract_file(path, timeout_seconds=30)
    assert result.status == EXTRACTED, result.error
    assert result.engine == "openpyxl"
    assert result.pages == [
        "Returns 2025\nDistrict | Returns\nKigali | 12\nRubavu | 3.5",
        "Notes\nSource: DGIE",
    ]
    assert result.places[0] == {"sheet": "Returns 2025", "rows": "0-2,4"}
    assert row_of_line(result.places[0]["rows"], 3) == 4  # "Rubavu" is on row 4
    sheet = result.preview["sheets"][0]
    assert sheet["header"] == ["District", "Returns"]
    assert sheet["first_rows"] == [["Kigali", "12"], ["Rubavu", "3.5"]]
    assert (sheet["rows"], sheet["columns"]) == (3, 2)
    assert result.preview["sheet_count"] == 2


def test_formulas_are_read_as_saved_values_never_evaluated(files: Path) -> None:
    """A formula with a saved value reads as the value; one without (as openpyxl writes it)
    reads as nothing: the reader never computes, and never shows the formula."""
    path = make_workbook(files / "f.xlsx", {"S": [["n", "double"], [2, "=A2*2"]]})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b"<f>A2*2</f>" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<f>A2*2</f><v></v>", b"<f>A2*2</f><v>4</v>")
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"<f>A2*2</f><v />", b"<f>A2*2</f><v>4</v>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = extract_file(path, timeout_seconds=30)
    assert "A2*2" not in result.pages[0]
    assert result.pages[0].endswith("2 | 4")


def test_a_dde_formula_is_never_run_and_never_shown(files: Path) -> None:
    path = make_workbook(
        files / "dde.xlsx",
        {"S": [["name", "cmd"], ["x", "=cmd|' /C calc'!A0"], ['\'=HYPERLINK("evil")', "ok"]]},
    )
    result = extract_file(path, timeout_seconds=30)
    assert result.status == EXTRACTED
    assert "calc" not in result.pages[0]
    # The text cell that looks like a formula stays, neutralised.
    assert "'=HYPERLINK" in result.pages[0] or "''=HYPERLINK" in result.pages[0]


def test_an_external_link_and_a_dde_link_are_noted_not_followed(files: Path) -> None:
    path = make_workbook(files / "linked.xlsx", {"S": [["total"], [42]]})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "xl/externalLinks/externalLink1.xml",
            b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<ddeLink ddeService="cmd" ddeTopic="/C calc"/></externalLink>',
        )
    result = extract_file(path, timeout_seconds=30)
    assert result.status == EXTRACTED
    assert "42" in result.pages[0]
    assert "DDE links" in result.error and "not run" in result.error


@pytest.mark.parametrize("part", ["xl/vbaProject.bin", "xl/macrosheets/sheet1.xml"])
def test_a_macro_enabled_workbook_is_read_and_its_macros_are_not_run(
    files: Path, part: str
) -> None:
    """VBA (vbaProject.bin) or Excel 4 macros (a macro sheet): noted, never run or read."""
    path = make_workbook(files / "m.xlsm", {"S": [["district"], ["Nyagatare"]]})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(part, b"Attribute VB_Name = Evil")
    result = extract_file(path, timeout_seconds=30)
    assert result.status == EXTRACTED
    assert "Nyagatare" in result.pages[0]
    assert "macros" in result.error and "not run" in result.error
    assert "VB_Name" not in result.pages[0]


def test_a_million_row_workbook_is_read_up_to_the_row_limit(files: Path) -> None:
    path = make_big_workbook(files / "big.xlsx", 1_000_000)
    with open(path, "rb") as handle:
        assert check_upload(handle, 50 * MB) == XLSX
    result = extract_file(path, timeout_seconds=120)
    assert result.status == EXTRACTED, result.error
    assert f"Read the first {MAX_ROWS:,} rows" in result.error
    assert result.preview["sheets"][0]["rows"] == MAX_ROWS
    last = result.pages[0].splitlines()[-1]
    assert last == f"{MAX_ROWS} | r {MAX_ROWS}"
    assert result.places[0]["rows"] == f"0-{MAX_ROWS}"


def test_a_csv_reads_as_one_page_with_row_numbers(files: Path) -> None:
    path = files / "returns.tsv"
    path.write_text(
        "district\treturns\n\nGasabo\t7\n=cmd|' /C calc'!A0\t-3\n\"Huye\nsouth\"\t1\n",
        encoding="utf-8",
    )
    result = extract_file(path, timeout_seconds=30)
    assert result.status == EXTRACTED, result.error
    lines = result.pages[0].splitlines()
    assert lines[:3] == ["district | returns", "Gasabo | 7", "'=cmd|' /C calc'!A0 | -3"]
    # The quoted field across two lines is one row: the row number is the line it ends on.
    rows = result.places[0]["rows"]
    assert [row_of_line(rows, n) for n in range(3)] == [1, 3, 4]
    assert result.metadata["delimiter"] == "\t"


def test_a_presentation_reads_one_page_per_slide_with_notes(files: Path) -> None:
    path = make_deck(
        files / "deck.pptx",
        [("Returns in 2025", "Kigali 12\nRubavu 3", "Say the numbers"), ("Next steps", "", "")],
    )
    result = extract_file(path, timeout_seconds=30)
    assert result.status == EXTRACTED, result.error
    assert result.pages[0] == "Returns in 2025\nKigali 12\nRubavu 3\nSay the numbers"
    assert result.places == [
        {"slide": 1, "title": "Returns in 2025"},
        {"slide": 2, "title": "Next steps"},
    ]
    assert result.preview == {
        "kind": "slides",
        "slide_count": 2,
        "slides": [{"number": 1, "title": "Returns in 2025"}, {"number": 2, "title": "Next steps"}],
    }


def test_an_empty_workbook_says_there_is_nothing_to_search(files: Path) -> None:
    path = make_workbook(files / "empty.xlsx", {"Blank": []})
    result = extract_office(XLSX, path)
    assert result.status == NO_TEXT_LAYER and "no cell text" in result.error


def test_a_damaged_workbook_says_why_without_the_servers_path(files: Path) -> None:
    path = make_workbook(files / "d.xlsx", {"S": [["a"]]})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/workbook.xml"] = b"<workbook"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = extract_file(path, timeout_seconds=30)
    assert result.status == DAMAGED
    assert result.error.startswith("The workbook is damaged")
    assert str(files) not in result.error


def test_an_encrypted_workbook_is_encrypted() -> None:
    from tests.library.test_extraction import _compound_file as make_compound_file

    with pytest.raises(UnacceptableFile) as refusal:
        check_upload(io.BytesIO(make_compound_file("EncryptedPackage")), 10 * MB)
    assert refusal.value.status == ENCRYPTED


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+250 788", "'+250 788"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-3.5", "-3.5"),
        ("Kigali", "Kigali"),
    ],
)
def test_text_that_looks_like_a_formula_is_neutralised(text: str, safe: str) -> None:
    assert neutralise(text) == safe


def test_row_ranges_round_trip() -> None:
    rows = [0, 1, 2, 3, 7, 9, 10]
    ranges = row_ranges(rows)
    assert ranges == "0-3,7,9-10"
    assert [row_of_line(ranges, n) for n in range(len(rows))] == rows
    assert row_of_line(ranges, len(rows)) is None


def test_a_plain_csv_read_whole_reads_as_row_by_row(files: Path, monkeypatch) -> None:
    """The fast reading of a plain file (no quotes, empty cells or formula-like cells) gives
    what the cell-by-cell reading gives; a file with any of those is read cell by cell."""
    from library.extraction import office

    path = files / "plain.csv"
    rows = ["district;year;returns"] + [f"District {n};{2000 + n % 25};{n * 3}" for n in range(500)]
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    fast = extract_office(CSV, path)
    assert fast.status == EXTRACTED
    monkeypatch.setattr(office, "_plain_table", lambda *args: None)
    slow = extract_office(CSV, path)
    assert (fast.pages, fast.places, fast.preview) == (slow.pages, slow.places, slow.preview)
    assert fast.places == [{"sheet": "", "rows": "1-501"}]
    assert fast.preview["sheets"][0]["columns"] == 3
    monkeypatch.undo()
    expected = {
        "District 9;=1+2;3": "District 9 | '=1+2 | 3",
        "District 9;;3": "District 9 | 3",
        '"District 9";2009;3': "District 9 | 2009 | 3",
        "-1;2009;3": "-1 | 2009 | 3",
        "-x;2009;3": "'-x | 2009 | 3",
    }
    for doubtful, line in expected.items():
        path.write_text("\n".join([*rows[:5], doubtful, *rows[5:10]]) + "\n", encoding="utf-8")
        result = extract_office(CSV, path)
        assert result.places == [{"sheet": "", "rows": "1-11"}], doubtful
        assert result.pages[0].splitlines()[5] == line, doubtful


def test_the_row_limit_comes_from_the_readers_environment(files: Path, monkeypatch) -> None:
    path = files / "many.csv"
    path.write_text("\n".join(f"District {n},{n}" for n in range(500)) + "\n", encoding="utf-8")
    monkeypatch.setenv("HUB_EXTRACTION_MAX_ROWS", "100")
    result = extract_office(CSV, path)
    assert result.status == EXTRACTED
    assert len(result.pages[0].splitlines()) == 100
    assert "Read the first 100 rows" in result.error


def test_bad_files_cost_only_their_own_reading(files: Path) -> None:
    """One warm reader meets a zip bomb, a million rows, a damaged workbook and a 50 MB line,
    then reads an ordinary workbook as if nothing had happened."""
    from library.extraction.sandbox import ReaderPool

    bomb = make_zip_bomb(files / "bomb.xlsx")
    big = make_big_workbook(files / "big.xlsx", 1_000_000)
    broken = files / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    long_line = files / "long.csv"
    long_line.write_bytes(b"a,b\nc,d\n1," + b"x" * (50 * MB) + b"\n")
    good = make_workbook(files / "good.xlsx", {"S": [["district"], ["Karongi"]]})
    pool = ReaderPool(1, 1024)
    try:
        statuses = [extract_file(path, pool=pool).status for path in (bomb, big, broken, long_line)]
        assert statuses == [TOO_LARGE, EXTRACTED, DAMAGED, TOO_LARGE]
        result = extract_file(good, pool=pool)
    finally:
        pool.close()
    assert result.status == EXTRACTED and "Karongi" in result.pages[0]
    assert pool.started == 1  # the same reader throughout
