"""The editor's first resource, made short: "Add resource" straight to where it belongs, an upload
page that says what it takes, and a resource form without silent defaults or bare acronyms."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm


def accepted_files() -> str:
    """What the upload takes, said where the file is chosen."""
    return _(
        "PDF or Word (.docx; .docm, .dotx and .dotm are read the same), Excel (.xlsx, .xlsm: "
        "macros are never run), CSV or TSV, and PowerPoint (.pptx), up to %(size)s each. "
        "Files are judged by their content, not their name. Text inside is read for search, "
        "page by page (a sheet or a slide is a page; formulas are read as their saved values); "
        "a scanned PDF without a text layer is kept but cannot be searched inside. "
        "The title comes from the file's own properties when it has one."
    ) % {"size": filesizeformat(settings.HUB_MAX_UPLOAD_BYTES)}


class HubDocumentForm(BaseDocumentForm):
    """Wagtail's document form, saying which files it accepts (single and multiple upload)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = accepted_files()
            self.fields["file"].widget.attrs.setdefault(
                "accept", ",".join(f".{ext}" for ext in settings.WAGTAILDOCS_EXTENSIONS)
            )


def add_resource(request: HttpRequest) -> HttpResponse:
    """Open the new-resource form under the Library, or under the one TWG section the editor may
    add to; with several places (or none), Wagtail's own choice of parent."""
    from .library_index import LibraryIndexPage
    from .pages import ResourcePage

    # Every kind of page a resource may sit under (the Library, the TWG sections), in the order
    # ResourcePage.parent_page_types names them.
    candidates = [
        page
        for model in ResourcePage.allowed_parent_page_models()
        for page in model.objects.all().order_by("path")
    ]
    allowed = [
        page for page in candidates if page.permissions_for_user(request.user).can_add_subpage()
    ]
    if allowed:
        library_pages = [p for p in allowed if isinstance(p.specific, LibraryIndexPage)]
        parent = library_pages[0] if library_pages else allowed[0]
        if library_pages or len(allowed) == 1:
            return redirect(
                reverse("wagtailadmin_pages:add", args=("library", "resourcepage", parent.pk))
            )
    return redirect(reverse("wagtailadmin_explore_root"))
