"""Addresses of the GCM objective and guiding principle pages.

The canonical address carries number and slug (``/objectives/3/provide-accurate-and-timely/``);
the bare number, or any stale slug, redirects there permanently.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("objectives/", views.objective_list, name="objectives"),
    path("objectives/<int:number>/", views.objective_detail, name="objective_short"),
    # str, not slug: a mangled slug should still redirect rather than 404.
    path("objectives/<int:number>/<str:slug>/", views.objective_detail, name="objective"),
    path("principles/", views.principle_list, name="principles"),
    path("principles/<int:number>/", views.principle_detail, name="principle_short"),
    path("principles/<int:number>/<str:slug>/", views.principle_detail, name="principle"),
]
