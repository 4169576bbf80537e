"""Hits and cards carry their facts: type, date, publishing organisations and language."""

import datetime

from django.template import Context, Template

import pytest

from hub.organisations import Organisation
from library.models import Language, ResourcePage

pytestmark = pytest.mark.django_db


def test_a_resource_card_says_type_date_organisations_and_language(library):
    iom = Organisation.objects.create(
        name="International Organization for Migration", acronym="IOM", slug="iom"
    )
    page = ResourcePage(
        title="Labour migration brief",
        slug="brief",
        summary="s",
        resource_type="policy-brief",
        publication_date=datetime.date(2025, 12, 9),
    )
    library.add_child(instance=page)
    page.organisations.set([iom])
    page.languages.set(Language.objects.filter(code__in=["en"]))
    html = Template("{% load library_tags %}{% page_facts page %}").render(Context({"page": page}))
    assert page.get_resource_type_display() in html
    assert '<time datetime="2025-12-09">9 December 2025</time>' in html
    assert '<abbr title="International Organization for Migration">IOM</abbr>' in html
    assert "English" in html


def test_the_home_page_cards_carry_the_facts(client, library):
    page = ResourcePage(
        title="Remittance costs study",
        slug="remittances",
        summary="s",
        resource_type="study",
        publication_date=datetime.date(2024, 3, 1),
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Remittance costs study" in html
    assert "1 March 2024" in html and page.get_resource_type_display() in html
