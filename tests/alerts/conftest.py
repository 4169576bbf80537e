"""Alerts tests: resources, subscribers and a clock to send digests at."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group, User
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import PageViewRestriction

import pytest

from alerts.models import Alert, Frequency
from library.pages import ResourcePage
from library.taxonomy import GcmObjective
from search.indexing import sync_resources

LONG_AGO = datetime.timedelta(days=3)


def publish(library, title: str, summary: str = "", *, objective: int = 6, group=None):
    """A live resource, indexed (as the worker would), restricted to `group` when given."""
    page = ResourcePage(title=title, slug=slugify(title), summary=summary or title)
    library.add_child(instance=page)
    page.objectives = [GcmObjective.objects.get(number=objective)]
    page.save_revision().publish()
    if group is not None:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
        restriction.groups.set([group])
    sync_resources([page.pk])
    return ResourcePage.objects.get(pk=page.pk)


def unpublish(page) -> None:
    page.unpublish()
    sync_resources([page.pk])


def visitor_alert(email: str, query: str = "", **fields) -> Alert:
    confirmed = timezone.now() - LONG_AGO
    defaults = {
        "name": query or "Everything",
        "query": query,
        "frequency": Frequency.DAILY,
        "confirmed_at": confirmed,
        "covered_until": confirmed,
    }
    defaults.update(fields)
    return Alert.objects.create(email=email, **defaults)


def member_alert(user, query: str = "", **fields) -> Alert:
    created = timezone.now() - LONG_AGO
    defaults = {
        "name": query or "Everything",
        "query": query,
        "frequency": Frequency.DAILY,
        "confirmed_at": created,
        "covered_until": created,
    }
    defaults.update(fields)
    return Alert.objects.create(user=user, **defaults)


def member(username: str, *groups: Group) -> User:
    user = User.objects.create_user(username, email=f"{username}@example.org", password="pw-x-1")
    user.groups.add(Group.objects.get_or_create(name="Members")[0], *groups)
    return user


def later(hours: float = 1) -> datetime.datetime:
    """A moment after everything the test published (so it is in the digest's window)."""
    return timezone.now() + datetime.timedelta(hours=hours)


@pytest.fixture
def twg(db) -> Group:
    return Group.objects.create(name="TWG members: Labour migration")
