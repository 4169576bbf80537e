"""The people and places of the publishing tests: two TWGs, a user in every role, form data."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from hub import roles
from hub.organisations import WorkingGroup
from hub.publishing.models import TwgSectionPage
from library.models import GcmObjective

PASSWORD = "correct horse battery staple"


@dataclass
class Network:
    library: object
    labour: WorkingGroup
    protection: WorkingGroup
    labour_section: TwgSectionPage
    protection_section: TwgSectionPage
    author: object  # member of the labour TWG
    chair: object  # chair of the labour TWG
    other_author: object  # member of the protection TWG (which has no chair)
    secretariat: object
    committee: object
    member: object  # a signed-in network member, no editing


def make_user(username: str, *groups: Group):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.title()
    )
    user.groups.add(*groups)
    return user


@pytest.fixture(name="network")
def network_fixture(library) -> Network:
    labour = WorkingGroup.objects.create(name="Labour Migration", slug="labour")
    protection = WorkingGroup.objects.create(name="Protection", slug="protection")
    labour.refresh_from_db()
    protection.refresh_from_db()
    return Network(
        library=library,
        labour=labour,
        protection=protection,
        labour_section=TwgSectionPage.objects.get(working_group=labour),
        protection_section=TwgSectionPage.objects.get(working_group=protection),
        author=make_user("author", labour.group),
        chair=make_user("chair", labour.group, labour.chairs_group),
        other_author=make_user("other", protection.group),
        secretariat=make_user("secretariat", roles.role_group(roles.SECRETARIAT)),
        committee=make_user("committee", roles.role_group(roles.EXECUTIVE_COMMITTEE)),
        member=make_user("member", roles.role_group(roles.MEMBERS)),
    )


def resource_form(**overrides) -> dict:
    """A complete resource as the admin's create/edit form posts it."""
    fields = {
        "title": "Fair recruitment in the Great Lakes",
        "slug": "fair-recruitment",
        "summary": "What fair recruitment asks of employers and agencies.",
        "resource_type": "policy-paper",
        "body": streamfield([]),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        "tagged_themes": "",
    }
    fields.update(overrides)
    data = nested_form_data(fields)
    if "objectives" not in overrides:
        data["objectives"] = [GcmObjective.objects.get(number=6).pk]
    return data


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("library", "resourcepage", parent.pk))


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def login(client, user):
    client.force_login(user)
    return client
