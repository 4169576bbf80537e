"""Turning files on disk into resources: the scripting entry point behind `import_resources`.

An import is resumable: a file whose content (SHA-1, the `file_hash` Wagtail keeps on every
document) is already attached to a resource is skipped, and a document stored by an interrupted
run but never attached is reused rather than stored twice. A row naming only a link is keyed on
that link (`ResourcePage.external_url`).
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.utils.file import hash_filelike

from foundation.organisations import Organisation

from .attachments import ResourceAttachment
from .documents import HubDocument
from .extraction import UnacceptableFile, check_upload
from .library_index import LibraryIndexPage
from .pages import ResourcePage
from .reading import ReadLater, read_document
from .resource_types import ResourceType
from .taxonomy import GcmObjective, Language

# What a folder import picks up: the file kinds the hub reads (check_upload judges the content).
DOCUMENT_SUFFIXES = (
    *(".pdf", ".docx", ".docm", ".dotx", ".dotm"),
    *(".xlsx", ".xlsm", ".csv", ".tsv", ".pptx"),
)
CSV_COLUMNS = (
    "title",
    "summary",
    "type",
    "objectives",
    "organisations",
    "date",
    "language",
    "file",
    "url",
)

CREATED = "created"
SKIPPED = "skipped-duplicate"
REFUSED = "refused"


class ImportRefused(ValueError):
    """A file or row that cannot become a resource; the message says why."""


class AlreadyImported(Exception):
    """The file (same content) or link is already a resource: nothing to do."""

    def __init__(self, page: ResourcePage) -> None:
        super().__init__(page.pk)
        self.page = page


@dataclass
class Imported:
    page: ResourcePage
    document: HubDocument | None


@dataclass
class ImportRow:
    """One resource to create, from a file found in a folder or a line of a metadata CSV."""

    source: str  # as the operator wrote it: the path or link
    path: Path | None = None
    url: str = ""
    title: str = ""
    summary: str = ""
    resource_type: str = ""
    objectives: list[GcmObjective] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    publication_date: datetime.date | None = None
    languages: list[Language] = field(default_factory=list)
    line: int | None = None  # the CSV line, for the report


@dataclass
class Outcome:
    """What became of one row: created, skipped-duplicate or refused (with the reason)."""

    source: str
    status: str
    reason: str = ""
    line: int | None = None
    page: ResourcePage | None = None
    document: HubDocument | None = None


def title_for(document: HubDocument, path: Path) -> str:
    """The document's own title when it has a meaningful one, else its filename made readable."""
    title = (document.metadata or {}).get("title", "").strip()
    if len(title) >= 3 and title.lower() not in {"untitled", "microsoft word", path.stem.lower()}:
        return title[:255]
    return path.stem.replace("_", " ").replace("-", " ").strip()[:255] or path.name


def existing_resource_for_hash(file_hash: str) -> ResourcePage | None:
    """The resource that already carries a file with this content, if any."""
    attachment = (
        ResourceAttachment.objects.filter(document__file_hash=file_hash)
        .select_related("page")
        .order_by("page_id")
        .first()
    )
    return attachment.page if attachment else None


def import_file(
    path: Path,
    *,
    library: LibraryIndexPage,
    objectives: list[GcmObjective],
    resource_type: str = ResourceType.REPORT,
    publish: bool = False,
    max_bytes: int,
    title: str = "",
    organisations: list[Organisation] | None = None,
    publication_date: datetime.date | None = None,
    languages: list[Language] | None = None,
    external_url: str = "",
) -> Imported:
    """Store the file, read it, and create a resource around it.

    Raises ImportRefused for a file the hub will not take, and AlreadyImported when a file with
    the same content is already attached to a resource (so a re-run creates no duplicates).
    """
    with path.open("rb") as handle:
        file_hash = hash_filelike(handle)
        existing = existing_resource_for_hash(file_hash)
        if existing is not None:
            raise AlreadyImported(existing)
        try:
            check_upload(handle, max_bytes=max_bytes)
        except UnacceptableFile as refusal:
            raise ImportRefused(str(refusal)) from refusal
        # A document left by an interrupted run (stored, never attached) is reused.
        document = (
            HubDocument.objects.filter(file_hash=file_hash, attachments__isnull=True)
            .order_by("pk")
            .first()
        )
        if document is None:
            with transaction.atomic():
                document = HubDocument(title=path.name[:255])
                document.file.save(path.name, File(handle), save=False)
                document._set_document_file_metadata()
                document.read_inline = True  # read below, not queued for the worker too
                document.save()
    # Read now, in the same warm sandboxed readers as the worker, so the title can come from
    # the file's metadata. Only if the server cannot read it now (disk full...) does the worker
    # get it, to retry later.
    try:
        document = read_document(document.pk, last_attempt=False) or document
    except ReadLater:
        from .tasks import read_document_task

        read_document_task.enqueue(document.pk)
        document.refresh_from_db()
    document.title = title_for(document, path)
    document.save(update_fields=["title"])
    title = title.strip()[:255] or document.title
    page = _create_page(
        library,
        title=title,
        # A scanned file has no text to summarise; the summary is required, so the title it is.
        summary=_summary(document) or title,
        resource_type=resource_type,
        objectives=objectives,
        organisations=organisations or [],
        publication_date=publication_date,
        languages=languages or [],
        external_url=external_url,
        document=document,
        publish=publish,
    )
    return Imported(page=page, document=document)


def import_link(
    url: str,
    *,
    library: LibraryIndexPage,
    title: str,
    objectives: list[GcmObjective],
    resource_type: str = ResourceType.EXTERNAL_LINK,
    publish: bool = False,
    organisations: list[Organisation] | None = None,
    publication_date: datetime.date | None = None,
    languages: list[Language] | None = None,
    summary: str = "",
) -> Imported:
    """A record of a resource held elsewhere: no file, only its link (the duplicate key)."""
    existing = ResourcePage.objects.filter(external_url=url).order_by("pk").first()
    if existing is not None:
        raise AlreadyImported(existing)
    if not title.strip():
        raise ImportRefused(_("A row with only a link needs a title."))
    page = _create_page(
        library,
        title=title.strip()[:255],
        summary=summary.strip() or title.strip()[:255],
        resource_type=resource_type,
        objectives=objectives,
        organisations=organisations or [],
        publication_date=publication_date,
        languages=languages or [],
        external_url=url,
        document=None,
        publish=publish,
    )
    return Imported(page=page, document=None)


def import_row(
    row: ImportRow,
    *,
    library: LibraryIndexPage,
    publish: bool,
    max_bytes: int,
) -> Outcome:
    """Import one row; every failure a row can cause becomes a refused outcome, never an error."""
    common = {
        "library": library,
        "objectives": row.objectives,
        "publish": publish,
        "organisations": row.organisations,
        "publication_date": row.publication_date,
        "languages": row.languages,
    }
    try:
        if row.path is not None:
            if not row.path.is_file():
                raise ImportRefused(_("File not found: %(path)s") % {"path": row.path})
            imported = import_file(
                row.path,
                resource_type=row.resource_type or ResourceType.REPORT,
                max_bytes=max_bytes,
                title=row.title,
                external_url=row.url,
                **common,
            )
        elif row.url:
            imported = import_link(
                row.url,
                title=row.title,
                summary=row.summary,
                resource_type=row.resource_type or ResourceType.EXTERNAL_LINK,
                **common,
            )
        else:
            raise ImportRefused(_("The row names neither a file nor a link."))
    except AlreadyImported as duplicate:
        return Outcome(
            row.source,
            SKIPPED,
            _("already imported as resource %(id)s") % {"id": duplicate.page.pk},
            line=row.line,
            page=duplicate.page,
        )
    except (ImportRefused, OSError) as refusal:
        return Outcome(row.source, REFUSED, str(refusal), line=row.line)
    except ValidationError as invalid:
        reasons = "; ".join(invalid.messages)
        return Outcome(row.source, REFUSED, reasons, line=row.line)
    return Outcome(
        row.source, CREATED, line=row.line, page=imported.page, document=imported.document
    )


# -- reading what to import --------------------------------------------------------------------


def rows_from_paths(paths: list[Path], **defaults) -> Iterator[ImportRow | Outcome]:
    """Files named on the command line, and every document in the folders named (recursively)."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts) or not found.is_file():
                    continue  # hidden files and folders (.DS_Store, .git) are not documents
                if found.suffix.lower() not in DOCUMENT_SUFFIXES:
                    yield Outcome(
                        str(found),
                        REFUSED,
                        _("not a PDF, Word, Excel, CSV or PowerPoint file (by its extension)"),
                    )
                    continue
                yield ImportRow(source=str(found), path=found, **defaults)
        else:
            yield ImportRow(source=str(path), path=path, **defaults)


def rows_from_csv(
    csv_path: Path,
    *,
    objectives: list[GcmObjective],
    resource_type: str,
) -> Iterator[ImportRow | Outcome]:
    """One ImportRow per line of a metadata CSV, or a refused Outcome saying what is wrong.

    Columns (any order, header names case-insensitive): title, summary (optional), type, objectives (numbers
    separated by ; or ,), organisations (slugs, names or acronyms, separated by ;), date
    (YYYY-MM-DD or DD/MM/YYYY), language (codes or names, separated by ;), file (relative to the
    CSV, or absolute) and url. Empty objectives or type fall back to the command's options.
    """
    with csv_path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        headers = {(name or "").strip().lower() for name in reader.fieldnames or []}
        if not headers & {"file", "url"}:
            raise ImportRefused(
                _("The CSV needs a 'file' or 'url' column (columns: %(columns)s).")
                % {"columns": ", ".join(CSV_COLUMNS)}
            )
        for values in reader:
            row = {
                (key or "").strip().lower(): (value or "").strip()
                for key, value in values.items()
                if isinstance(value, str)
            }
            line = reader.line_num
            source = row.get("file") or row.get("url") or _("line %(line)s") % {"line": line}
            try:
                yield _parse_row(row, csv_path.parent, line, source, objectives, resource_type)
            except ImportRefused as refusal:
                yield Outcome(source, REFUSED, str(refusal), line=line)


def _parse_row(
    row: dict[str, str],
    folder: Path,
    line: int,
    source: str,
    default_objectives: list[GcmObjective],
    default_type: str,
) -> ImportRow:
    path = None
    if row.get("file"):
        path = Path(row["file"]).expanduser()
        if not path.is_absolute():
            path = folder / path
        if not path.is_file():
            raise ImportRefused(_("File not found: %(path)s") % {"path": path})
    url = row.get("url", "")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise ImportRefused(_("Not a web address: %(url)s") % {"url": url}) from error
    return ImportRow(
        source=source,
        path=path,
        url=url,
        title=row.get("title", ""),
        summary=row.get("summary", ""),
        resource_type=parse_type(row.get("type", "")) or default_type,
        objectives=parse_objectives(row.get("objectives", "")) or default_objectives,
        organisations=parse_organisations(row.get("organisations", "")),
        publication_date=parse_date(row.get("date", "")),
        languages=parse_languages(row.get("language", "")),
        line=line,
    )


def _split(value: str, separators: str = ";") -> list[str]:
    return [part.strip() for part in re.split(f"[{separators}]", value) if part.strip()]


def parse_type(value: str) -> str:
    if not value:
        return ""
    wanted = value.strip().lower()
    for choice, label in ResourceType.choices:
        if wanted in {choice, str(label).lower(), slugify(label)}:
            return choice
    raise ImportRefused(
        _("Unknown resource type %(value)r: use one of %(choices)s.")
        % {"value": value, "choices": ", ".join(ResourceType.values)}
    )


def parse_objectives(value: str) -> list[GcmObjective]:
    numbers: list[int] = []
    for part in _split(value, ";,"):
        if not part.isdigit():
            raise ImportRefused(
                _("Objectives are numbers from 1 to 23, not %(value)r.") % {"value": part}
            )
        numbers.append(int(part))
    found = list(GcmObjective.objects.filter(number__in=numbers))
    unknown = sorted(set(numbers) - {o.number for o in found})
    if unknown:
        raise ImportRefused(
            _("No GCM objective numbered %(numbers)s: use 1 to 23.")
            % {"numbers": ", ".join(map(str, unknown))}
        )
    return found


def parse_organisations(value: str) -> list[Organisation]:
    organisations = []
    for part in _split(value):
        match = Organisation.objects.filter(
            Q(slug=slugify(part)) | Q(name__iexact=part) | Q(acronym__iexact=part)
        ).first()
        if match is None:
            raise ImportRefused(_("Unknown organisation %(value)r.") % {"value": part})
        organisations.append(match)
    return organisations


def parse_languages(value: str) -> list[Language]:
    languages = []
    for part in _split(value, ";,"):
        match = Language.objects.filter(Q(code__iexact=part) | Q(name__iexact=part)).first()
        if match is None:
            raise ImportRefused(_("Unknown language %(value)r.") % {"value": part})
        languages.append(match)
    return languages


def parse_date(value: str) -> datetime.date | None:
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ImportRefused(
        _("Not a date: %(value)r (use YYYY-MM-DD or DD/MM/YYYY).") % {"value": value}
    )


# -- creating the page ---------------------------------------------------------------------------


def _create_page(
    library: LibraryIndexPage,
    *,
    title: str,
    summary: str,
    resource_type: str,
    objectives: list[GcmObjective],
    organisations: list[Organisation],
    publication_date: datetime.date | None,
    languages: list[Language],
    external_url: str,
    document: HubDocument | None,
    publish: bool,
) -> ResourcePage:
    with transaction.atomic():
        page = ResourcePage(
            title=title,
            slug=_free_slug(library, title),
            summary=summary,
            resource_type=resource_type,
            publication_date=publication_date,
            external_url=external_url,
            live=False,
        )
        library.add_child(instance=page)
        page.objectives.set(objectives)
        page.organisations.set(organisations)
        page.languages.set(languages)
        if document is not None:
            page.attachments.add(ResourceAttachment(document=document, label=""))
        # Saved to the tables, not only into the revision: a draft's attachment is what a
        # re-run finds by file hash, so it must exist as a row.
        page.save()
        revision = page.save_revision()
        if publish:
            revision.publish()
    return page


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
