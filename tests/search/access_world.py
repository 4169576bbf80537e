"""A small network with restricted material: groups, users and resources for the access tests.

Every resource says "lagoon" in its body and on page 2 of its attached file, plus a word of its own
("sesame-public", ...), so a test can ask "who finds what" both ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from hub.organisations import Organisation
from library.documents import DocumentPageText, ExtractionStatus, HubDocument
from library.pages import ResourcePage
from search.indexing import sync_resources
from tests.factories import ResourcePageFactory

SHARED_WORD = "lagoon"
# name -> (restriction, title word)
RESOURCES = {
    "public": ("none", "Okapi"),
    "members": ("login", "Pangolin"),
    "twg_a": ("twg_a", "Flamingo"),
    "twg_b": ("twg_b", "Chameleon"),
    "excom": ("excom", "Hornbill"),
}
# Which resources each viewer may see (superuser: all).
EXPECTED = {
    "anonymous": {"public", "public_file"},
    # Signed in but in no network group (not yet admitted): the public's view, never more.
    "no_group": {"public", "public_file"},
    "member": {"public", "public_file", "members"},
    "twg_a_member": {"public", "public_file", "members", "twg_a"},
    "twg_b_member": {"public", "public_file", "members", "twg_b"},
    "excom_member": {"public", "public_file", "members", "excom"},
    "superuser": {"public", "public_file", "members", "twg_a", "twg_b", "excom"},
}
VIEWERS = tuple(EXPECTED)


@dataclass
class World:
    groups: dict[str, Group] = field(default_factory=dict)
    users: dict[str, User | None] = field(default_factory=dict)
    pages: dict[str, ResourcePage] = field(default_factory=dict)
    documents: dict[str, HubDocument] = field(default_factory=dict)

    def titles(self, names) -> set[str]:
        return {self.pages[name].title for name in names}


def make_document(title: str, pages: list[str], collection: Collection | None = None):
    document = HubDocument(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        extraction_status=ExtractionStatus.EXTRACTED,
        page_count=len(pages),
    )
    document.file.save(f"{slugify(title)}.pdf", ContentFile(b"%PDF-1.4\n% test\n"), save=False)
    document._set_document_file_metadata()  # the file hash, as an upload through the admin sets it
    # As if the worker had read it: the text below is what it found.
    document.extracted_hash = document.file_hash
    document.save()
    DocumentPageText.objects.bulk_create(
        DocumentPageText(document=document, number=n, text=text)
        for n, text in enumerate(pages, start=1)
    )
    return document


def access_agency() -> Organisation:
    """The one organisation every resource of the world credits."""
    organisation, _created = Organisation.objects.get_or_create(
        slug="access-test-agency", defaults={"name": "Access Test Agency", "acronym": "ATA"}
    )
    return organisation


def restrict(page, kind: str, groups: dict[str, Group]) -> None:
    if kind == "none":
        return
    if kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        return
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.set([groups[kind]])


def build_world(library) -> World:
    world = World()
    for name in ("twg_a", "twg_b", "excom"):
        world.groups[name] = Group.objects.create(name=f"Access test {name}")
    world.users["anonymous"] = None
    world.users["no_group"] = User.objects.create_user("newcomer", password="pw-newcomer-1")
    world.users["member"] = User.objects.create_user("member", password="pw-member-1")
    world.users["member"].groups.add(Group.objects.get_or_create(name="Members")[0])
    for name in ("twg_a", "twg_b", "excom"):
        user = User.objects.create_user(f"{name}_member", password=f"pw-{name}-1")
        user.groups.add(world.groups[name])
        world.users[f"{name}_member"] = user
    world.users["superuser"] = User.objects.create_superuser("root", password="pw-root-1")

    for name, (kind, word) in RESOURCES.items():
        document = make_document(
            f"{word} file", [f"Cover of the {word} file.", f"The {SHARED_WORD} on page two."]
        )
        # Every resource serves GCM objective 1 and credits one organisation, so objective and
        # organisation pages have something to (mis)count.
        page = ResourcePageFactory(
            parent=library,
            title=f"{word} report",
            summary=f"A study of the {SHARED_WORD} and the {word}.",
            objectives=[1],
            organisations=[access_agency()],
            documents=[document],
        )
        restrict(page, kind, world.groups)
        world.pages[name] = page
        world.documents[name] = document

    # A public resource whose file sits in a members-only collection: the resource is found by
    # everyone, the file's text only by members.
    private = Collection.get_first_root_node().add_child(name="Members-only files")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = make_document(
        "Gazelle file", ["Gazelle cover.", "The secret word marabou and the lagoon."], private
    )
    world.pages["public_file"] = ResourcePageFactory(
        parent=library,
        title="Gazelle report",
        summary=f"A study of the {SHARED_WORD} and the Gazelle.",
        objectives=[1],
        organisations=[access_agency()],
        documents=[document],
    )
    world.documents["public_file"] = document

    sync_resources([page.pk for page in world.pages.values()])
    return world
