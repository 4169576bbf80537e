"""Who may do what in the admin: the permission matrix of every role, and TWG groups' lifecycle."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import GroupPagePermission, WorkflowPage

import pytest

from hub import roles, workflow
from hub.organisations import WorkingGroup, WorkingGroupStatus
from hub.publishing.models import TwgSectionPage
from library.models import GcmObjective, ResourcePage

from .publishing import add_url, edit_url, login, network_fixture, resource_form  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def _draft(parent, slug: str, title: str) -> ResourcePage:
    page = ResourcePage(title=title, slug=slug, summary="s", live=False)
    parent.add_child(instance=page)
    page.objectives.set([GcmObjective.objects.get(number=6)])
    page.save_revision()
    return page


@pytest.fixture
def drafts(network):
    return {
        "labour": _draft(network.labour_section, "labour-draft", "Labour draft on wages"),
        "protection": _draft(network.protection_section, "protection-draft", "Protection draft"),
        "network": _draft(network.library, "network-draft", "Network draft on wages"),
    }


def test_role_groups_exist_with_their_rights(db):
    for name in roles.ROLE_GROUPS:
        assert Group.objects.filter(name=name).exists()
    secretariat = Group.objects.get(name=roles.SECRETARIAT)
    codenames = set(secretariat.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_workinggroup", "change_gcmobjective", "add_user"} <= codenames
    assert GroupPagePermission.objects.filter(
        group=secretariat, page__depth=1, permission__codename="publish_page"
    ).exists()
    committee = Group.objects.get(name=roles.EXECUTIVE_COMMITTEE)
    assert committee.permissions.filter(codename="access_admin").exists()
    assert not GroupPagePermission.objects.filter(group=committee).exists()
    members = Group.objects.get(name=roles.MEMBERS)
    assert not members.permissions.exists()


def test_a_new_twg_gets_groups_a_section_rights_and_a_workflow(network):
    labour = network.labour
    assert labour.group.name == "TWG members: Labour Migration"
    assert labour.chairs_group.name == "TWG chairs: Labour Migration"
    section = network.labour_section
    assert section.get_parent().pk == network.library.pk
    rights = set(
        GroupPagePermission.objects.filter(group=labour.group).values_list(
            "page_id", "permission__codename"
        )
    )
    assert rights == {(section.pk, "add_page"), (section.pk, "change_page")}
    workflow = WorkflowPage.objects.get(page=section).workflow
    assert [t.name for t in workflow.tasks.order_by("workflow_tasks__sort_order")] == [
        "TWG chair review: Labour Migration",
        "Secretariat approval",
    ]
    assert WorkflowPage.objects.get(page=network.library).workflow.name == "Network publication"


def test_closing_a_twg_archives_its_groups_and_reopening_restores_them(network):
    labour = network.labour
    labour.status = WorkingGroupStatus.CLOSED
    labour.save()
    labour.refresh_from_db()
    assert labour.group.name == "Closed TWG members: Labour Migration"
    assert not GroupPagePermission.objects.filter(group=labour.group).exists()
    assert not labour.group.permissions.exists()
    assert list(labour.group.user_set.all()) == [network.author, network.chair]  # the record

    client = login(Client(), network.author)
    assert client.get(add_url(network.labour_section)).status_code == 302  # no admin any more
    # Papers still in review fall to the Secretariat at the chair step.
    chair_step = workflow.chair_task(network.labour_section)
    assert not chair_step.groups.exists()
    assert network.secretariat.groups.filter(pk__in=chair_step.acting_groups()).exists()

    labour.status = WorkingGroupStatus.ACTIVE
    labour.save()
    assert client.get(add_url(network.labour_section)).status_code == 200
    assert list(chair_step.groups.all()) == [labour.chairs_group]


def test_renaming_a_twg_renames_its_groups_section_and_chair_step(network):
    labour = network.labour
    labour.name = "Labour Mobility"
    labour.save()
    labour.refresh_from_db()
    assert labour.group.name == "TWG members: Labour Mobility"
    assert TwgSectionPage.objects.get(pk=network.labour_section.pk).title == "Labour Mobility"
    workflow = WorkflowPage.objects.get(page=network.labour_section).workflow
    assert workflow.tasks.filter(name="TWG chair review: Labour Mobility").exists()


def test_a_twg_created_in_the_admin_by_the_secretariat_gets_its_section(network):
    client = login(Client(), network.secretariat)
    url = reverse("wagtailsnippets_hub_workinggroup:add")
    response = client.post(
        url, {"name": "Climate Mobility", "slug": "climate", "status": "active", "description": ""}
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    climate = WorkingGroup.objects.get(slug="climate")
    assert climate.group is not None
    assert TwgSectionPage.objects.filter(working_group=climate).exists()


# ---------------------------------------------------------------------------------------------
# The matrix: each role against the admin's views


def _status(client: Client, url: str) -> int:
    return client.get(url).status_code


def test_anonymous_and_members_have_no_admin(network, drafts):
    anonymous = Client()
    assert _status(anonymous, reverse("wagtailadmin_home")) == 302
    member = login(Client(), network.member)
    response = member.get(reverse("wagtailadmin_home"), follow=True)
    assert "You do not have permission to access the admin" in response.content.decode()
    assert _status(member, edit_url(drafts["labour"])) == 302


def test_twg_member_works_in_their_section_only(network, drafts):
    client = login(Client(), network.author)
    assert _status(client, add_url(network.labour_section)) == 200
    assert _status(client, edit_url(drafts["labour"])) == 200
    # Another TWG's section and drafts, and the library itself: refused.
    for url in (
        add_url(network.protection_section),
        add_url(network.library),
        edit_url(drafts["protection"]),
        edit_url(drafts["network"]),
    ):
        response = client.get(url, follow=True)
        assert response.redirect_chain, url
        assert "do not have permission" in response.content.decode(), url
    # Attachments: they may upload documents.
    assert _status(client, reverse("wagtaildocs:add")) == 200
    # Posting a page into another section does not create it.
    response = client.post(add_url(network.protection_section), resource_form(slug="sneaky"))
    assert not ResourcePage.objects.filter(slug="sneaky").exists()


def test_twg_member_cannot_publish_directly(network, drafts):
    client = login(Client(), network.author)
    data = resource_form(title="Labour draft on wages", slug="labour-draft")
    data["action-publish"] = "publish"
    client.post(edit_url(drafts["labour"]), data)
    assert not ResourcePage.objects.get(pk=drafts["labour"].pk).live


def test_twg_member_cannot_find_other_drafts_in_the_admin(network, drafts):
    client = login(Client(), network.author)
    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "draft"}).content.decode()
    assert "Labour draft on wages" in html
    assert "Protection draft" not in html
    assert "Network draft on wages" not in html
    explorer = client.get(reverse("wagtailadmin_explore", args=(network.library.pk,)))
    assert "Protection draft" not in explorer.content.decode()
    other = client.get(reverse("wagtailadmin_explore", args=(network.protection_section.pk,)))
    assert "Protection draft" not in other.content.decode()


def test_twg_member_cannot_move_pages_out_of_their_section(network, drafts):
    client = login(Client(), network.author)
    page = drafts["labour"]
    for destination in (network.library, network.protection_section):
        url = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, destination.pk))
        client.post(url, follow=True)
        page.refresh_from_db()
        assert page.get_parent().pk == network.labour_section.pk


def test_chair_edits_in_their_section_and_reviews_its_papers(network, drafts):
    client = login(Client(), network.chair)
    assert _status(client, edit_url(drafts["labour"])) == 200
    assert client.get(edit_url(drafts["protection"])).status_code == 302


def test_secretariat_manages_everything_in_the_library(network, drafts):
    client = login(Client(), network.secretariat)
    for page in drafts.values():
        assert _status(client, edit_url(page)) == 200
    assert _status(client, add_url(network.library)) == 200
    for name in (
        "wagtailsnippets_hub_workinggroup:list",
        "wagtailsnippets_hub_organisation:list",
        "wagtailsnippets_library_gcmobjective:list",
        "wagtailusers_users:index",
        "wagtaildocs:index",
        "wagtailadmin_workflows:index",
    ):
        assert _status(client, reverse(name)) == 200, name
    # The reviewers of a TWG's chair step can be changed in the admin (Workflows → Tasks).
    chair_step = workflow.chair_task(network.labour_section)
    task_url = reverse("wagtailadmin_workflows:edit_task", args=(chair_step.pk,))
    html = client.get(task_url).content.decode()
    assert "fallback reviewers" in html.lower()
    data = resource_form(title="Network draft on wages", slug="network-draft")
    data["action-publish"] = "publish"
    client.post(edit_url(drafts["network"]), data)
    assert ResourcePage.objects.get(pk=drafts["network"].pk).live


def test_executive_committee_reviews_network_publications_but_edits_nothing(network, drafts):
    client = login(Client(), network.committee)
    assert _status(client, reverse("wagtailadmin_home")) == 200
    assert client.get(edit_url(drafts["network"])).status_code == 302
    assert client.get(reverse("wagtailsnippets_hub_workinggroup:list")).status_code == 302

    # A network-level paper submitted by the Secretariat comes to the committee.
    secretariat = login(Client(), network.secretariat)
    data = resource_form(title="Network draft on wages", slug="network-draft")
    data["action-submit"] = "submit"
    secretariat.post(edit_url(drafts["network"]), data)
    page = ResourcePage.objects.get(pk=drafts["network"].pk)
    task_state = page.current_workflow_task_state
    assert task_state.task.name == "Executive Committee approval"
    assert _status(client, edit_url(page)) == 200  # reviewers may open what they review
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})
    assert ResourcePage.objects.get(pk=page.pk).live


def test_the_demo_users_each_hold_their_role(library, settings, tmp_path):
    from hub.demo.seed import DEMO_TWG, SeedReport, ensure_demo_users

    settings.VAR_DIR = tmp_path
    twg = WorkingGroup.objects.create(name="TWG on Labour Migration and Skills", slug=DEMO_TWG)
    report = SeedReport()
    ensure_demo_users(report)
    password = (tmp_path / "demo-users-password.txt").read_text().strip()
    assert report.demo_users_password == password
    twg.refresh_from_db()
    section = TwgSectionPage.objects.get(working_group=twg)

    author = Client()
    assert author.login(username="twg-author", password=password)
    assert author.get(add_url(section)).status_code == 200
    chair = Client()
    assert chair.login(username="twg-chair", password=password)
    assert twg.chairs_group.user_set.filter(username="twg-chair").exists()
    secretariat = Client()
    assert secretariat.login(username="secretariat", password=password)
    assert secretariat.get(add_url(library)).status_code == 200

    # Again: nothing new, same password.
    again = SeedReport()
    ensure_demo_users(again)
    assert again.demo_users_password == password
    assert not [item for item in again.created if item.startswith("demo user")]


def test_the_page_chooser_hides_other_twgs_drafts(network, drafts):
    client = login(Client(), network.author)
    browse = client.get(
        reverse("wagtailadmin_choose_page_child", args=(network.protection_section.pk,))
    )
    assert browse.status_code == 200
    assert "Protection draft" not in browse.content.decode()
    library = client.get(reverse("wagtailadmin_choose_page_child", args=(network.library.pk,)))
    assert "Network draft on wages" not in library.content.decode()
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "draft"})
    assert search.status_code == 200
    html = search.content.decode()
    assert "Labour draft on wages" in html  # their own drafts: yes
    assert "Protection draft" not in html and "Network draft on wages" not in html

    # Published pages stay choosable by everyone ("new edition of", related resources).
    drafts["protection"].save_revision().publish()
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "draft"})
    assert "Protection draft" in search.content.decode()


def test_a_group_name_already_taken_is_not_reused(library):
    Group.objects.create(name="TWG members: Migration Data")  # made by hand, before the TWG
    twg = WorkingGroup.objects.create(name="Migration Data", slug="data")
    twg.refresh_from_db()
    assert twg.group.name == "TWG members: Migration Data (data)"
    long_name = "A" * 200
    first = WorkingGroup.objects.create(name=long_name + "1", slug="long-1")
    second = WorkingGroup.objects.create(name=long_name + "2", slug="long-2")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.group_id != second.group_id
    assert second.group.name.endswith("(long-2)")


def test_deleting_a_twg_keeps_its_papers_and_strips_its_groups(network):
    labour = network.labour
    members, chairs = labour.group, labour.chairs_group
    labour.delete()
    members.refresh_from_db()
    chairs.refresh_from_db()
    assert members.name == "Closed TWG members: Labour Migration"
    assert not GroupPagePermission.objects.filter(group__in=[members, chairs]).exists()
    assert TwgSectionPage.objects.filter(pk=network.labour_section.pk).exists()
    chair_step = workflow.chair_task(network.labour_section)
    assert not chair_step.groups.exists()  # the Secretariat reviews what was in progress
