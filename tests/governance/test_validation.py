"""What an editor gets wrong in the admin comes back as a message on the field, never a 500."""

from __future__ import annotations

import datetime

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from governance.models import DecisionPage, DecisionStatus, MeetingPage, WorkplanPage

from .conftest import TODAY, days

pytestmark = pytest.mark.django_db


def add_url(model, parent) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def decision_data(title="Follow up", due=None, updates=()) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "text": "We decided it.",
            "due_date": due.isoformat() if due else "",
            "updates": inline_formset(
                [{"date": d.isoformat(), "status": s, "note": n} for d, s, n in updates]
            ),
            "comments": inline_formset([]),
        }
    )


def test_due_date_before_the_meeting_is_a_form_error(admin_client, record):
    meeting = record.public_past
    response = admin_client.post(
        add_url(DecisionPage, meeting), decision_data(due=meeting.date - datetime.timedelta(days=1))
    )
    assert response.status_code == 200
    assert "The due date cannot be before the meeting" in response.content.decode()
    assert not DecisionPage.objects.filter(title="Follow up").exists()


def test_valid_decision_is_created_with_status_from_latest_update(admin_client, record):
    meeting = record.public_past
    response = admin_client.post(
        add_url(DecisionPage, meeting),
        decision_data(
            due=meeting.date + datetime.timedelta(days=30),
            updates=[
                (meeting.date + datetime.timedelta(days=2), "in-progress", "Started"),
                (meeting.date + datetime.timedelta(days=5), "done", "Finished"),
            ],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    decision = DecisionPage.objects.get(title="Follow up")
    assert decision.status == DecisionStatus.DONE
    assert decision.get_parent().pk == meeting.pk


def test_update_after_a_dropped_status_is_a_form_error(admin_client, record):
    meeting = record.public_past
    response = admin_client.post(
        add_url(DecisionPage, meeting),
        decision_data(
            updates=[
                (meeting.date + datetime.timedelta(days=2), "dropped", "No longer needed"),
                (meeting.date + datetime.timedelta(days=9), "in-progress", "Picked up again"),
            ]
        ),
    )
    assert response.status_code == 200
    assert "it takes no further status updates" in response.content.decode()
    assert not DecisionPage.objects.filter(title="Follow up").exists()


def test_new_update_on_a_stored_dropped_decision_is_refused_on_edit(admin_client, record):
    from .conftest import add_decision

    meeting = record.public_past
    dropped = add_decision(
        meeting, "Dropped one", updates=[(meeting.date, DecisionStatus.DROPPED, "Dropped")]
    )
    update = dropped.updates.get()
    data = nested_form_data(
        {
            "title": "Dropped one",
            "slug": dropped.slug,
            "text": dropped.text,
            "due_date": "",
            "updates": inline_formset(
                [
                    {
                        "id": update.pk,
                        "date": meeting.date.isoformat(),
                        "status": "dropped",
                        "note": "Dropped",
                    },
                    {"date": TODAY.isoformat(), "status": "done", "note": "Done anyway"},
                ],
                initial=1,
            ),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[dropped.pk]), data)
    assert response.status_code == 200
    assert "it takes no further status updates" in response.content.decode()
    dropped.refresh_from_db()
    assert dropped.updates.count() == 1


def meeting_data(**overrides) -> dict:
    fields = {
        "title": "A TWG meeting",
        "slug": "a-twg-meeting",
        "date": TODAY.isoformat(),
        "start_time": "",
        "end_time": "",
        "location": "",
        "meeting_type": "twg",
        "working_group": "",
        "chair": "",
        "agenda": rich_text("<p>Items</p>"),
        "minutes": "",
        "comments": inline_formset([]),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def test_twg_meeting_needs_its_working_group(admin_client, record):
    response = admin_client.post(add_url(MeetingPage, record.index), meeting_data())
    assert response.status_code == 200
    assert "Choose the working group" in response.content.decode()


def test_meeting_cannot_end_before_it_starts(admin_client, record, network):
    response = admin_client.post(
        add_url(MeetingPage, record.index),
        meeting_data(
            working_group=network.twgs["twg-protection"].pk, start_time="14:00", end_time="13:00"
        ),
    )
    assert "The meeting must end after it starts" in response.content.decode()


def workplan_data(year: int, start: datetime.date, end: datetime.date, lead) -> dict:
    return nested_form_data(
        {
            "title": f"Workplan {year}",
            "slug": f"plan-{year}",
            "year": year,
            "intro": "",
            "activities": inline_formset(
                [
                    {
                        "title": "Out of year",
                        "description": "",
                        "lead_organisation": lead.pk,
                        "status": "planned",
                        "start_date": start.isoformat(),
                        "end_date": end.isoformat(),
                        "progress": 0,
                        "progress_notes": "",
                        "unsdcf_outcome": "",
                        "unsdcf_url": "",
                    }
                ]
            ),
            "comments": inline_formset([]),
        }
    )


def test_activity_outside_its_workplan_year_is_a_form_error(admin_client, record, network):
    year = TODAY.year + 1
    response = admin_client.post(
        add_url(WorkplanPage, record.workplans),
        workplan_data(
            year, datetime.date(year, 11, 1), datetime.date(year + 1, 2, 1), network.orgs["iom"]
        ),
    )
    assert response.status_code == 200
    assert "outside the workplan year" in response.content.decode()
    assert not WorkplanPage.objects.filter(year=year).exists()


def test_activity_inside_its_year_is_saved(admin_client, record, network):
    year = TODAY.year + 1
    response = admin_client.post(
        add_url(WorkplanPage, record.workplans),
        workplan_data(
            year, datetime.date(year, 3, 1), datetime.date(year, 9, 30), network.orgs["iom"]
        ),
    )
    assert response.status_code == 302
    workplan = WorkplanPage.objects.get(year=year)
    assert workplan.activities.get().quarters == [1, 2, 3]


def test_decision_status_follows_the_latest_update_by_date(record):
    decision = record.public_decision
    assert decision.status == DecisionStatus.IN_PROGRESS
    assert decision.is_overdue
    assert not record.done_decision.is_overdue
    assert record.members_decision.due_date == days(30) and not record.members_decision.is_overdue


def test_admin_edit_forms_open(admin_client, record):
    for page in (record.index, record.public_past, record.public_decision, record.workplan):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
    response = admin_client.get(add_url(DecisionPage, record.public_past))
    assert response.status_code == 200


def test_admin_listings_filter_decisions_and_meetings(admin_client, record):
    html = admin_client.get("/admin/secretariat/decisions/", {"status": "done"}).content.decode()
    assert "Map hotlines" in html and "Publish the migration profile" not in html
    html = admin_client.get(
        "/admin/secretariat/meetings/", {"meeting_type": "executive-committee"}
    ).content.decode()
    assert "Executive Committee meeting, secret" in html
    assert "Network quarterly meeting, public" not in html
    assert admin_client.get("/admin/secretariat/workplans/").status_code == 200


def test_restricted_meeting_refuses_minutes_anyone_could_download(
    admin_client, record, excom_group
):
    from django.core.files.base import ContentFile

    from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

    from hub.demo.files import make_pdf
    from library.models import HubDocument

    def document(title, collection):
        doc = HubDocument(title=title, collection=collection)
        doc.file.save(f"{title}.pdf", ContentFile(make_pdf(title, "IOM", ["x"])), save=False)
        doc._set_document_file_metadata()
        doc.save()
        return doc

    root = Collection.get_first_root_node()
    private = root.add_child(name="ExCom records")
    rule = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=BaseViewRestriction.GROUPS
    )
    rule.groups.set([excom_group])
    meeting = record.excom_past
    url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    fields = {
        "title": meeting.title,
        "slug": meeting.slug,
        "date": meeting.date.isoformat(),
        "meeting_type": "executive-committee",
    }
    response = admin_client.post(
        url, meeting_data(**fields, minutes=document("open-minutes", root).pk)
    )
    assert response.status_code == 200
    assert "its minutes are in a collection anyone may open" in response.content.decode()
    response = admin_client.post(
        url, meeting_data(**fields, minutes=document("closed-minutes", private).pk)
    )
    assert response.status_code == 302
