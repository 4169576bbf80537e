"""Addresses under /alerts/."""

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("new/", views.new_alert, name="new"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("leave/<str:token>/", views.leave, name="leave"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/pause/", views.pause, name="pause"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
