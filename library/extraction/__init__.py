"""Reading the text of PDF, Word, Excel, CSV and PowerPoint files, page by page, safely.

Pure Python and free of Django: every limit is an argument. ``check_upload`` judges a file by
its content before it is stored; ``extract_file`` reads it in a sandboxed child process.
"""

from .result import (
    DAMAGED,
    ENCRYPTED,
    EXTRACTED,
    NO_TEXT_LAYER,
    STATUSES,
    TIMEOUT,
    TOO_LARGE,
    Extraction,
)
from .sandbox import extract_file
from .sniff import CSV, DOCX, KINDS, PDF, PPTX, XLSX, UnacceptableFile, check_upload

__all__ = [
    "CSV",
    "DAMAGED",
    "DOCX",
    "ENCRYPTED",
    "EXTRACTED",
    "KINDS",
    "NO_TEXT_LAYER",
    "PDF",
    "PPTX",
    "STATUSES",
    "TIMEOUT",
    "TOO_LARGE",
    "Extraction",
    "UnacceptableFile",
    "XLSX",
    "check_upload",
    "extract_file",
]
