"""In a real browser: one click accepts a suggested objective, links an earlier edition and
uses the title read from the file; saving the draft keeps what was accepted, nothing more."""

from django.core.files.base import ContentFile
from django.db import transaction

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _read(title: str, content: bytes, name: str):
    from library.models import HubDocument

    document = HubDocument(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    with transaction.atomic():
        document.save()
    document.refresh_from_db()
    return document


def test_accept_link_and_use_in_one_click_each(browser, live_server, settings, tmp_path):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from hub.demo.files import make_docx, make_pdf
    from hub.demo.seed import ensure_site
    from library.models import GcmObjective, ResourceAttachment, ResourcePage
    from suggestions.models import DocumentReading
    from tests.suggestions.test_reading import REPORT

    settings.MEDIA_ROOT = tmp_path
    _home, library, _created = ensure_site()
    old = _read("old", make_pdf("Trafficking report 2022", "IOM", REPORT), "old.pdf")
    new = _read(
        "new", make_docx("Trafficking report 2024", "IOM", ["Cover"] + REPORT[1:]), "n.docx"
    )
    assert DocumentReading.objects.filter(document=new).exists()
    earlier = ResourcePage(title="Trafficking report 2022", slug="t-2022", summary="s")
    library.add_child(instance=earlier)
    ResourceAttachment.objects.create(page=earlier, document=old)
    page = ResourcePage(title="Draft", slug="t-2024", summary="s")
    library.add_child(instance=page)
    ResourceAttachment.objects.create(page=page, document=new)
    objective = GcmObjective.objects.get(number=10)

    admin = get_user_model().objects.create_superuser("editor", "e@example.org", "x")
    client = Client()
    client.force_login(admin)
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    try:
        tab.goto(f"/admin/pages/{page.pk}/edit/")
        box = tab.locator(f'input[name="objectives"][value="{objective.pk}"]')
        assert not box.is_checked()
        tab.click(f'[data-hub-accept="objectives"][data-pk="{objective.pk}"]')
        assert box.is_checked()
        tab.click(f'[data-hub-link="new_edition_of"][data-pk="{earlier.pk}"]')
        assert tab.locator("#id_new_edition_of").input_value() == str(earlier.pk)
        tab.click('[data-hub-fill="title"]')
        assert tab.locator("#id_title").input_value() == "Trafficking report 2024"
        with tab.expect_navigation():
            tab.get_by_role("button", name="Save draft").click()
        assert "has been updated" in tab.content() or "saved" in tab.content().lower()
    finally:
        context.close()
    draft = ResourcePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [o.number for o in draft.objectives.all()] == [10]
    assert draft.new_edition_of_id == earlier.pk
    assert draft.title == "Trafficking report 2024"
