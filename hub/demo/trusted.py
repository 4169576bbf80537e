"""Reading the demo's own files: they are ours, so they are read in-process (no sandbox) and
seeding stays well under a minute."""

from __future__ import annotations

import tempfile

from library.extraction.docx import extract_docx
from library.extraction.pdf import extract_pdf
from library.models import HubDocument
from library.reading import store_extraction


def read_trusted(document: HubDocument, kind: str) -> None:
    """Extract and store the text of a demo `document` of `kind` ("pdf" or "docx")."""
    with document.open_file() as source, tempfile.NamedTemporaryFile(suffix=f".{kind}") as copy:
        copy.write(source.read())
        copy.flush()
        extraction = (extract_pdf if kind == "pdf" else extract_docx)(copy.name)
    store_extraction(document, extraction, document.file_hash)
