"""Addresses of the Secretariat's record outside the page tree (meetings and workplans are pages)."""

from django.urls import path

from . import views

urlpatterns = [
    path("governance/decisions/", views.decision_tracker, name="decision_tracker"),
    path("governance/decisions.csv", views.decision_csv, name="decision_csv"),
    path("governance/meetings.ics", views.meeting_calendar, name="meeting_calendar"),
    path(
        "governance/calendar-link/revoke/",
        views.revoke_calendar_link,
        name="revoke_calendar_link",
    ),
    path("governance/coverage/", views.coverage_dashboard, name="gcm_coverage"),
    path("governance/report/", views.periodic_report, name="periodic_report"),
    path("governance/report.pdf", views.periodic_report_pdf, name="periodic_report_pdf"),
]
