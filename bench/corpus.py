"""The shared corpus of real PDF and Word files (../shared/corpus), as its manifest lists them."""

from __future__ import annotations

from pathlib import Path


def corpus_files(corpus: Path) -> list[tuple[str, str]]:
    """Each file's kind ("pdf" or "docx") and path relative to `corpus`, in manifest order."""
    lines = (corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    files = []
    for line in lines[1:]:
        if line.strip():
            relative = line.split("\t")[0]
            files.append(("pdf" if relative.lower().endswith(".pdf") else "docx", relative))
    return files
