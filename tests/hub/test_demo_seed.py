"""The demo loads a working library, and loading it twice creates nothing twice."""

from io import StringIO

from django.core.management import call_command

import pytest

from hub.demo.content import RESOURCES
from library.models import HubDocument, ResourcePage

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_prints_the_admin_login(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("HUB_ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("seed_demo", stdout=out)
    first = out.getvalue()
    assert "User:    admin" in first and "Password: " in first
    assert ResourcePage.objects.live().count() == len(RESOURCES)
    assert HubDocument.objects.filter(extraction_status="extracted").count() == len(RESOURCES)

    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "nothing created" in out.getvalue()
    assert ResourcePage.objects.count() == len(RESOURCES)
    assert HubDocument.objects.count() == len(RESOURCES)
    password = (tmp_path / "demo-admin-password.txt").read_text().strip()
    assert f"Password: {password}" in out.getvalue()


def test_admin_password_can_come_from_the_environment(settings, tmp_path, monkeypatch, client):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("HUB_ADMIN_PASSWORD", "a-demo-password-42")
    call_command("seed_demo", stdout=StringIO())
    assert client.login(username="admin", password="a-demo-password-42")


def test_home_page_and_library_render(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", stdout=StringIO())
    home = client.get("/")
    assert home.status_code == 200
    assert "Labour migration from Rwanda" in home.content.decode()
    assert client.get("/library/").status_code == 200
    resource = ResourcePage.objects.get(slug="remittances-financial-inclusion-study")
    page = client.get(resource.url)
    assert page.status_code == 200 and "Full text (PDF)" in page.content.decode()
