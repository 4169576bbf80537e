"""Turning files on disk into resources: the scripting entry point behind `import_resources`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils.text import slugify

from .documents import HubDocument
from .extraction import UnacceptableFile, check_upload
from .pages import LibraryIndexPage, ResourceAttachment, ResourcePage, ResourceType
from .reading import read_document
from .taxonomy import GcmObjective


class ImportRefused(ValueError):
    """A file that cannot become a resource; the message says why."""


@dataclass
class Imported:
    page: ResourcePage
    document: HubDocument


def title_for(document: HubDocument, path: Path) -> str:
    """The document's own title when it has a meaningful one, else its filename made readable."""
    title = (document.metadata or {}).get("title", "").strip()
    if len(title) >= 3 and title.lower() not in {"untitled", "microsoft word", path.stem.lower()}:
        return title[:255]
    return path.stem.replace("_", " ").replace("-", " ").strip()[:255] or path.name


def import_file(
    path: Path,
    *,
    library: LibraryIndexPage,
    objectives: list[GcmObjective],
    resource_type: str = ResourceType.REPORT,
    publish: bool = False,
    max_bytes: int,
) -> Imported:
    with path.open("rb") as handle:
        try:
            check_upload(handle, max_bytes=max_bytes)
        except UnacceptableFile as refusal:
            raise ImportRefused(str(refusal)) from refusal
        with transaction.atomic():
            document = HubDocument(title=path.name[:255])
            document.file.save(path.name, File(handle), save=False)
            document._set_document_file_metadata()
            document.save()
    # Read now (in a sandboxed child process), so the title can come from the file's metadata.
    document = read_document(document.pk) or document
    document.title = title_for(document, path)
    document.save(update_fields=["title"])
    with transaction.atomic():
        page = ResourcePage(
            title=document.title,
            slug=_free_slug(library, document.title),
            summary=_summary(document),
            resource_type=resource_type,
            live=False,
        )
        library.add_child(instance=page)
        page.objectives.set(objectives)
        page.attachments.add(ResourceAttachment(document=document, label=""))
        revision = page.save_revision()
        if publish:
            revision.publish()
    return Imported(page=page, document=document)


def _summary(document: HubDocument) -> str:
    first = document.text_pages.order_by("number").values_list("text", flat=True).first() or ""
    words = first.split()
    return " ".join(words[:60]) + ("…" if len(words) > 60 else "")


def _free_slug(parent: LibraryIndexPage, title: str) -> str:
    base = slugify(title)[:70] or "resource"
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
