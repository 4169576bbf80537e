"""Meetings and decisions in the hub's search: one record per page, like a resource.

Their `type` facet is "meeting" or "decision"; the other facets use the resources' keys
(objective numbers, organisation and TWG slugs, year, language codes), so one search narrows
across all three. The minutes' text is indexed page by page, as a resource's attachments are.
search.records.build_record adds the access labels from the page's view restrictions.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from library.models import DocumentPageText
from search.contract import IndexedDocument, IndexedPage, ResourceRecord
from search.highlight import clean_text

from .models import DecisionPage, MeetingPage

MEETING_TYPE = "meeting"
DECISION_TYPE = "decision"
MEETING_PREFETCH = ("attendees", "languages")
MEETING_SELECT = ("chair", "working_group", "minutes")
DECISION_PREFETCH = ("responsible_organisations", "objectives", "updates")


def _minutes(meeting: MeetingPage) -> tuple[IndexedDocument, ...]:
    document = meeting.minutes
    if document is None:
        return ()
    pages = tuple(
        IndexedPage(number, clean_text(text))
        for number, text in DocumentPageText.objects.filter(document=document)
        .order_by("number")
        .values_list("number", "text")
    )
    return (
        IndexedDocument(
            document_id=document.pk,
            title=document.title,
            url=document.url,
            kind=document.file_extension.lower(),
            pages=pages,
        ),
    )


def _decisions_of(meeting: MeetingPage) -> list[DecisionPage]:
    return list(
        DecisionPage.objects.live()
        .child_of(meeting)
        .prefetch_related("objectives")
        .order_by("path")
    )


def build_meeting_record(page: MeetingPage) -> ResourceRecord:
    decisions = _decisions_of(page)
    # A meeting serves the objectives its decisions serve.
    objectives = sorted({o.number: o for d in decisions for o in d.objectives.all()}.items())
    organisations = {o.pk: o for o in page.attendees.all()}
    if page.chair is not None:
        organisations[page.chair.pk] = page.chair
    languages = list(page.languages.all())
    summary_parts = [str(page.get_meeting_type_display()), page.date.isoformat()]
    if page.chair is not None:
        summary_parts.append(page.chair.label)
    if page.location:
        summary_parts.append(page.location)
    return ResourceRecord(
        resource_id=page.pk,
        url=page.get_url() or page.url_path,
        title=clean_text(page.title),
        summary=clean_text(" · ".join(summary_parts)),
        body=clean_text(
            "\n".join([page.agenda_text, *(f"{d.title}. {d.text}" for d in decisions)])
        ),
        objectives=tuple(number for number, _objective in objectives),
        labels=tuple(
            clean_text(label)
            for label in [
                *(objective.title for _number, objective in objectives),
                *(o.label for o in organisations.values()),
                *([page.working_group.name] if page.working_group else []),
                str(page.get_meeting_type_display()),
            ]
        ),
        published=page.date.isoformat(),
        documents=_minutes(page),
        facets={
            "objective": tuple(str(number) for number, _objective in objectives),
            "type": (MEETING_TYPE,),
            "organisation": tuple(sorted(o.slug for o in organisations.values())),
            "twg": (page.working_group.slug,) if page.working_group else (),
            "year": (str(page.date.year),),
            "language": tuple(language.code for language in languages),
        },
    )


def build_decision_record(page: DecisionPage) -> ResourceRecord:
    meeting = page.meeting
    objectives = list(page.objectives.all())
    organisations = list(page.responsible_organisations.all())
    updates = page.ordered_updates()
    languages = list(meeting.languages.all()) if meeting else []
    working_group = meeting.working_group if meeting else None
    return ResourceRecord(
        resource_id=page.pk,
        url=page.get_url() or page.url_path,
        title=clean_text(page.title),
        summary=clean_text(page.text),
        body=clean_text("\n".join(u.note for u in updates if u.note)),
        objectives=tuple(o.number for o in objectives),
        labels=tuple(
            clean_text(label)
            for label in [
                *(o.title for o in objectives),
                *(o.label for o in organisations),
                *([meeting.title] if meeting else []),
                *([working_group.name] if working_group else []),
                str(page.get_status_display()),
            ]
        ),
        published=meeting.date.isoformat() if meeting else None,
        documents=(),
        facets={
            "objective": tuple(str(o.number) for o in objectives),
            "type": (DECISION_TYPE,),
            "organisation": tuple(o.slug for o in organisations),
            "twg": (working_group.slug,) if working_group else (),
            "year": (str(meeting.date.year),) if meeting else (),
            "language": tuple(language.code for language in languages),
        },
    )


def register() -> None:
    """Make meetings and decisions records of the hub's search (called from the app's ready())."""
    from library.access import register_document_holder
    from library.browse import register_type_label
    from search.records import register_record_type

    register_record_type(
        MeetingPage, build_meeting_record, prefetch=MEETING_PREFETCH, select=MEETING_SELECT
    )
    register_record_type(DecisionPage, build_decision_record, prefetch=DECISION_PREFETCH)
    # The search page's type facet names these records in words.
    register_type_label("meeting", _("Meeting"))
    register_type_label("decision", _("Decision"))
    # Minutes are downloadable by whoever may see a meeting that holds them.
    register_document_holder(meetings_holding)


def meetings_holding(document):
    return MeetingPage.objects.filter(minutes=document)
