"""Operators' view of alerts and deliveries (sent, failed, bounced) in Django's admin."""

from django.contrib import admin

from .models import Alert, Delivery


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = ("period", "status", "attempts", "next_attempt_at", "window_end", "error")
    readonly_fields = fields
    ordering = ("-created_at",)
    max_num = 0


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "subscriber",
        "frequency",
        "language",
        "confirmed_at",
        "paused",
        "unsubscribed_at",
        "covered_until",
    )
    list_filter = ("frequency", "paused", "language", ("user", admin.EmptyFieldListFilter))
    search_fields = ("name", "query", "email", "user__username", "user__email")
    readonly_fields = ("created_at", "confirmed_at", "covered_until", "unsubscribed_at")
    raw_id_fields = ("user", "collection")
    inlines = [DeliveryInline]

    @admin.display(description="subscriber")
    def subscriber(self, alert: Alert) -> str:
        return alert.user.get_username() if alert.user_id else alert.email


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("alert", "period", "status", "attempts", "next_attempt_at", "updated_at")
    list_filter = ("status",)
    search_fields = ("alert__name", "alert__email", "period")
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
