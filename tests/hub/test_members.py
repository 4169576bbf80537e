"""Signing in lands a member where they were, or on a start page with their groups' work."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from django.utils.text import slugify

import pytest

from governance.models import MeetingIndexPage, MeetingPage
from hub.organisations import WorkingGroup
from library.models import ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(library):
    user = get_user_model().objects.create_user("amina", password="right-password-1")
    user.groups.add(Group.objects.get_or_create(name="Members")[0])
    return user


def resource(library, title: str, **fields) -> ResourcePage:
    page = ResourcePage(title=title, slug=slugify(title), summary="s", **fields)
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


def sign_in(client, data: dict, **headers):
    payload = {"username": "amina", "password": "right-password-1", **data}
    return client.post("/sign-in/", payload, **headers)


def test_signing_in_from_the_sign_in_page_lands_on_the_start_page(client, member):
    page = client.get("/sign-in/")
    assert page.status_code == 200
    response = sign_in(client, {"next": page.context["next"]})
    assert response.status_code == 302
    assert response["Location"] == "/start/"
    start = client.get("/start/")
    assert start.status_code == 200
    html = start.content.decode()
    assert "Signed in as amina" in html and "Sign out" in html


def test_signing_in_returns_to_the_page_the_member_came_from(client, member):
    page = client.get("/sign-in/", HTTP_REFERER="http://testserver/library/?objective=6")
    assert page.context["next"] == "/library/?objective=6"
    response = sign_in(client, {"next": page.context["next"]})
    assert response["Location"] == "/library/?objective=6"


def test_the_header_link_keeps_its_next_and_other_sites_are_ignored(client, member):
    assert sign_in(client, {"next": "/collections/"})["Location"] == "/collections/"
    client.logout()
    page = client.get("/sign-in/", HTTP_REFERER="https://evil.example/steal")
    assert page.context["next"] == ""
    assert sign_in(client, {"next": "https://evil.example/"})["Location"] == "/start/"


def test_the_start_page_shows_the_members_groups_work_and_upcoming_meetings(
    client, library, member
):
    twg = WorkingGroup.objects.create(name="Labour Migration TWG", slug="labour")
    member.groups.add(twg.group)
    resource(library, "Recruitment fees brief", working_group=twg)
    resource(library, "Unrelated news")
    index = MeetingIndexPage(title="Meetings", slug="meetings")
    library.get_parent().add_child(instance=index)
    soon = timezone.localdate() + datetime.timedelta(days=10)
    meeting = MeetingPage(title="Second quarterly meeting", date=soon)
    index.add_child(instance=meeting)
    meeting.save_revision().publish()
    past = MeetingPage(title="Old meeting", date=soon - datetime.timedelta(days=400))
    index.add_child(instance=past)
    past.save_revision().publish()

    client.force_login(member)
    html = client.get("/start/").content.decode()
    assert "Latest from your working groups" in html
    assert "Recruitment fees brief" in html and "Unrelated news" not in html
    assert "Labour Migration TWG" in html
    assert "Second quarterly meeting" in html and "Old meeting" not in html


def test_the_start_page_asks_visitors_to_sign_in(client, library):
    response = client.get("/start/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=/start/")
