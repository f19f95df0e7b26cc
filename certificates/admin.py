from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from certificates.models import BulkIssueJob, Certificate, NameCorrection, SigningKey
from config.admin import ReadOnlyAdmin


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Read-only: certificates change only through services (revoke page)."""

    list_display = (
        "display_code",
        "holder",
        "course_title",
        "issued_at",
        "revoked_at",
        "replaced_by",
        "revoke",
    )
    search_fields = ("code", "holder__username")
    list_select_related = ("holder",)
    readonly_fields = [f.name for f in Certificate._meta.fields]

    @admin.display(description="course")
    def course_title(self, obj):
        return obj.content.get("course", {}).get("en", "")

    @admin.display(description="revoke")
    def revoke(self, obj):
        return format_html(
            '<a href="{}">revoke…</a>', reverse("certificates:revoke", args=[obj.public_id])
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SigningKey)
class SigningKeyAdmin(admin.ModelAdmin):
    list_display = ("kid", "created_at", "active", "retired_at")
    exclude = ("private_jwk_encrypted",)
    readonly_fields = ("kid", "public_jwk", "created_at", "active", "retired_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BulkIssueJob)
class BulkIssueJobAdmin(admin.ModelAdmin):
    list_display = ("created_at", "course_page", "total", "done", "state")
    readonly_fields = (
        "created_by",
        "course_page",
        "usernames",
        "total",
        "done",
        "issued",
        "errors",
        "state",
    )


@admin.register(NameCorrection)
class NameCorrectionAdmin(ReadOnlyAdmin):
    """Read-only: requests are decided on the staff page (permission
    `certificates.review_name_correction`), which re-issues the certificates."""

    list_display = ("requested_at", "holder", "previous_name", "requested_name", "status")
    list_filter = ("status",)
    search_fields = ("holder__username", "given_name", "family_name", "previous_name")
    readonly_fields = [f.name for f in NameCorrection._meta.fields] + ["certificates"]
