"""Reading a slide deck (.pptx): one page per slide (its title, its text, then its speaker
notes), read from each slide's XML in one pass, and a preview listing the slides."""

from __future__ import annotations

import datetime
import time
from typing import Any

from .office_problems import raise_if_memory, reason
from .office_tables import CELL_SEPARATOR
from .result import DAMAGED, EXTRACTED, NO_TEXT_LAYER, Extraction, clean_text

ENGINE_PPTX = "python-pptx"

#: Slides named in a preview.
PREVIEW_SLIDES = 500

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_TITLE_TYPES = ("title", "ctrTitle")


def _paragraphs(element: Any) -> str:
    """The text of the DrawingML paragraphs under ``element``, one line each."""
    lines = []
    for paragraph in element.iter(f"{_A}p"):
        pieces = [
            "\n" if node.tag == f"{_A}br" else (node.text or "")
            for node in paragraph.iter(f"{_A}t", f"{_A}br")
        ]
        lines.append("".join(pieces))
    return "\n".join(lines)


def _shape_texts(tree: Any) -> tuple[str, list[str]]:
    """(title, other texts) of a slide's shape tree, read from its XML in one pass.

    python-pptx's shape objects look each property up with XPath again; on a deck of many
    small slides that cost more than opening the file. Text boxes, placeholders, tables (a
    row a line, cells joined) and groups (their shapes in turn) are read; pictures are not.
    """
    title = ""
    texts: list[str] = []
    for shape in tree:
        tag = shape.tag
        if tag == f"{_P}sp":
            body = shape.find(f"{_P}txBody")
            if body is None:
                continue
            placeholder = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
            text = _paragraphs(body)
            if not title and placeholder is not None and placeholder.get("type") in _TITLE_TYPES:
                title = text
            else:
                texts.append(text)
        elif tag == f"{_P}graphicFrame":
            for row in shape.iter(f"{_A}tr"):
                cells = (_paragraphs(cell).strip() for cell in row.iter(f"{_A}tc"))
                texts.append(CELL_SEPARATOR.join(cell for cell in cells if cell))
        elif tag == f"{_P}grpSp":
            inner_title, inner = _shape_texts(shape)
            texts.extend([inner_title, *inner] if inner_title else inner)
    return title, texts


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in clean_text(text).replace("\x0b", "\n").splitlines())
    return "\n".join(line for line in lines if line)


def extract_presentation(path: str, *, deadline: float | None = None) -> Extraction:
    """Read a slide deck (.pptx): one page per slide, and a preview listing the slides.
    Reading stops, keeping what was read, at ``deadline``."""
    import pptx

    try:
        presentation = pptx.Presentation(path)
    except MemoryError:
        raise
    except Exception as error:
        raise_if_memory(error)
        return Extraction(
            DAMAGED,
            [],
            {},
            ENGINE_PPTX,
            f"The presentation is damaged: it could not be opened ({reason(error, path)}).",
        )
    pages: list[str] = []
    places: list[dict[str, Any]] = []
    notes: list[str] = []
    try:
        slides = list(presentation.slides)
    except MemoryError:
        raise
    except Exception as error:
        raise_if_memory(error)
        return Extraction(
            DAMAGED,
            [],
            {},
            ENGINE_PPTX,
            f"The presentation is damaged: its slides could not be read ({reason(error)}).",
        )
    for number, slide in enumerate(slides, start=1):
        if deadline is not None and time.monotonic() > deadline:
            notes.append(f"Reading was stopped at the time limit after slide {number - 1}.")
            break
        title = speaker_notes = ""
        body: list[str] = []
        try:
            tree = slide.element.find(f"{_P}cSld/{_P}spTree")
            if tree is not None:
                title, body = _shape_texts(tree)
                title, body = _tidy(title), [_tidy(text) for text in body]
            if slide.has_notes_slide:
                frame = slide.notes_slide.notes_text_frame
                speaker_notes = _tidy(frame.text) if frame is not None else ""
        except MemoryError:
            raise
        except Exception as error:
            raise_if_memory(error)
            notes.append(f"Slide {number} could not be read whole ({reason(error)}).")
        title = title.replace("\n", " ")
        pages.append("\n".join(part for part in (title, *body, speaker_notes) if part))
        places.append({"slide": number, "title": title[:200]})
    metadata = _presentation_metadata(presentation)
    result = Extraction(
        EXTRACTED,
        pages,
        metadata,
        ENGINE_PPTX,
        " ".join(notes),
        places=places,
        preview={
            "kind": "slides",
            "slide_count": len(slides),
            "slides": [
                {"number": place["slide"], "title": place["title"]}
                for place in places[:PREVIEW_SLIDES]
            ],
        },
    )
    if not any(page.strip() for page in pages):
        result.status = NO_TEXT_LAYER
        result.error = (
            "This presentation holds no text (perhaps only pictures); there is nothing to search."
        )
    return result


def _presentation_metadata(presentation: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        core = presentation.core_properties
        values = (("title", core.title), ("author", core.author))
        dates = (("created", core.created), ("modified", core.modified))
    except Exception:  # unreadable properties must not cost the slides
        return found
    for key, value in values:
        text = " ".join(clean_text(str(value or "")).split())
        if text:
            found[key] = text
    for key, value in dates:
        if isinstance(value, datetime.datetime) and value.year >= 1900:
            found[key] = value.isoformat()
    return found
