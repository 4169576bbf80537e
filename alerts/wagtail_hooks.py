"""Operators' view in the Wagtail admin: alerts and their deliveries (sent, failed, bounced)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Alert, Delivery


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "mail"
    menu_label = _("Alerts")
    list_display = ["name", "email", "user", "frequency", "confirmed_at", "paused", "covered_until"]
    list_filter = ["frequency", "paused", "language"]
    inspect_view_enabled = True
    search_fields = ["name", "email", "query"]


class DeliveryViewSet(SnippetViewSet):
    model = Delivery
    icon = "tasks"
    menu_label = _("Deliveries")
    list_display = ["alert", "period", "status", "attempts", "next_attempt_at", "updated_at"]
    list_filter = ["status"]
    inspect_view_enabled = True


class AlertsViewSetGroup(SnippetViewSetGroup):
    items = (AlertViewSet, DeliveryViewSet)
    menu_icon = "mail"
    menu_label = _("Alerts")
    menu_name = "alerts"


register_snippet(AlertsViewSetGroup)
