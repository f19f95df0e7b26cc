from django.contrib import admin

from audit.models import AuditEntry
from config.admin import ReadOnlyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Read-only: the journal is append-only."""

    list_display = ["created_at", "action", "actor", "target_type", "target_id", "subject_user"]
    list_filter = ["action"]
    list_select_related = ["actor", "subject_user"]
