"""Telling a PDF, Word file, workbook, CSV file or slide deck by its content, and refusing
anything else before it is read.

Only the first bytes and, for a zip, its table of contents are looked at; nothing is unpacked
but the few bytes of ``_rels/.rels``. A zip's table of contents declares each member's unpacked
size, and Python's zipfile never inflates a member beyond its declared size, so checking those
sizes here is enough to refuse a zip bomb before any reader inflates it.
"""

from __future__ import annotations

import csv
import os
import posixpath
import re
import struct
import zipfile
from collections import Counter
from dataclasses import dataclass
from typing import IO

from .result import DAMAGED, ENCRYPTED, TOO_LARGE

MB = 1024 * 1024

#: The most a Word file may unpack to, all its members together.
MAX_UNPACKED_BYTES = 200 * MB
#: The most a large member may expand. Real Word parts stay far below (text XML about 10x, a
#: metafile picture in the corpus 130x at 1.4 MB); zeros deflate about 1000x.
MAX_RATIO = 100
#: Members smaller than this are not held to MAX_RATIO: they cannot do harm whatever their ratio.
RATIO_MIN_MEMBER_BYTES = 10 * MB
#: A Word file has tens of members, rarely hundreds.
MAX_MEMBERS = 10_000
#: The zip's own table of contents is read into memory before anything else can be checked.
MAX_DIRECTORY_BYTES = 4 * MB

PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"  # .xlsx and .xlsm (a workbook with macros, which are never run)
PPTX = "pptx"
CSV = "csv"  # .csv and .tsv: the delimiter and encoding are found from the content
KINDS = (PDF, DOCX, XLSX, PPTX, CSV)
#: The folder of the main part in each kind of Office file, and what an uploader calls it.
_MAIN_FOLDERS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
_NOUNS = {DOCX: "Word file", XLSX: "workbook", PPTX: "presentation"}

#: The longest line a CSV file may have: one longer is no table, and would be read whole.
MAX_CSV_LINE_BYTES = 1 * MB
#: How much of a text file is looked at to find its encoding and delimiter.
CSV_SAMPLE_BYTES = 64 * 1024
_CSV_DELIMITERS = ",;\t|"

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: .doc, or encrypted OOXML
_COMPOUND_NAMES = ("EncryptedPackage", "WordDocument", "Workbook", "Book", "PowerPoint Document")
_OFFICE_DOCUMENT = "/officeDocument"  # the end of the main part's relationship type


class UnacceptableFile(ValueError):
    """A file the hub will not take; ``str()`` of it is an English sentence for the uploader.

    ``code`` says why ("not_supported", "empty", "too_large", "zip_bomb", "damaged",
    "encrypted", "line_too_long") and ``params`` holds the values put into the sentence, so a caller can show a
    translated sentence of its own instead.
    """

    def __init__(self, message: str, code: str = "not_supported", **params: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return self.message

    @property
    def status(self) -> str:
        """The extraction status a refused file gets when the readers are asked to read it."""
        return {"encrypted": ENCRYPTED, "zip_bomb": TOO_LARGE, "line_too_long": TOO_LARGE}.get(
            self.code, DAMAGED
        )


def format_size(size: int) -> str:
    """50 MB, 1.5 GB, 300 KB: a size as an uploader reads it (binary units, like Django's)."""
    for unit, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            return (
                f"{value:.0f} {unit}"
                if value == int(value) or value >= 100
                else f"{value:.1f} {unit}"
            )
    return f"{size} bytes"


NOT_SUPPORTED = (
    "This file is not a PDF, Word (.docx), Excel (.xlsx), CSV or PowerPoint (.pptx) file."
)


def _not_supported() -> UnacceptableFile:
    return UnacceptableFile(NOT_SUPPORTED, "not_supported")


def _bomb(limit: str, noun: str = "Word file") -> UnacceptableFile:
    return UnacceptableFile(
        f"This {noun} expands to more than {limit} when unpacked; "
        "it looks like a zip bomb and was refused.",
        "zip_bomb",
        limit=limit,
    )


def check_upload(
    fileobj: IO[bytes],
    max_bytes: int,
    *,
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES,
) -> str:
    """Return the kind of an acceptable file ("pdf", "docx", "xlsx", "pptx" or "csv"), else
    raise UnacceptableFile.

    The whole file is judged from its start whatever the current position, and the position is
    restored afterwards. .docm, .dotx and .dotm files have a .docx's structure and pass as "docx";
    .xlsm as "xlsx"; a .tsv as "csv".
    """
    start = fileobj.tell()
    try:
        fileobj.seek(0, os.SEEK_END)
        size = fileobj.tell()
        if size > max_bytes:
            limit = format_size(max_bytes)
            raise UnacceptableFile(
                f"This file is larger than the {limit} limit.", "too_large", limit=limit
            )
        if size == 0:
            raise UnacceptableFile("This file is empty.", "empty")
        fileobj.seek(0)
        head = fileobj.read(1024)
        if head.startswith(b"PK\x03\x04"):
            return _check_office(fileobj, size, max_unpacked_bytes)
        if b"%PDF-" in head:
            return PDF
        if head.startswith(_CFB_MAGIC):
            _refuse_compound_file(fileobj)
            raise _not_supported()
        sniff_csv(fileobj)
        return CSV
    finally:
        fileobj.seek(start)


def _check_office(fileobj: IO[bytes], size: int, max_unpacked_bytes: int) -> str:
    """The kind of an Office file (a zip of XML parts), judged by its main part's folder."""
    damaged = UnacceptableFile(
        "This file looks like a damaged Office (.docx, .xlsx, .pptx) file: it cannot be unpacked.",
        "damaged",
    )
    _check_directory_size(fileobj, size, damaged)
    fileobj.seek(0)
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise damaged from error
    with archive:
        members = archive.infolist()
        noun = _noun(members)
        if len(members) > MAX_MEMBERS:
            raise _bomb(format_size(max_unpacked_bytes), noun)
        total = 0
        for member in members:
            total += member.file_size
            if total > max_unpacked_bytes:
                raise _bomb(format_size(max_unpacked_bytes), noun)
            if member.file_size > RATIO_MIN_MEMBER_BYTES and member.file_size > MAX_RATIO * max(
                member.compress_size, 1
            ):
                raise UnacceptableFile(
                    f"This {noun} holds a part that expands more than {MAX_RATIO} times "
                    "when unpacked; it looks like a zip bomb and was refused.",
                    "zip_bomb",
                    ratio=str(MAX_RATIO),
                )
        names = {member.filename.lower(): member for member in members}
        if "[content_types].xml" not in names:
            raise _not_supported()
        main = main_document_name(archive, names)
        if main is None or main not in names:
            raise _not_supported()
        for folder, kind in _MAIN_FOLDERS.items():
            if main.startswith(folder):
                return kind
        raise _not_supported()


def _noun(members: list[zipfile.ZipInfo]) -> str:
    """What the uploader calls the file, from its parts' folders, before its main part is read."""
    for member in members[:200]:
        name = member.filename.lower()
        for folder, kind in _MAIN_FOLDERS.items():
            if name.startswith(folder):
                return _NOUNS[kind]
    return "Office file"


def main_document_name(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> str | None:
    """The main part's name, lower-cased: word/document.xml unless _rels/.rels says otherwise.

    Office 365 sometimes names it word/document2.xml; xlsx and pptx name theirs outside word/
    (xl/workbook.xml, ppt/presentation.xml).
    """
    rels = names.get("_rels/.rels")
    if rels is not None and rels.file_size <= MB:
        try:
            target = office_document_target(archive.read(rels))
        # lxml's XMLSyntaxError is a SyntaxError: a .rels that is no XML names no main part.
        except (
            zipfile.BadZipFile,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            SyntaxError,
        ):
            target = None
        if target:
            return target.lower()
    return "word/document.xml" if "word/document.xml" in names else None


def office_document_target(rels_xml: bytes) -> str | None:
    """The zip member named by the package's officeDocument relationship, if any."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(rels_xml, parser)
    for rel in root:
        if not isinstance(rel.tag, str):
            continue
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            return posixpath.normpath(target.lstrip("/")) if target else None
    return None


def _check_directory_size(fileobj: IO[bytes], size: int, damaged: UnacceptableFile) -> None:
    """Refuse a zip whose table of contents alone would take too much memory to load."""
    tail_size = min(size, 22 + 65535)
    fileobj.seek(size - tail_size)
    tail = fileobj.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise damaged
    _sig, _disk, _cd_disk, _n_here, n_total, cd_size, _cd_offset, _comment = struct.unpack(
        "<4s4H2LH", tail[at : at + 22]
    )
    # 0xFFFF and 0xFFFFFFFF mean "see the zip64 record"; zipfile reads that one itself.
    if (n_total != 0xFFFF and n_total > MAX_MEMBERS) or (
        cd_size != 0xFFFFFFFF and cd_size > MAX_DIRECTORY_BYTES
    ):
        raise UnacceptableFile(
            "This Office file lists too many parts; it looks like a zip bomb and was refused.",
            "zip_bomb",
        )


def _refuse_compound_file(fileobj: IO[bytes]) -> None:
    """An OLE compound file: a password-protected Office file, or an old binary .doc."""
    names = _compound_file_names(fileobj)
    if "encryptedpackage" in names:
        raise UnacceptableFile(
            "This file is protected with a password. Remove the password and upload it again.",
            "encrypted",
        )
    if "worddocument" in names:
        raise UnacceptableFile(
            "This is an old Word 97-2003 (.doc) file. Save it as .docx and upload it again.",
            "not_supported",
        )
    if "workbook" in names or "book" in names:
        raise UnacceptableFile(
            "This is an old Excel 97-2003 (.xls) file. Save it as .xlsx and upload it again.",
            "not_supported",
        )
    if "powerpoint document" in names:
        raise UnacceptableFile(
            "This is an old PowerPoint 97-2003 (.ppt) file. Save it as .pptx and upload it again.",
            "not_supported",
        )


def _compound_file_names(fileobj: IO[bytes]) -> set[str]:
    """Which telling stream names the compound file's directory holds (lower-cased).

    Directory entries are 128 bytes long and start on 128-byte boundaries of the file; one
    starts with its UTF-16 name and has the name's byte length at offset 64. Looking for such
    entries avoids following the file's sector chains and cannot be fooled by the same words
    in a document's text, which would have to match both the boundary and the length.
    """
    # Names compare without regard to case in a compound file (some writers use capitals).
    wanted = {name: (name.lower() + "\0").encode("utf-16-le") for name in _COMPOUND_NAMES}
    found = set()
    chunk_size = 1 << 20  # a multiple of 128, so offsets in a chunk keep their alignment
    fileobj.seek(0)
    offset = 0
    while len(found) < len(wanted):
        chunk = fileobj.read(chunk_size)
        if not chunk:
            break
        lowered = chunk.lower()  # ASCII letters only: the UTF-16 zero bytes stay as they are
        for name, encoded in wanted.items():
            at = lowered.find(encoded)
            while at >= 0:
                if (offset + at) % 128 == 0 and at + 66 <= len(chunk):
                    (length,) = struct.unpack_from("<H", chunk, at + 64)
                    if length == len(encoded):
                        found.add(name.lower())
                        break
                at = lowered.find(encoded, at + 1)
        offset += len(chunk)
    return found


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: found from its first bytes by sniff_csv()."""

    encoding: str
    delimiter: str
    quotechar: str = '"'
    max_line: int = MAX_CSV_LINE_BYTES


def _decode_sample(sample: bytes) -> tuple[str, str] | None:
    """(encoding, text) of a text file's first bytes, or None when they are not text."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in sample:
        return None  # binary, or UTF-16 without a byte order mark: no spreadsheet writes that
    elif sample.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    for candidate in (encoding, "cp1252") if encoding == "utf-8" else (encoding,):
        try:
            # The sample may end inside a character: drop a few bytes rather than refuse.
            text = (
                sample.decode(candidate)
                if len(sample) < CSV_SAMPLE_BYTES
                else _decode_cut(sample, candidate)
            )
        except UnicodeDecodeError:
            continue
        if _CONTROL_BYTES.search(text):
            return None
        return candidate, text
    return None


def _decode_cut(sample: bytes, encoding: str) -> str:
    for cut in range(4):
        try:
            return sample[: len(sample) - cut].decode(encoding)
        except UnicodeDecodeError as error:
            last = error
    raise last


_CONTROL_BYTES = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def sniff_csv(fileobj: IO[bytes]) -> CsvDialect:
    """The encoding and delimiter of a CSV (or TSV) file, else raise UnacceptableFile.

    A file is taken for a table when its start is text, a delimiter splits its first lines
    into the same number of columns (two or more), and no line is longer than
    MAX_CSV_LINE_BYTES (checked over the whole file, a megabyte at a time: a 50 MB line is no
    table, and reading it would hold it whole in memory).
    """
    fileobj.seek(0)
    sample = fileobj.read(CSV_SAMPLE_BYTES)
    decoded = _decode_sample(sample)
    if decoded is None:
        raise _not_supported()
    encoding, text = decoded
    _check_line_lengths(fileobj, encoding)
    lines = text.splitlines()
    if len(sample) == CSV_SAMPLE_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line of the sample may be cut short
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=_CSV_DELIMITERS)
        delimiter, quotechar = dialect.delimiter, dialect.quotechar or '"'
    except csv.Error:
        delimiter, quotechar = _count_delimiter(lines[:50]), '"'
    if not delimiter:
        raise _not_supported()
    if not _looks_like_a_table(lines[:50], delimiter, quotechar):
        raise _not_supported()
    return CsvDialect(encoding, delimiter, quotechar)


def _looks_like_a_table(lines: list[str], delimiter: str, quotechar: str) -> bool:
    """Two different rows or more, most of them of the same two or more columns: not a text
    whose lines happen to hold one comma each, repeated."""
    rows = [row for row in csv.reader(lines, delimiter=delimiter, quotechar=quotechar) if row]
    if len({tuple(row) for row in rows}) < 2:
        return False
    widths = Counter(len(row) for row in rows)
    width, count = widths.most_common(1)[0]
    return width >= 2 and count >= 0.8 * len(rows)


def _count_delimiter(lines: list[str]) -> str:
    """The delimiter found the same number of times (at least once) on every non-empty line."""
    lines = [line for line in lines if line.strip()]
    for delimiter in _CSV_DELIMITERS:
        counts = {line.count(delimiter) for line in lines}
        if lines and len(counts) == 1 and counts != {0}:
            return delimiter
    return ""


def _check_line_lengths(fileobj: IO[bytes], encoding: str) -> None:
    """Refuse a file with a line longer than MAX_CSV_LINE_BYTES.

    The file is read in pieces of that very size: a line that lies within one piece is short
    enough, so only the stretches without a line break that run across pieces are counted.
    """
    newline = b"\n\x00" if encoding == "utf-16" else b"\n"  # UTF-16 as spreadsheets write it
    fileobj.seek(0)
    run = 0  # bytes since the last line break
    while run <= MAX_CSV_LINE_BYTES:
        chunk = fileobj.read(MAX_CSV_LINE_BYTES)
        if not chunk:
            break
        first = chunk.find(newline)
        if first < 0:
            run += len(chunk)
        else:
            run = max(run + first, 0)
            if run > MAX_CSV_LINE_BYTES:
                break
            run = len(chunk) - chunk.rfind(newline) - len(newline)
    if run > MAX_CSV_LINE_BYTES:
        limit = format_size(MAX_CSV_LINE_BYTES)
        raise UnacceptableFile(
            f"This CSV file has a line longer than {limit}; it is not read as a table.",
            "line_too_long",
            limit=limit,
        )
