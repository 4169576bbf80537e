"""Addresses of the organisation and Technical Working Group pages."""

from django.urls import path

from . import views
from .publishing.preview import serve_shared_preview

urlpatterns = [
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("working-groups/", views.working_group_list, name="working_groups"),
    path("working-groups/<slug:slug>/", views.working_group_detail, name="working_group"),
    # A draft shared by its authors: signed, expiring, read-only (hub/publishing/preview.py).
    path("shared-preview/<str:token>/", serve_shared_preview, name="share_preview"),
]
