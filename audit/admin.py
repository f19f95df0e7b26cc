from django.contrib import admin

from audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the journal is append-only."""

    list_display = ["created_at", "action", "actor", "target_type", "target_id", "subject_user"]
    list_filter = ["action"]
    list_select_related = ["actor", "subject_user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
