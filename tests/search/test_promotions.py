"""Promoted results: pinned resources first on page 1 of an exact query, marked "Recommended"."""

import re

from wagtail.models import PageViewRestriction

import pytest

from search.models import PromotedResult
from search.promotions import promoted_pages

from .records import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(search_backend, library):
    from library.models import ResourcePage

    made = []
    for n, title in enumerate(
        [
            "Remittance costs brief",
            "Remittance corridors study",
            "Diaspora bonds",  # not found by the words: only shown when promoted
            "Secret remittance memo",
            "Draft remittance note",
        ],
        start=1,
    ):
        page = ResourcePage(title=title, slug=f"r-{n}", summary=f"Summary {n}.")
        library.add_child(instance=page)
        made.append(page)
    PageViewRestriction.objects.create(page=made[3], restriction_type=PageViewRestriction.LOGIN)
    made[4].unpublish()
    search_backend.index([record(page.pk, page.title) for page in made])
    return made


def hit_titles(html: str) -> list[str]:
    items = re.findall(r'<li class="hit[^"]*">(.*?)</li>\s*(?=<li class="hit|</ol>)', html, re.S)
    return [re.sub(r"<[^>]+>", "", re.search(r"<h2>(.*?)</h2>", item, re.S)[1]) for item in items]


def test_promoted_resources_come_first_marked_and_not_repeated(client, pages):
    PromotedResult.objects.create(query="  Remittance ", page=pages[2], sort_order=1, note="Key")
    PromotedResult.objects.create(query="remittance", page=pages[1], sort_order=2)
    assert PromotedResult.objects.filter(query="remittance").count() == 2  # normalised
    html = client.get("/search/", {"q": "REMITTANCE"}).content.decode()
    titles = hit_titles(html)
    assert titles[:2] == ["Diaspora bonds", "Remittance corridors study"]
    assert titles.count("Remittance corridors study") == 1
    assert "Remittance costs brief" in titles
    assert html.count('class="recommended"') == 2
    assert "Recommended" in html and "Key" in html


def test_restricted_and_unpublished_pages_are_never_promoted(client, pages):
    PromotedResult.objects.create(query="remittance", page=pages[3], sort_order=1)
    PromotedResult.objects.create(query="remittance", page=pages[4], sort_order=2)
    assert promoted_pages("remittance") == []
    html = client.get("/search/", {"q": "remittance"}).content.decode()
    assert "Recommended" not in html
    assert "Secret remittance memo" not in html and "Draft remittance note" not in html


def test_other_queries_and_later_pages_show_no_promotion(client, pages):
    PromotedResult.objects.create(query="remittance", page=pages[2], sort_order=1)
    html = client.get("/search/", {"q": "remittance costs"}).content.decode()
    assert "Recommended" not in html and "Diaspora bonds" not in html
    html = client.get("/search/", {"q": "remittance", "per_page": "1", "page": "2"}).content
    assert b"Recommended" not in html and b"Diaspora bonds" not in html


@pytest.mark.parametrize("model", ["synonymgroup", "promotedresult"])
def test_editors_manage_synonyms_and_promotions_in_the_admin(admin_client, library, model):
    from django.urls import reverse

    for name in ("list", "add"):
        url = reverse(f"wagtailsnippets_hub_search_{model}:{name}")
        assert admin_client.get(url).status_code == 200


def test_a_synonym_group_saved_in_the_admin_works_at_once(admin_client, library):
    from django.urls import reverse

    from search.synonyms import synonym_groups

    synonym_groups()  # cached
    response = admin_client.post(
        reverse("wagtailsnippets_hub_search_synonymgroup:add"),
        {"terms": "asylum seeker\nrefugee claimant", "note": ""},
    )
    assert response.status_code == 302
    assert ["asylum seeker", "refugee claimant"] in synonym_groups()
