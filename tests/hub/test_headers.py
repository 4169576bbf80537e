"""Every HTML page carries a strict Content-Security-Policy (no inline script anywhere on the site)
and a Permissions-Policy; the site's HTML keeps to it."""

from __future__ import annotations

import re

from django.contrib.auth.models import Group, User
from django.test import Client

import pytest

from library.pages import ResourcePage

pytestmark = pytest.mark.django_db

SITE_PAGES = (
    "/",
    "/library/",
    "/library/csp-paper/",
    "/search/?q=migration",
    "/objectives/",
    "/organisations/",
    "/working-groups/",
    "/meetings/",
    "/governance/decisions/",
    "/governance/coverage/",
    "/sign-in/",
    "/no-such-page/",
)


def _directives(header: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in header.split(";")
        if part.strip()
    }


def _assert_no_inline_behaviour(path: str, html: str) -> None:
    for script in re.findall(r"<script\b[^>]*>", html, flags=re.I):
        # Data blocks (JSON, schema.org JSON-LD) are not run; every script that runs comes from
        # a file.
        assert "src=" in script or any(
            f'type="{kind}"' in script for kind in ("application/json", "application/ld+json")
        ), (path, script)
    assert not re.search(r"\son[a-z]+\s*=", html, flags=re.I), path
    assert "javascript:" not in html.lower(), path
    assert not re.search(r"\sstyle\s*=", html, flags=re.I), path
    assert "<style" not in html.lower(), path


@pytest.fixture
def site(library):
    page = library.add_child(
        instance=ResourcePage(title="CSP paper", slug="csp-paper", summary="Migration.")
    )
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_site_page_has_a_strict_policy_and_keeps_to_it(site, signed_in):
    client = Client()
    if signed_in:
        member = User.objects.create_user("member", password="x")
        member.groups.add(Group.objects.get_or_create(name="Members")[0])
        client.force_login(member)
    for path in SITE_PAGES:
        response = client.get(path)
        if signed_in and path == "/sign-in/":
            continue  # redirected: already signed in
        assert response.status_code in (200, 404), path
        policy = _directives(response["Content-Security-Policy"])
        assert policy["script-src"] == "'self'", path
        assert policy["style-src"] == "'self'", path
        assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'", path
        assert "unsafe" not in response["Content-Security-Policy"], path
        assert "camera=()" in response["Permissions-Policy"], path
        _assert_no_inline_behaviour(path, response.content.decode())


def test_the_admin_has_a_policy_too_and_documents_keep_their_own(admin_client):
    response = admin_client.get("/admin/")
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert "Permissions-Policy" in response
    json_response = Client().get("/health/")
    assert "Content-Security-Policy" not in json_response
    assert "Permissions-Policy" in json_response
