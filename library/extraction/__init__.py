"""Reading the text of PDF and Word files, page by page, safely.

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
from .sniff import DOCX, PDF, UnacceptableFile, check_upload

__all__ = [
    "DAMAGED",
    "DOCX",
    "ENCRYPTED",
    "EXTRACTED",
    "NO_TEXT_LAYER",
    "PDF",
    "STATUSES",
    "TIMEOUT",
    "TOO_LARGE",
    "Extraction",
    "UnacceptableFile",
    "check_upload",
    "extract_file",
]
