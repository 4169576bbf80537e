"""Loading the demo network: site pages, resources with real files, an administrator. Idempotent."""

from __future__ import annotations

import datetime
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.models import Page, Site

from hub.models import HomePage
from library.models import (
    GcmObjective,
    HubDocument,
    LibraryIndexPage,
    ResourceAttachment,
    ResourcePage,
)
from library.reading import read_document

from .content import RESOURCES
from .files import make_docx, make_pdf

ADMIN_USERNAME = "admin"


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None
    admin_password_note: str = ""


def ensure_site() -> tuple[HomePage, LibraryIndexPage, bool]:
    """The home page at the site root, the library below it."""
    created = False
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="UN Network on Migration in Rwanda: Knowledge Hub",
                slug="hub-home",
                intro="Policy briefs, studies, data, guidance and meeting records of the UN "
                "Network on Migration in Rwanda, in one place and searchable down to the text "
                "inside every document.",
            )
        )
        created = True
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.slug == "home" and not old_root.get_children().exists():
            old_root.delete()  # Wagtail's own "Welcome" page
    library = LibraryIndexPage.objects.first()
    if library is None:
        library = home.add_child(
            instance=LibraryIndexPage(
                title="Library",
                slug="library",
                intro="Every resource of the network: browse them here or search inside them.",
            )
        )
        created = True
    return home, library, created


def ensure_admin(report: SeedReport) -> None:
    User = get_user_model()
    password_file = Path(settings.VAR_DIR) / "demo-admin-password.txt"
    wanted = os.environ.get("HUB_ADMIN_PASSWORD")
    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        password = wanted or secrets.token_urlsafe(12)
        User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
        report.created.append(f"administrator {ADMIN_USERNAME}")
    elif wanted:
        password = wanted
        user.set_password(password)
        user.save(update_fields=["password"])
    else:
        password = password_file.read_text().strip() if password_file.exists() else None
        if password is None or not user.check_password(password):
            report.admin_password_note = "unchanged (set HUB_ADMIN_PASSWORD to reset it)"
            return
    if not wanted:
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
    report.admin_password = password


def _document_for(spec: dict) -> HubDocument:
    maker = make_pdf if spec["format"] == "pdf" else make_docx
    filename = f"{spec['slug']}.{spec['format']}"
    document = HubDocument.objects.filter(title=spec["title"]).first()
    if document is None:
        document = HubDocument(title=spec["title"])
        document.file.save(
            filename,
            ContentFile(maker(spec["title"], spec["author"], spec["pages"])),
            save=False,
        )
        document._set_document_file_metadata()
        document.save()
    return read_document(document.pk) or document


def ensure_resource(library: LibraryIndexPage, spec: dict) -> bool:
    if ResourcePage.objects.filter(slug=spec["slug"]).exists():
        return False
    document = _document_for(spec)
    with transaction.atomic():
        page = ResourcePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            resource_type=spec["type"],
            publication_date=datetime.date.fromisoformat(spec["date"]),
        )
        library.add_child(instance=page)
        page.objectives.set(GcmObjective.objects.filter(number__in=spec["objectives"]))
        page.attachments.add(
            ResourceAttachment(document=document, label=f"Full text ({spec['format'].upper()})")
        )
        page.save_revision().publish()
    return True


def seed() -> SeedReport:
    report = SeedReport()
    _home, library, created = ensure_site()
    if created:
        report.created.append("home page and library")
    for spec in RESOURCES:
        if ensure_resource(library, spec):
            report.created.append(spec["title"])
    ensure_admin(report)
    return report
