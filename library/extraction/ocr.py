"""Recognising the text of scanned pages with Tesseract, inside the reader's sandbox.

A page with no text layer (nothing but pictures) is rendered by PDFium and handed to the
``tesseract`` program (Debian's tesseract-ocr, with the -eng and -fra data) over a pipe: no
temporary file. Recognition is slow (seconds a page), so each file has a budget of pages and
seconds; pages past it keep no text and the result says which were recognised.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time

from .result import EXTRACTED, NO_TEXT_LAYER, Extraction, add_note, clean_text

ENGINE = "tesseract"
#: Tesseract's names for the hub's languages; Kinyarwanda has no model and is read as English.
TESSERACT_LANGUAGES = {"en": "eng", "fr": "fra", "rw": "eng"}
DEFAULT_LANGUAGES = "eng+fra"
_SPACE = re.compile(r"\s+")


def tesseract_languages(codes: list[str]) -> str:
    """ "eng+fra" for ["en", "fr"]: the document's declared languages, in Tesseract's names."""
    names: list[str] = []
    for code in codes:
        name = TESSERACT_LANGUAGES.get(code.split("-")[0].lower())
        if name and name not in names:
            names.append(name)
    return "+".join(names) or DEFAULT_LANGUAGES


def available() -> bool:
    return shutil.which("tesseract") is not None


def _is_scanned(page: object) -> bool:
    """A page that draws no text but draws at least one picture."""
    import pypdfium2.raw as pdfium_c

    has_image = False
    for item in page.get_objects(max_depth=2):  # type: ignore[attr-defined]
        if item.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            return False
        if item.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            has_image = True
    return has_image


def recognise_image(png: bytes, languages: str, seconds: float) -> str:
    """The text Tesseract reads in one PNG image."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one thread: the pool is the parallelism
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", languages, "--psm", "3"],
        input=png,
        capture_output=True,
        timeout=max(1.0, seconds),
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[-200:])
    return clean_text(done.stdout.decode("utf-8", "replace")).strip()


def recognise_scanned_pages(
    path: str,
    result: Extraction,
    *,
    languages: str,
    max_pages: int,
    seconds: float,
    dpi: int = 300,
) -> Extraction:
    """The result with the text of its scanned pages recognised, within the budget.

    Only a file read as having no text on some pages is touched; pages with a text layer keep
    theirs. The note says on how many pages text was recognised, and which were left out.
    """
    if result.status not in (EXTRACTED, NO_TEXT_LAYER) or max_pages <= 0 or seconds <= 0:
        return result
    empty = [i for i, text in enumerate(result.pages) if not _SPACE.sub("", text)]
    if not empty:
        return result
    if not available():
        return add_note(result, "Scanned pages were not recognised: Tesseract is not installed.")
    import pypdfium2 as pdfium

    deadline = time.monotonic() + seconds
    recognised: list[int] = []
    left_out = 0
    failure = ""
    document = pdfium.PdfDocument(path)
    try:
        for index in empty:
            page = document[index]
            try:
                if not _is_scanned(page):
                    continue
                left = deadline - time.monotonic()
                if len(recognised) >= max_pages or left <= 0:
                    left_out += 1
                    continue
                image = page.render(scale=dpi / 72, grayscale=True).to_pil()
                buffer = io.BytesIO()
                image.save(buffer, format="PNG")
                del image
                try:
                    text = recognise_image(buffer.getvalue(), languages, left)
                except subprocess.TimeoutExpired:
                    left_out += 1
                    continue
                except (RuntimeError, OSError) as error:
                    failure = failure or str(error)
                    continue
            finally:
                page.close()
            if text:
                result.pages[index] = text
                recognised.append(index + 1)
    finally:
        document.close()
    if recognised:
        result.status = EXTRACTED
        result.engine = f"{result.engine}+{ENGINE}" if result.engine else ENGINE
        if result.error.startswith("This PDF has no text layer"):
            result.error = ""
        count = len(recognised)
        add_note(result, f"Text recognised (OCR) on {count} page{'s' if count != 1 else ''}.")
    if left_out:
        add_note(
            result,
            f"{left_out} scanned page{'s were' if left_out != 1 else ' was'} not recognised: "
            f"recognition stops after {max_pages} pages or {seconds:g} s per file.",
        )
    elif failure and not recognised:
        add_note(result, f"Text recognition failed ({failure[:160]}).")
    return result
