"""Making the demo's PDF and Word files: real multi-page documents, so searching inside them works."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from docx import Document as WordDocument
from docx.enum.text import WD_BREAK
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer


def make_pdf(title: str, author: str, pages: list[str]) -> bytes:
    """A PDF with one page per entry of `pages`, with title and author in its metadata."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=title, author=author)
    styles = getSampleStyleSheet()
    story: list = [Paragraph(escape(title), styles["Title"]), Spacer(1, 12)]
    for number, text in enumerate(pages):
        if number:
            story.append(PageBreak())
        for paragraph in text.split("\n\n"):
            # reportlab reads mini-HTML: escape, so text is printed as written.
            story += [Paragraph(escape(paragraph), styles["BodyText"]), Spacer(1, 6)]
    doc.build(story)
    return buffer.getvalue()


def make_docx(title: str, author: str, pages: list[str]) -> bytes:
    """A Word file with a page break between the entries of `pages`."""
    document = WordDocument()
    document.core_properties.title = title
    document.core_properties.author = author
    document.add_heading(title, level=1)
    for number, text in enumerate(pages):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for paragraph in text.split("\n\n"):
            document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
