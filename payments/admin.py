"""Django admin of payments (shared: each area appends its block)."""

# --- stripe: webhook events, read only ----------------------------------------

from django.contrib import admin

from config.admin import ReadOnlyAdmin
from payments.models import StripeEvent


@admin.register(StripeEvent)
class StripeEventAdmin(ReadOnlyAdmin):
    """Every webhook event received, with what was made of it (an unknown
    payment or refund is recorded here with its reason)."""

    list_display = ("event_id", "type", "outcome", "order", "received_at", "processed_at")
    list_filter = ("type",)
    search_fields = ("event_id", "outcome")
    readonly_fields = [f.name for f in StripeEvent._meta.fields]
