"""Loading the demo network: site pages, organisations, TWGs, resources with real files, collections
and an administrator. Idempotent: what exists (by slug) is left alone."""

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

from foundation.organisations import Organisation, WorkingGroup
from hub.models import HomePage
from hub.publishing.models import TwgSectionPage
from library.models import (
    CollectionEntry,
    CollectionIndexPage,
    CollectionPage,
    GcmObjective,
    GuidingPrinciple,
    HubDocument,
    Language,
    LibraryIndexPage,
    Place,
    ResourceAttachment,
    ResourcePage,
)
from search.contract import SearchUnavailable
from search.indexing import sync_resources

from .catalogue import COLLECTIONS, ORGANISATIONS, RESOURCES, WORKING_GROUPS
from .files import make_docx, make_pdf
from .governance import ensure_governance
from .trusted import read_trusted

ADMIN_USERNAME = "admin"


# One user per publishing role, to try the TWG review workflow (README: "Publishing as a TWG").
DEMO_TWG = "twg-labour-migration"
DEMO_USERS = (
    ("twg-author", "Aline", "Uwase", "member of the TWG on Labour Migration and Skills"),
    ("twg-chair", "Jean", "Habimana", "chair of the TWG on Labour Migration and Skills"),
    ("secretariat", "Grace", "Mukamana", "Secretariat editor"),
    ("committee", "Eric", "Niyonzima", "Executive Committee"),
)


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None
    admin_password_note: str = ""
    demo_users: list[tuple[str, str]] = field(default_factory=list)  # (username, role)
    demo_users_password: str | None = None


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


def ensure_collections_index(home: HomePage) -> CollectionIndexPage:
    index = CollectionIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=CollectionIndexPage(
                title="Collections",
                slug="collections",
                intro="Resources chosen by the network's editors for a review, a training or a "
                "campaign.",
            )
        )
    return index


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


def ensure_demo_users(report: SeedReport) -> None:
    """The role users, sharing one generated password kept beside the admin's.

    Only users the seed made are touched: a password changed by hand is kept (and not printed).
    """
    from hub import roles

    User = get_user_model()
    password_file = Path(settings.VAR_DIR) / "demo-users-password.txt"
    password = password_file.read_text().strip() if password_file.exists() else None
    if password is None:
        password = secrets.token_urlsafe(12)
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
    twg = WorkingGroup.objects.filter(slug=DEMO_TWG).first()
    groups = {
        "twg-author": [twg.group] if twg and twg.group else [],
        "twg-chair": [g for g in (twg and twg.group, twg and twg.chairs_group) if g],
        "secretariat": [roles.role_group(roles.SECRETARIAT)],
        "committee": [roles.role_group(roles.EXECUTIVE_COMMITTEE)],
    }
    usable = True
    for username, first_name, last_name, role in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username,
                f"{username}@example.org",
                password,
                first_name=first_name,
                last_name=last_name,
            )
            report.created.append(f"demo user {username}")
        usable = usable and user.check_password(password)
        user.groups.add(*groups[username], roles.role_group(roles.MEMBERS))
        report.demo_users.append((username, role))
    report.demo_users_password = password if usable else None


def ensure_publishers(report: SeedReport) -> None:
    for spec in ORGANISATIONS:
        _, created = Organisation.objects.get_or_create(
            slug=spec["slug"],
            defaults={key: spec[key] for key in spec if key != "slug"},
        )
        if created:
            report.created.append(spec["acronym"] or spec["name"])
    for spec in WORKING_GROUPS:
        group, created = WorkingGroup.objects.get_or_create(
            slug=spec["slug"],
            defaults={key: spec[key] for key in ("name", "acronym", "status", "description")},
        )
        if created:
            group.chairs.set(Organisation.objects.filter(slug__in=spec["chairs"]))
            group.members.set(Organisation.objects.filter(slug__in=spec["members"]))
            report.created.append(spec["name"])


def _document(resource: dict, spec: dict, number: int) -> HubDocument:
    kind = spec["format"]
    title = f"{resource['title']} ({spec['label']})"[:255]
    document = HubDocument.objects.filter(title=title).first()
    if document is not None:
        return document
    maker = make_pdf if kind == "pdf" else make_docx
    author = ", ".join(resource["organisations"]).upper()
    document = HubDocument(title=title)
    filename = f"{resource['slug']}-{number}.{kind}"
    document.file.save(
        filename, ContentFile(maker(resource["title"], author, spec["pages"])), save=False
    )
    document._set_document_file_metadata()
    document.save()
    read_trusted(document, kind)
    return document


def _create_resource(library: LibraryIndexPage, spec: dict) -> ResourcePage:
    working_group = WorkingGroup.objects.filter(slug=spec.get("working_group") or "").first()
    # A TWG's papers live in its section (hub.workflow), where its members draft and edit.
    section = TwgSectionPage.objects.filter(working_group=working_group).first()
    parent = section if working_group is not None and section is not None else library
    page = ResourcePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        resource_type=spec["type"],
        publication_date=datetime.date.fromisoformat(spec["date"]),
        external_url=spec.get("external_url", ""),
        primary_objective=GcmObjective.objects.get(number=spec["primary"]),
        working_group=working_group,
    )
    parent.add_child(instance=page)
    page.objectives.set(GcmObjective.objects.filter(number__in=spec["objectives"]))
    page.principles.set(GuidingPrinciple.objects.filter(number__in=spec["principles"]))
    page.organisations.set(Organisation.objects.filter(slug__in=spec["organisations"]))
    page.languages.set(Language.objects.filter(code__in=spec["languages"]))
    page.places.set(Place.objects.filter(name__in=spec["places"]))
    page.themes.set(spec["themes"])
    languages = {language.code: language for language in Language.objects.all()}
    for number, file_spec in enumerate(spec.get("files", []), start=1):
        page.attachments.add(
            ResourceAttachment(
                document=_document(spec, file_spec, number),
                label=file_spec["label"],
                language=languages.get(file_spec.get("language", "")),
                sort_order=number,
            )
        )
    page.save()
    return page


def _link(page: ResourcePage, spec: dict, by_slug: dict[str, ResourcePage]) -> None:
    page.related_resources.set([by_slug[s] for s in spec.get("related", []) if s in by_slug])
    page.translation_of = by_slug.get(spec.get("translation_of") or "")
    page.new_edition_of = by_slug.get(spec.get("edition_of") or "")


def ensure_resources(library: LibraryIndexPage, report: SeedReport) -> list[int]:
    """Create the missing resources, then link them to each other, then publish them."""
    existing = set(ResourcePage.objects.values_list("slug", flat=True))
    new_specs = [spec for spec in RESOURCES if spec["slug"] not in existing]
    new_pages = []
    for spec in sorted(new_specs, key=lambda s: s["date"]):
        with transaction.atomic():
            new_pages.append((_create_resource(library, spec), spec))
    by_slug = {page.slug: page for page in ResourcePage.objects.all()}
    for page, spec in new_pages:
        with transaction.atomic():
            _link(page, spec, by_slug)
            page.save_revision().publish()
        report.created.append(spec["title"])
    return [page.pk for page, _ in new_pages]


def ensure_collections(index: CollectionIndexPage, report: SeedReport) -> None:
    by_slug = {page.slug: page for page in ResourcePage.objects.all()}
    for spec in COLLECTIONS:
        if CollectionPage.objects.filter(slug=spec["slug"]).exists():
            continue
        with transaction.atomic():
            collection = CollectionPage(
                title=spec["title"],
                slug=spec["slug"],
                introduction=spec["introduction"],
                featured=spec["featured"],
            )
            for order, (slug, note) in enumerate(spec["entries"]):
                if slug in by_slug:
                    collection.entries.add(
                        CollectionEntry(resource=by_slug[slug], note=note, sort_order=order)
                    )
            index.add_child(instance=collection)
            collection.save_revision().publish()
        report.created.append(spec["title"])


def seed() -> SeedReport:
    report = SeedReport()
    home, library, created = ensure_site()
    if created:
        report.created.append("home page and library")
    collections = ensure_collections_index(home)
    ensure_publishers(report)
    new_ids = ensure_resources(library, report)
    ensure_collections(collections, report)
    new_ids += ensure_governance(home, report)
    # The worker would index them within seconds; doing it now makes search work at once.
    if new_ids:
        try:
            sync_resources(new_ids)
        except SearchUnavailable:
            report.created.append("(search engine unavailable: the worker will index later)")
    ensure_admin(report)
    ensure_demo_users(report)
    return report
