"""The demo loads a realistic network, and loading it twice creates nothing twice."""

from io import StringIO

from django.core.management import call_command

import pytest

from hub.demo.catalogue import COLLECTIONS, RESOURCES
from hub.organisations import Organisation, WorkingGroup
from library.models import CollectionPage, HubDocument, ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("HUB_ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_loads_a_realistic_network(seeded):
    assert ResourcePage.objects.live().count() == len(RESOURCES) >= 40
    objectives = set(ResourcePage.objects.values_list("objectives__number", flat=True))
    assert len(objectives - {None}) >= 15
    assert Organisation.objects.filter(member=True, kind="un").count() == 8
    assert set(
        Organisation.objects.filter(executive_committee=True).values_list("acronym", flat=True)
    ) == {"RCO", "IOM", "UNICEF", "UNHCR", "WFP", "WHO"}
    assert Organisation.objects.exclude(kind="un").exists()
    assert 2 <= WorkingGroup.objects.count() <= 4
    assert CollectionPage.objects.live().count() == len(COLLECTIONS) >= 3
    documents = HubDocument.objects.all()
    assert documents.filter(file__endswith=".pdf").exists()
    assert documents.filter(file__endswith=".docx").exists()
    assert documents.exclude(extraction_status="extracted").count() == 0
    assert all(document.page_count >= 2 for document in documents)


def test_seed_is_idempotent_and_prints_the_admin_login(seeded, tmp_path):
    assert "User:    admin" in seeded and "Password: " in seeded
    counts = (
        ResourcePage.objects.count(),
        HubDocument.objects.count(),
        CollectionPage.objects.count(),
        Organisation.objects.count(),
    )
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "nothing created" in out.getvalue()
    assert counts == (
        ResourcePage.objects.count(),
        HubDocument.objects.count(),
        CollectionPage.objects.count(),
        Organisation.objects.count(),
    )
    password = (tmp_path / "demo-admin-password.txt").read_text().strip()
    assert f"Password: {password}" in out.getvalue()


def test_admin_password_can_come_from_the_environment(settings, tmp_path, monkeypatch, client):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("HUB_ADMIN_PASSWORD", "a-demo-password-42")
    call_command("seed_demo", stdout=StringIO())
    assert client.login(username="admin", password="a-demo-password-42")


def test_demo_pages_render_and_search_finds_words_inside_files(seeded, client, search_backend):
    from search.indexing import sync_resources

    sync_resources(list(ResourcePage.objects.values_list("pk", flat=True)))
    for url in ["/", "/library/", "/collections/"]:
        assert client.get(url).status_code == 200, url
    for page in ResourcePage.objects.live()[:10]:
        assert client.get(page.url).status_code == 200, page.url
    for collection in CollectionPage.objects.live():
        assert client.get(collection.url).status_code == 200, collection.url
    response = client.get("/search/", {"q": "Isange"})
    assert "page 2" in response.content.decode()
