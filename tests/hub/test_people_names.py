"""Names of people are for members of the network: a signed-in account in no group sees none."""

from __future__ import annotations

from django.test import Client

import pytest

from hub import roles
from tests.hub.publishing import make_user, network_fixture  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def _page(user) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get("/working-groups/labour/")
    assert response.status_code == 200
    return response.content.decode()


def test_twg_people_are_named_to_members_only(network):
    # network.author's first name is "Author"; the chair's "Chair".
    assert "Chair" in _page(network.member) and "Author" in _page(network.member)
    stranger = make_user("stranger")  # signed in, in no group: not admitted to the network
    for user in (None, stranger):
        html = _page(user)
        assert "Members (people)" not in html
        assert ">Author<" not in html and ">Chair<" not in html
    member = make_user("newcomer", roles.role_group(roles.MEMBERS))
    assert "Members (people)" in _page(member)
