"""The resource page reads the same number of queries however many objectives, organisations,
files, translations, editions and related resources it shows, for the public and for a member.
A count, not a time: the timings are in the benchmark (bench/)."""

from __future__ import annotations

import re

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.models import PageViewRestriction

import pytest

from hub.organisations import Organisation
from library.models import (
    GcmObjective,
    HubDocument,
    Language,
    ResourceAttachment,
    ResourcePage,
)
from search.indexing import sync_resources

from ..query_counts import request_queries as _count

pytestmark = pytest.mark.django_db

TOPIC = "Remittance corridors and mobile money fees for diaspora transfers"


def _resource(library, title: str, *, live: bool = True, **fields) -> ResourcePage:
    page = ResourcePage(title=title, slug=slugify(title), summary=TOPIC, live=live, **fields)
    library.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def _attach(page: ResourcePage, n: int) -> None:
    document = HubDocument(title=f"Annex {n}")
    document.file.save(f"annex-{n}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    ResourceAttachment.objects.create(
        page=page, document=document, label=f"Annex {n}", language=Language.objects.first()
    )


def _section(html: str, name: str) -> str:
    found = re.search(rf'<section class="{name}">(.*?)</section>', html, re.S)
    return found.group(1) if found else ""


class Page:
    """A resource page grown from a little to a lot of everything it shows."""

    def __init__(self, library) -> None:
        self.library = library
        self.main = _resource(library, "Remittance corridors main")
        self.made = 0

    def _other(self, **fields) -> ResourcePage:
        self.made += 1
        return _resource(self.library, f"Remittance corridors part {self.made}", **fields)

    def grow(self, *, objectives: int, organisations: int, files: int, versions: int, picks: int):
        main = self.main
        main.objectives.set(GcmObjective.objects.order_by("number")[:objectives])
        main.organisations.set(Organisation.objects.order_by("pk")[:organisations])
        for n in range(files - main.attachments.count()):
            _attach(main, n)
        for _ in range(versions):
            translation = self._other(translation_of=main)
            translation.languages.set(Language.objects.all())
            self._other(new_edition_of=main)
        chosen = [self._other() for _ in range(picks)]
        hidden = self._other()
        PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
        main.related_resources.set([*main.related_resources.all(), *chosen, hidden])
        main.save()
        # Similar resources for the engine: every page says the same.
        sync_resources(list(ResourcePage.objects.values_list("pk", flat=True)))


@pytest.fixture
def page(library, search_backend):
    for n in range(6):
        Organisation.objects.create(name=f"Agency {n}", acronym=f"A{n}", slug=f"agency-{n}")
    return Page(library)


@pytest.fixture
def member(client):
    user = User.objects.create_user("member", password="not-used")
    user.groups.add(Group.objects.get_or_create(name="Members")[0])
    client.force_login(user)
    return user


def _grown_counts(client, page: Page) -> tuple[int, int]:
    page.grow(objectives=1, organisations=1, files=1, versions=1, picks=0)
    few, html = _count(client, page.main.url)
    assert _section(html, "related").count("<li>") == 2  # a translation and an edition
    page.grow(objectives=12, organisations=6, files=5, versions=3, picks=2)
    many, html = _count(client, page.main.url)
    assert html.count('class="tag') >= 12 and html.count("Annex ") >= 5
    assert _section(html, "translations").count("<li>") == 4
    assert _section(html, "related").count("<li>") == 6
    return few, many


def test_resource_page_queries_do_not_grow_with_what_it_shows(client, page):
    few, many = _grown_counts(client, page)
    assert many <= few, f"resource page: {few} queries with little on it, {many} with a lot"


def test_resource_page_queries_do_not_grow_for_a_member(client, page, member):
    few, many = _grown_counts(client, page)
    assert many <= few, f"resource page (member): {few} queries with little, {many} with a lot"
