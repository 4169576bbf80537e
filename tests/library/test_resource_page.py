"""The resource page: its classification, files and links, never pointing at drafts or restricted pages."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile

from wagtail.models import PageViewRestriction

import pytest

from hub.organisations import Organisation, WorkingGroup
from library.models import (
    GcmObjective,
    GuidingPrinciple,
    HubDocument,
    Language,
    Place,
    ResourceAttachment,
    ResourcePage,
)
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


def html_of(client, page: ResourcePage) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_translation_links_show_on_both_sides(client, library):
    original = ResourcePageFactory(parent=library, title="Labour migration brief")
    french = ResourcePageFactory(
        parent=library, title="Note sur la migration de travail", translation_of=original
    )
    french.languages.set([Language.objects.get(code="fr")])
    french.save()
    ResourcePageFactory(
        parent=library, title="Draft Kinyarwanda translation", live=False, translation_of=original
    )

    original_html = html_of(client, original)
    assert "Translations" in original_html
    assert french.url in original_html and "French" in original_html
    assert "Draft Kinyarwanda translation" not in original_html

    french_html = html_of(client, french)
    assert "This is a translation of:" in french_html and original.url in french_html


def test_edition_links_show_on_both_sides(client, library):
    old = ResourcePageFactory(parent=library, title="Migration profile 2019")
    new = ResourcePageFactory(parent=library, title="Migration profile 2024", new_edition_of=old)

    old_html = html_of(client, old)
    assert "A newer edition exists:" in old_html and new.url in old_html
    # Prominent: before the title, not buried at the bottom.
    assert old_html.index("A newer edition exists:") < old_html.index("<h1>")

    new_html = html_of(client, new)
    assert "This is a new edition of:" in new_html and old.url in new_html
    assert "A newer edition exists:" not in new_html


def test_no_links_to_unpublished_or_restricted_editions(client, library):
    old = ResourcePageFactory(parent=library, title="Old profile")
    secret = ResourcePageFactory(parent=library, title="Secret new profile", new_edition_of=old)
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    assert "A newer edition exists:" not in html_of(client, old)

    hidden_original = ResourcePageFactory(parent=library, title="Withdrawn original", live=False)
    copy = ResourcePageFactory(
        parent=library, title="Orphan translation", translation_of=hidden_original
    )
    assert "This is a translation of:" not in html_of(client, copy)


def test_related_resources_are_only_live_and_public(client, library):
    visible = ResourcePageFactory(parent=library, title="Visible companion")
    draft = ResourcePageFactory(parent=library, title="Draft companion", live=False)
    restricted = ResourcePageFactory(parent=library, title="Restricted companion")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    page = ResourcePageFactory(parent=library, title="Main report")
    page.related_resources.set([visible, draft, restricted])
    page.save_revision().publish()

    html = html_of(client, page)
    assert "Related resources" in html and visible.url in html
    assert "Draft companion" not in html and "Restricted companion" not in html


def test_classification_and_links(client, library):
    iom = Organisation.objects.create(
        name="International Organization for Migration", acronym="IOM", slug="iom"
    )
    twg = WorkingGroup.objects.create(name="Migration Data TWG", slug="migration-data")
    page = ResourcePageFactory(
        parent=library,
        title="Labour migration study",
        resource_type="study",
        publication_date=datetime.date(2024, 3, 5),
        primary_objective=GcmObjective.objects.get(number=6),
        working_group=twg,
    )
    page.objectives.set(GcmObjective.objects.filter(number__in=[2, 6]))
    page.principles.set(GuidingPrinciple.objects.filter(number=1))
    page.organisations.set([iom])
    page.languages.set(Language.objects.filter(code="en"))
    page.places.set(Place.objects.filter(level="national")[:1])
    page.themes.add("returnees")
    page.save_revision().publish()

    html = html_of(client, page)
    assert "Study or assessment" in html and "2024-03-05" in html
    sixth = GcmObjective.objects.get(number=6)
    second = GcmObjective.objects.get(number=2)
    # The primary objective comes first, then the others.
    assert html.index(sixth.get_absolute_url()) < html.index(second.get_absolute_url())
    assert GuidingPrinciple.objects.get(number=1).get_absolute_url() in html
    assert "/organisations/iom/" in html and "/working-groups/migration-data/" in html
    assert "English" in html and Place.objects.filter(level="national").first().name in html
    assert "returnees" in html


def test_attachments_and_external_link(client, library):
    document = HubDocument(title="Scanned annex")
    document.file.save("annex.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    HubDocument.objects.filter(pk=document.pk).update(
        extraction_status="no_text_layer", page_count=12
    )
    page = ResourcePageFactory(
        parent=library, title="Report with annex", external_url="https://example.org/full"
    )
    page.attachments.add(
        ResourceAttachment(
            document=document, label="Annex (French)", language=Language.objects.get(code="fr")
        )
    )
    page.save_revision().publish()

    html = html_of(client, page)
    assert "Annex (French)" in html and "French" in html and "PDF" in html and "12 pages" in html
    assert "No text layer (scanned: needs OCR)" in html
    assert "https://example.org/full" in html

    link_out = ResourcePageFactory(
        parent=library, title="Held elsewhere", external_url="https://example.org/x"
    )
    html = html_of(client, link_out)
    assert "This resource is held elsewhere:" in html and "https://example.org/x" in html
