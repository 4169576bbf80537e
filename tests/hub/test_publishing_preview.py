"""A draft's preview link: shared by its author, read by anyone holding it, for a week."""

from __future__ import annotations

import datetime
import re

from django.core import signing
from django.test import Client
from django.urls import reverse

import pytest

from hub.publishing import preview
from library.models import ResourcePage

from .publishing import add_url, edit_url, login, network_fixture, resource_form  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(network):
    author = login(Client(), network.author)
    author.post(add_url(network.labour_section), resource_form())
    page = ResourcePage.objects.get(slug="fair-recruitment")
    # A later draft: the link must show this one.
    author.post(edit_url(page), resource_form(summary="The second draft's summary."))
    return page


def _link(client: Client, page) -> str:
    response = client.get(reverse("hub_share_preview", args=(page.pk,)))
    assert response.status_code == 200
    return re.search(r'value="(http[^"]+/shared-preview/[^"]+)"', response.content.decode())[1]


def test_the_author_shares_a_link_that_anyone_can_read(network, draft):
    author = login(Client(), network.author)
    edit = author.get(edit_url(draft)).content.decode()
    assert reverse("hub_share_preview", args=(draft.pk,)) in edit  # in the header menu
    link = _link(author, draft)

    assert Client().get(draft.url).status_code == 404  # the draft is not on the site
    response = Client().get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fair recruitment in the Great Lakes" in html
    assert "The second draft&#x27;s summary." in html or "The second draft's summary." in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    # Read-only: nothing can be posted through it.
    assert Client().post(link, {"title": "x"}).status_code == 405


def test_only_those_who_may_edit_or_review_get_a_link(network, draft):
    other = login(Client(), network.other_author)
    response = other.get(reverse("hub_share_preview", args=(draft.pk,)), follow=True)
    assert "do not have permission" in response.content.decode()
    member = login(Client(), network.member)
    assert member.get(reverse("hub_share_preview", args=(draft.pk,))).status_code == 302


def test_tampered_and_expired_links_say_so(network, draft, monkeypatch):
    token = preview.make_token(draft)
    tampered = Client().get(reverse("share_preview", args=[token[:-2] + "xx"]))
    assert tampered.status_code == 404
    assert "not valid" in tampered.content.decode()
    assert tampered["X-Robots-Tag"] == "noindex, nofollow"

    monkeypatch.setattr(preview, "MAX_AGE", datetime.timedelta(seconds=-1))
    expired = Client().get(reverse("share_preview", args=[token]))
    assert expired.status_code == 410
    assert "expired" in expired.content.decode()


def test_a_link_to_a_deleted_page_is_not_found(network, draft):
    token = preview.make_token(draft)
    draft.delete()
    assert Client().get(reverse("share_preview", args=[token])).status_code == 404


def test_a_token_signed_for_something_else_is_refused(network, draft):
    foreign = signing.dumps({"page": draft.pk}, salt="another.purpose")
    assert Client().get(reverse("share_preview", args=[foreign])).status_code == 404
