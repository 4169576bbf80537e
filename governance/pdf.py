"""The periodic report as a PDF, with reportlab (already used for the demo's files): no new dependency.

reportlab's Paragraph reads a small HTML dialect, so every text from the database is escaped.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from xml.sax.saxutils import escape

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .report import Report


def _p(text: object, style) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table(header: list[str], rows: list[list[object]], styles, widths=None) -> Table:
    cell = styles["BodyText"]
    data = [[_p(h, styles["Heading6"]) for h in header]]
    data += [[_p(value, cell) for value in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#d8dee4")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef3f8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def report_pdf(report: Report, title: str) -> bytes:
    """The report as a PDF: the period, then one section per part of the report."""
    styles = getSampleStyleSheet()
    period = _("%(start)s to %(end)s") % {
        "start": date_format(report.start, "j F Y"),
        "end": date_format(report.end, "j F Y"),
    }
    story: list = [_p(title, styles["Title"]), _p(period, styles["Heading3"]), Spacer(1, 6)]
    sections = [
        (_("Meetings held"), report.meetings, _meetings),
        (_("Decisions taken and their status"), report.decisions, _decisions),
        (_("Follow-up of decisions in the period"), report.updates, _follow_up),
        (_("Workplan progress"), report.workplans, _workplan_progress),
        (_("New resources by GCM objective"), report.new_resources, _new_resources),
    ]
    for heading, recorded, contents in sections:
        story += _section(heading, recorded, contents, report, styles)

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=_("Secretariat, UN Network on Migration in Rwanda"),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
    ).build(story)
    return buffer.getvalue()


def _section(
    heading: str,
    recorded: object,
    contents: Callable[[Report, StyleSheet1], list[Flowable]],
    report: Report,
    styles: StyleSheet1,
) -> list[Flowable]:
    """Every section of the report the same way: its heading, then its contents, or a line
    saying nothing was recorded (`recorded` empty or zero) so an empty part still shows."""
    flowables = [_p(heading, styles["Heading2"])]
    if recorded:
        flowables += contents(report, styles)
    else:
        flowables.append(_p(_("Nothing recorded for this period."), styles["BodyText"]))
    return flowables


def _meetings(report: Report, styles: StyleSheet1) -> list[Flowable]:
    return [
        _table(
            [_("Date"), _("Meeting"), _("Type"), _("Chair")],
            [
                [
                    date_format(m.date, "j M Y"),
                    m.title,
                    m.type_label,
                    m.chair.label if m.chair_id else "",
                ]
                for m in report.meetings
            ],
            styles,
            widths=[25 * mm, 75 * mm, 40 * mm, 40 * mm],
        )
    ]


def _decisions(report: Report, styles: StyleSheet1) -> list[Flowable]:
    """How many decisions stand in each status (and how many are overdue), then each one."""
    summary = ", ".join(f"{label}: {count}" for _value, label, count in report.decision_statuses)
    return [
        _p(summary + "; " + _("overdue: %(n)s") % {"n": report.overdue}, styles["BodyText"]),
        _table(
            [_("Decision"), _("Meeting"), _("Due"), _("Status")],
            [
                [
                    row.decision.title,
                    row.meeting.title,
                    date_format(row.decision.due_date, "j M Y") if row.decision.due_date else "",
                    row.decision.get_status_display()
                    + (" · " + _("overdue") if row.decision.is_overdue else ""),
                ]
                for row in report.decisions
            ],
            styles,
            widths=[75 * mm, 50 * mm, 25 * mm, 30 * mm],
        ),
    ]


def _follow_up(report: Report, styles: StyleSheet1) -> list[Flowable]:
    return [
        _table(
            [_("Date"), _("Decision"), _("Status"), _("Note")],
            [
                [date_format(u.date, "j M Y"), d.title, u.get_status_display(), u.note]
                for u, d in report.updates
            ],
            styles,
            widths=[25 * mm, 55 * mm, 25 * mm, 75 * mm],
        )
    ]


def _workplan_progress(report: Report, styles: StyleSheet1) -> list[Flowable]:
    """Per workplan: its overall progress as a heading, then its progress per GCM objective."""
    flowables: list[Flowable] = []
    for item in report.workplans:
        flowables.append(
            _p(
                _("%(title)s: %(n)s activities, %(done)s done, average progress %(avg)s%%")
                % {
                    "title": item.workplan.title,
                    "n": item.overall.activities,
                    "done": item.overall.done,
                    "avg": item.overall.average,
                },
                styles["Heading4"],
            )
        )
        flowables.append(
            _table(
                [_("GCM objective"), _("Activities"), _("Done"), _("Average progress")],
                [[r.label, r.activities, r.done, f"{r.average}%"] for r in item.by_objective],
                styles,
                widths=[100 * mm, 25 * mm, 20 * mm, 35 * mm],
            )
        )
    return flowables


def _new_resources(report: Report, styles: StyleSheet1) -> list[Flowable]:
    return [
        _p(
            _("%(n)s new resources in the period.") % {"n": report.new_resources},
            styles["BodyText"],
        ),
        _table(
            [_("GCM objective"), _("New resources")],
            [[str(objective), count] for objective, count in report.resources_by_objective],
            styles,
            widths=[140 * mm, 40 * mm],
        ),
    ]
