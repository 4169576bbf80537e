"""Admin forms of the Secretariat's pages: the rules an editor can break get a message on the field.

Status updates and workplan activities are inline formsets, which a page form's clean() cannot
see validated; the checks on them run in is_valid(), after the formsets have cleaned their rows.
"""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from .choices import DecisionStatus, MeetingType


def _live_rows(formset) -> list[tuple[int, forms.Form]]:
    """The rows an editor kept (not deleted, not left blank), with their position in the list."""
    rows = []
    for position, form in enumerate(formset.forms):
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        order = data.get("ORDER")
        rows.append((position if order is None else order, form))
    return rows


class MeetingPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("meeting_type") == MeetingType.TWG and not cleaned.get("working_group"):
            self.add_error("working_group", _("Choose the working group whose meeting this is."))
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        if end and not start:
            self.add_error("start_time", _("Give a start time as well as an end time."))
        minutes = cleaned.get("minutes")
        if minutes is not None and self.is_restricted() and not collection_is_restricted(minutes):
            # Wagtail serves a file by its collection's privacy, not by the page linking to it.
            self.add_error(
                "minutes",
                _(
                    "This meeting is restricted but its minutes are in a collection anyone may "
                    "open: move the document to a restricted collection (e.g. “Executive "
                    "Committee records”) first."
                ),
            )
        return cleaned

    def is_restricted(self) -> bool:
        page = self.instance if self.instance.pk else self.parent_page
        return page is not None and page.get_view_restrictions().exists()


def collection_is_restricted(document) -> bool:
    from wagtail.models import CollectionViewRestriction

    collection = document.collection
    return CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).exists()


class DecisionPageForm(WagtailAdminPageForm):
    def meeting(self):
        """The meeting that took the decision: the parent page (new) or the current one (edit)."""
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return self.instance.meeting_below(parent)

    def clean(self):
        cleaned = super().clean()
        due = cleaned.get("due_date")
        meeting = self.meeting()
        if due and meeting and due < meeting.date:
            self.add_error(
                "due_date",
                _("The due date cannot be before the meeting that took the decision (%(date)s).")
                % {"date": date_format(meeting.date)},
            )
        return cleaned

    def is_valid(self) -> bool:
        valid = super().is_valid()
        formset = self.formsets.get("updates")
        if formset is None:
            return valid
        return self.check_updates(formset) and valid

    def check_updates(self, formset) -> bool:
        """No update after the decision was dropped; none dated before the meeting."""
        ok = True
        meeting = self.meeting()
        rows = [(f.cleaned_data["date"], order, f) for order, f in _live_rows(formset)]
        rows = [row for row in rows if row[0] is not None]
        dropped_on = None
        for date, _order, form in sorted(rows, key=lambda row: (row[0], row[1])):
            if meeting and date < meeting.date:
                form.add_error(
                    "date",
                    _("An update cannot be dated before the meeting (%(date)s).")
                    % {"date": date_format(meeting.date)},
                )
                ok = False
            if dropped_on is not None:
                form.add_error(
                    None,
                    _(
                        "This decision was dropped on %(date)s: it takes no further status "
                        "updates. Remove this update, or remove the “dropped” one first."
                    )
                    % {"date": date_format(dropped_on)},
                )
                ok = False
            elif form.cleaned_data.get("status") == DecisionStatus.DROPPED:
                dropped_on = date
        return ok


class WorkplanPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        if year is not None and not 2000 <= year <= 2100:
            self.add_error("year", _("Give a year between 2000 and 2100."))
        return cleaned

    def is_valid(self) -> bool:
        valid = super().is_valid()
        formset = self.formsets.get("activities")
        if formset is None:
            return valid
        return self.check_activities(formset) and valid

    def check_activities(self, formset) -> bool:
        """Every activity runs inside the workplan's year, and ends after it starts."""
        year = getattr(self, "cleaned_data", {}).get("year")
        ok = True
        for _order, form in _live_rows(formset):
            start, end = form.cleaned_data.get("start_date"), form.cleaned_data.get("end_date")
            for name, value in (("start_date", start), ("end_date", end)):
                if year and value and value.year != year:
                    form.add_error(
                        name,
                        _(
                            "This date is outside the workplan year %(year)s: an activity of "
                            "another year belongs in that year's workplan."
                        )
                        % {"year": year},
                    )
                    ok = False
            if start and end and end < start:
                form.add_error("end_date", _("The activity must end on or after its start."))
                ok = False
        return ok
