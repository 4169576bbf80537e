"""Hardening: sign-in attempts are rate-limited, request bodies and file counts are capped."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


def sign_in(client: Client, password: str):
    return client.post("/admin/login/", {"username": "editor", "password": password})


def test_sign_in_pauses_after_repeated_failures_with_a_clear_message(settings):
    settings.HUB_LOGIN_ATTEMPTS = 3
    User.objects.create_superuser("editor", password="right-password-1")
    client = Client()
    for _ in range(3):
        response = sign_in(client, "wrong")
        assert response.status_code == 200
        assert "Too many failed" not in response.content.decode()

    response = sign_in(client, "right-password-1")

    assert response.status_code == 200  # the form again, not the dashboard
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_pause_applies_to_every_sign_in_path(settings):
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    settings.HUB_LOGIN_ATTEMPTS = 2
    User.objects.create_user("editor", password="right-password-1")
    request = RequestFactory().post("/django-admin/login/")
    for _ in range(2):
        assert authenticate(request, username="editor", password="wrong") is None

    assert authenticate(request, username="editor", password="right-password-1") is None
    # Another address is not paused.
    other = RequestFactory().post("/django-admin/login/", REMOTE_ADDR="10.0.0.9")
    assert authenticate(other, username="editor", password="right-password-1") is not None


def test_a_successful_sign_in_resets_the_count(settings):
    settings.HUB_LOGIN_ATTEMPTS = 3
    User.objects.create_superuser("editor", password="right-password-1")
    client = Client()
    sign_in(client, "wrong")
    sign_in(client, "wrong")
    assert sign_in(client, "right-password-1").status_code == 302
    client.logout()
    sign_in(client, "wrong")
    sign_in(client, "wrong")
    assert sign_in(client, "right-password-1").status_code == 302


def test_an_oversized_request_is_refused_before_it_is_read(client, settings):
    settings.HUB_MAX_REQUEST_BYTES = 1024
    response = client.generic(
        "POST", "/admin/login/", b"x" * 2048, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_too_many_files_in_one_request_is_a_clear_400(client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    files = {f"file{n}": SimpleUploadedFile(f"f{n}.txt", b"x") for n in range(3)}
    response = client.post("/admin/login/", {"username": "x", "password": "y", **files})
    assert response.status_code == 400


def test_members_sign_in_on_the_site_and_are_told_when_attempts_are_paused(settings, library):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from library.pages import ResourcePage

    settings.HUB_LOGIN_ATTEMPTS = 2
    member = User.objects.create_user("member", password="right-password-1")
    member.groups.add(Group.objects.get_or_create(name="Members")[0])
    page = library.add_child(
        instance=ResourcePage(title="Members notes", slug="notes", summary="x")
    )
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    client = Client()

    # A restricted page answers as an unknown one (404), offering the members' sign-in page (not
    # the admin's) with the way back to the page.
    response = client.get(page.url)
    assert response.status_code == 404
    sign_in_link = f"/sign-in/?next={page.url}"
    assert sign_in_link in response.content.decode()
    form = client.get(sign_in_link)
    assert form.status_code == 200 and "Sign in" in form.content.decode()

    for _ in range(2):
        client.post("/sign-in/", {"username": "member", "password": "wrong"})
    paused = client.post("/sign-in/", {"username": "member", "password": "right-password-1"})
    assert "Too many failed sign-in attempts" in paused.content.decode()

    cache.clear()
    signed_in = client.post(
        "/sign-in/", {"username": "member", "password": "right-password-1", "next": page.url}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == page.url
    shown = client.get(page.url)
    assert shown.status_code == 200
    assert "private" in shown["Cache-Control"]
    assert "Signed in as member" in shown.content.decode()
