"""A restricted page answers exactly as an unknown address, to anyone who may not see it."""

from __future__ import annotations

import re

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from library.pages import ResourcePage
from tests.hub.publishing import make_user

pytestmark = pytest.mark.django_db


def _answer(client: Client, path: str) -> tuple[int, str]:
    response = client.get(path)
    # The page names its own address (the sign-in link's way back), and a signed-in viewer's
    # sign-out form carries a fresh CSRF token each time: compare without them.
    html = response.content.decode().replace(path, "<path>")
    return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


@pytest.mark.parametrize("restriction", ["login", "groups"])
def test_restricted_and_unknown_addresses_answer_the_same(library, restriction):
    group = Group.objects.create(name="Restricted readers")
    page = library.add_child(
        instance=ResourcePage(title="Hidden notes", slug="hidden", summary="x")
    )
    page.save_revision().publish()
    made = PageViewRestriction.objects.create(page=page, restriction_type=restriction)
    if restriction == "groups":
        made.groups.set([group])
    unknown = page.url.replace("hidden", "hidden-nope")

    outsider = make_user("outsider", Group.objects.create(name="Other group"))
    viewers = [None, make_user("no-group")]
    if restriction == "groups":
        viewers.append(outsider)  # (for "login", any member of the network may see it)
    for user in viewers:
        client = Client()
        if user is not None:
            client.force_login(user)
        restricted_answer, unknown_answer = _answer(client, page.url), _answer(client, unknown)
        assert restricted_answer[0] == 404, user
        assert restricted_answer == unknown_answer, user
        assert "Hidden notes" not in restricted_answer[1]
    # Anonymous visitors are offered the sign-in page, and come back to the page after it.
    html = Client().get(page.url).content.decode()
    assert f"/sign-in/?next={page.url}" in html
    reader = make_user("reader", group, Group.objects.get_or_create(name="Members")[0])
    client = Client()
    client.force_login(reader)
    assert client.get(page.url).status_code == 200
