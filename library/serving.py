"""How a document file is handed to the browser: the response headers of a download.

Who may fetch a file is decided elsewhere (the `before_serve_document` hooks that Wagtail's serve
view runs); this module only shapes the answer. A PDF opens in the browser's own viewer
(`inline`), so a hit's `#page=N` lands on its page; a Word file stays a download. Either way the
file never runs script with the hub's rights: `nosniff`, and a Content-Security-Policy that lets
the browser's PDF viewer draw the file and nothing else. The name the browser gives the file is
the document's title (else the uploader's own file name), never the generated storage name.
"""

from __future__ import annotations

import os

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import get_valid_filename

from wagtail.documents.views.serve import serve as wagtail_serve

PDF_TYPE = "application/pdf"

# Chromium draws a PDF through an internal <embed> in a page of its own, styled inline: with
# `object-src 'none'` or without inline styles it shows a blank (crbug.com/271452). Everything
# else (scripts, connections, forms, frames, fonts from elsewhere) stays refused, and no other
# site may frame the file. `sandbox` is left out: Chromium refuses to open its viewer in it.
PDF_POLICY = (
    "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)
# A file the browser only saves needs nothing at all.
DOWNLOAD_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"


def download_name(document) -> str:
    """The file name a reader's browser saves: the title with the file's own extension."""
    extension = os.path.splitext(document.file.name)[1].lower()
    title = " ".join((document.title or "").split())
    if title:
        stem = title[:150].rstrip(". ")
        # Path separators and control characters never reach a header or a disk.
        stem = "".join(c for c in stem if c.isprintable() and c not in '/\\:*?"<>|')
        if stem.strip(" ."):
            if stem.lower().endswith(extension):
                return stem
            return f"{stem}{extension}"
    if getattr(document, "original_filename", ""):
        try:
            return get_valid_filename(document.original_filename)
        except Exception:  # a name of only punctuation: the stored name will do
            pass
    return os.path.basename(document.file.name)


def opens_in_browser(document) -> bool:
    """PDFs open in the browser's viewer; every other kind is saved."""
    return os.path.splitext(document.file.name)[1].lower() == ".pdf"


def shape_file_response(response: HttpResponse, document) -> HttpResponse:
    """Set the headers of a served file: disposition, name, type and the security policy."""
    if response.status_code not in (200, 206, 304):
        return response  # a refusal or a redirect keeps its own headers
    inline = opens_in_browser(document)
    if response.status_code != 304:
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=not inline, filename=download_name(document)
        )
        if inline:
            response["Content-Type"] = PDF_TYPE
    # Wagtail's sendfile writes the guessed encoding even when there is none ("None").
    if response.get("Content-Encoding") in (None, "", "None"):
        del response["Content-Encoding"]
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = PDF_POLICY if inline else DOWNLOAD_POLICY
    response["Referrer-Policy"] = "same-origin"
    return response


def serve_document(request: HttpRequest, document_id: str, document_filename: str) -> HttpResponse:
    """Wagtail's serve view (its checks, hooks and conditional GET), with the hub's headers."""
    from library.documents import HubDocument

    response = wagtail_serve(request, document_id, document_filename)
    document = (
        HubDocument.objects.filter(pk=document_id)
        .only("title", "file", "original_filename")
        .first()
    )
    if document is None:
        return response
    return shape_file_response(response, document)
