from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from lms.models import User


@admin.register(User)
class DigiskillsUserAdmin(UserAdmin):
    list_display = ["username", "display_name", "email", "account_type", "is_staff"]
    list_filter = ["account_type", "is_staff", "is_active", "groups"]
    search_fields = ["username", "email", "display_name", "first_name", "last_name"]
    fieldsets = (
        *UserAdmin.fieldsets,
        (
            "Digiskills",
            {
                "fields": (
                    "display_name",
                    "preferred_language",
                    "account_type",
                    "legal_name_source",
                )
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        # The legal name changes through the person's own form or an approved
        # correction (certificates), never silently here.
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields += ["first_name", "last_name", "legal_name_source"]
        return fields
