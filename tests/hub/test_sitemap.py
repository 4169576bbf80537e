"""/sitemap.xml lists every live, public page and every entity page, and nothing else."""

from __future__ import annotations

from django.utils.text import slugify

from wagtail.models import PageViewRestriction

import pytest

from hub.organisations import Organisation, WorkingGroup
from library.models import GcmObjective, GuidingPrinciple, ResourcePage

pytestmark = pytest.mark.django_db


def _resource(library, title: str, *, live: bool = True) -> ResourcePage:
    page = ResourcePage(title=title, slug=slugify(title), summary=title, live=live)
    library.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def test_sitemap_lists_public_pages_and_entities_only(client, library):
    public = _resource(library, "Public report")
    _resource(library, "Draft report", live=False)
    restricted = _resource(library, "Restricted report")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    Organisation.objects.create(name="IOM", slug="iom", member=True)
    WorkingGroup.objects.create(name="Data TWG", slug="data-twg")

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    xml = response.content.decode()
    assert "/library/</loc>" in xml
    assert f"{public.url}</loc>" in xml
    assert "draft-report" not in xml and "restricted-report" not in xml
    for objective in GcmObjective.objects.all():
        assert f"{objective.get_absolute_url()}</loc>" in xml
    for principle in GuidingPrinciple.objects.all():
        assert f"{principle.get_absolute_url()}</loc>" in xml
    assert "/organisations/iom/</loc>" in xml
    assert "/working-groups/data-twg/</loc>" in xml
    assert xml.count("<url>") == 2 + 1 + 23 + 10 + 1 + 1  # home, library, public report, ...


def test_restricting_a_section_hides_everything_below_it(client, library):
    _resource(library, "Inside the library")
    PageViewRestriction.objects.create(
        page=library, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    xml = client.get("/sitemap.xml").content.decode()
    assert "/library/" not in xml and "inside-the-library" not in xml
    assert "/objectives/1/" in xml
