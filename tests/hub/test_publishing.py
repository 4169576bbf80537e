"""A TWG paper from draft to published, through the admin, with a real user in every role."""

from __future__ import annotations

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import TaskState, WorkflowState

import pytest

from library.models import ResourcePage

from .publishing import add_url, edit_url, login, network_fixture, resource_form  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def _action(client: Client, page, action: str, comment: str = ""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment}, follow=True)


def _recipients(since: int) -> list[tuple[str, str]]:
    return [(message.to[0], message.subject) for message in mail.outbox[since:]]


def test_the_whole_workflow_from_draft_to_published(network):
    author, chair, secretariat = Client(), Client(), Client()
    login(author, network.author)
    login(chair, network.chair)
    login(secretariat, network.secretariat)

    # The author writes the paper in the TWG's section and submits it for review.
    data = resource_form()
    data["action-submit"] = "submit"
    response = author.post(add_url(network.labour_section), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ResourcePage.objects.get(slug="fair-recruitment")
    assert page.get_parent().pk == network.labour_section.pk
    assert page.working_group_id == network.labour.pk  # credited to the section's TWG
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "TWG chair review: Labour Migration"
    # Only the TWG's chair is asked (the Secretariat is the fallback, not needed here).
    assert [to for to, _ in _recipients(0)] == ["chair@example.org"]

    # A member of another TWG may not act on it: refused with a message, nothing changes.
    other = login(Client(), network.other_author)
    response = _action(other, page, "approve")
    assert "do not have permission" in response.content.decode()
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    # The chair requests changes with a comment; the author is told, comment included.
    sent = len(mail.outbox)
    response = _action(chair, page, "reject", "Please add the district figures.")
    assert response.status_code == 200
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [to for to, _ in _recipients(sent)] == ["author@example.org"]
    assert "Please add the district figures." in mail.outbox[-1].body

    # The author sees the status and the comment in the admin, edits and resubmits.
    html = author.get(edit_url(page)).content.decode()
    assert "Changes requested" in html
    assert "Please add the district figures." in html
    sent = len(mail.outbox)
    data = resource_form(summary="Now with figures for all 30 districts.")
    data["action-submit"] = "submit"
    response = author.post(edit_url(page), data)
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "chair@example.org" in [to for to, _ in _recipients(sent)]

    # The chair approves: the Secretariat is asked next.
    sent = len(mail.outbox)
    _action(chair, page, "approve", "Good to go.")
    page.refresh_from_db()
    assert page.current_workflow_task_state.task.name == "Secretariat approval"
    assert [to for to, _ in _recipients(sent)] == ["secretariat@example.org"]

    # The chair cannot approve the Secretariat's step.
    response = _action(chair, page, "approve")
    assert "do not have permission" in response.content.decode()
    assert not ResourcePage.objects.get(pk=page.pk).live

    # The Secretariat approves: published, and the author is told.
    sent = len(mail.outbox)
    _action(secretariat, page, "approve")
    page = ResourcePage.objects.get(pk=page.pk)
    assert page.live
    assert page.summary == "Now with figures for all 30 districts."
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert [to for to, _ in _recipients(sent)] == ["author@example.org"]
    assert "approved" in mail.outbox[-1].subject.lower()
    assert Client().get(page.url).status_code == 200


def test_a_reviewer_can_reject_outright(network):
    author = login(Client(), network.author)
    data = resource_form()
    data["action-submit"] = "submit"
    author.post(add_url(network.labour_section), data)
    page = ResourcePage.objects.get(slug="fair-recruitment")
    state = page.current_workflow_state

    chair = login(Client(), network.chair)
    sent = len(mail.outbox)
    _action(chair, page, "decline", "Out of the TWG's remit.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert not ResourcePage.objects.get(pk=page.pk).live
    assert "Out of the TWG's remit." in mail.outbox[sent].body
    assert mail.outbox[sent].to == ["author@example.org"]


def test_a_twg_without_a_chair_is_reviewed_by_the_secretariat(network):
    # The protection TWG has no chair (or its chair left): the Secretariat acts and is told.
    author = login(Client(), network.other_author)
    data = resource_form()
    data["action-submit"] = "submit"
    author.post(add_url(network.protection_section), data)
    page = ResourcePage.objects.get(slug="fair-recruitment")
    assert page.current_workflow_task_state.task.name == "TWG chair review: Protection"
    assert [m.to[0] for m in mail.outbox] == ["secretariat@example.org"]

    secretariat = login(Client(), network.secretariat)
    _action(secretariat, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task_state.task.name == "Secretariat approval"
    _action(secretariat, page, "approve")
    assert ResourcePage.objects.get(pk=page.pk).live


def test_once_a_chair_is_named_the_secretariat_no_longer_acts_on_the_chair_step(network):
    secretariat = login(Client(), network.secretariat)
    author = login(Client(), network.author)  # the labour TWG has a chair
    data = resource_form()
    data["action-submit"] = "submit"
    author.post(add_url(network.labour_section), data)
    page = ResourcePage.objects.get(slug="fair-recruitment")
    response = _action(secretariat, page, "approve")
    assert "do not have permission" in response.content.decode()

    # The chair leaves: the Secretariat may now act.
    network.chair.groups.remove(network.labour.chairs_group)
    _action(secretariat, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task_state.task.name == "Secretariat approval"


def test_submitting_with_missing_metadata_names_the_fields(network):
    author = login(Client(), network.author)
    data = resource_form(summary="", title="")
    data["objectives"] = []
    data["action-submit"] = "submit"
    response = author.post(add_url(network.labour_section), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"title", "summary", "objectives"}
    html = response.content.decode()
    assert "The page could not be created due to validation errors" in html
    assert not ResourcePage.objects.exists()


def test_revisions_are_kept_and_comparable_by_the_author(network):
    author = login(Client(), network.author)
    author.post(add_url(network.labour_section), resource_form())
    page = ResourcePage.objects.get(slug="fair-recruitment")
    author.post(edit_url(page), resource_form(summary="A second, better summary."))
    first, second = page.revisions.order_by("created_at", "pk")
    url = reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, first.pk, second.pk))
    response = author.get(url)
    assert response.status_code == 200
    assert "A second, better summary." in response.content.decode()
    history = author.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert history.status_code == 200


def test_a_new_edition_supersedes_the_old_one(network):
    secretariat = login(Client(), network.secretariat)
    data = resource_form(title="Labour migration profile 2023", slug="profile-2023")
    data["action-publish"] = "publish"
    secretariat.post(add_url(network.labour_section), data)
    old = ResourcePage.objects.get(slug="profile-2023")
    assert old.live

    data = resource_form(
        title="Labour migration profile 2025", slug="profile-2025", new_edition_of=old.pk
    )
    data["action-publish"] = "publish"
    secretariat.post(add_url(network.labour_section), data)
    html = Client().get(old.url).content.decode()
    assert "A newer edition exists" in html and "Labour migration profile 2025" in html

    # Unpublishing the old edition takes it off the site.
    response = secretariat.post(reverse("wagtailadmin_pages:unpublish", args=(old.pk,)))
    assert response.status_code == 302
    assert not ResourcePage.objects.get(pk=old.pk).live
    assert Client().get(old.url).status_code == 404


def test_the_twg_page_shows_drafts_to_its_members_only(network):
    author = login(Client(), network.author)
    data = resource_form()
    data["action-submit"] = "submit"
    author.post(add_url(network.labour_section), data)
    author.post(add_url(network.labour_section), resource_form(title="Wage survey", slug="wages"))
    url = reverse("working_group", args=[network.labour.slug])

    html = author.get(url).content.decode()
    assert "Drafts in progress" in html
    assert "Fair recruitment in the Great Lakes" in html
    assert "In review: TWG chair review: Labour Migration" in html
    assert "Wage survey" in html
    # Chairs and members, by name, for signed-in members of the network.
    assert "<li>Chair</li>" in html and "<li>Author</li>" in html
    assert "private" in author.get(url)["Cache-Control"]

    other, member = login(Client(), network.other_author), login(Client(), network.member)
    for outsider in (Client(), other, member):
        html = outsider.get(url).content.decode()
        assert "Drafts in progress" not in html
        assert "Fair recruitment in the Great Lakes" not in html
        assert "Wage survey" not in html
    assert "<li>Author</li>" in member.get(url).content.decode()  # names: for members
    assert "<li>Author</li>" not in Client().get(url).content.decode()


def test_the_twg_page_lists_what_the_twg_published(network):
    secretariat = login(Client(), network.secretariat)
    data = resource_form()
    data["action-publish"] = "publish"
    secretariat.post(add_url(network.labour_section), data)
    html = Client().get(reverse("working_group", args=[network.labour.slug])).content.decode()
    assert "Fair recruitment in the Great Lakes" in html
    # The section page itself sends readers to the TWG's page.
    response = Client().get(network.labour_section.url)
    assert response.status_code == 302
    assert response["Location"] == network.labour.get_absolute_url()
