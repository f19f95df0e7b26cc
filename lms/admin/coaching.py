"""Django admin for digital helpers. Activation goes through the service (the
training certificate is checked); the journal is read-only."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from config.admin import ReadOnlyAdmin
from lms.hooks.coaching import helper_holds_training
from lms.models import CoachingSession, HelperConsent, HelperJournalEntry, HelperProfile
from lms.services.coaching import (
    CoachingError,
    helper_profile_activate,
    helper_profile_create,
    helper_profile_suspend,
)


@admin.register(HelperProfile)
class HelperProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "status", "activated_at"]
    list_filter = ["status", "organisation__kind"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__username", "user__display_name", "organisation__name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["status", "activated_at", "activated_by"]
    actions = ["activate", "suspend"]

    def save_model(self, request, obj, form, change):
        # Through the service: the helper role comes with the profile, audited.
        if change:
            super().save_model(request, obj, form, change)
            return
        profile = helper_profile_create(
            user=obj.user, organisation=obj.organisation, created_by=request.user
        )
        obj.pk = profile.pk

    @admin.action(description=_("Activate the selected helpers"))
    def activate(self, request, queryset):
        for profile in queryset.select_related("organisation", "user"):
            try:
                helper_profile_activate(
                    profile=profile,
                    activated_by=request.user,
                    has_required_certificate=helper_holds_training(
                        user=profile.user,
                        course_key=profile.organisation.helper_training_course_key,
                    ),
                )
            except CoachingError as error:
                self.message_user(request, f"{profile.user}: {error.message}", messages.ERROR)

    @admin.action(description=_("Suspend the selected helpers"))
    def suspend(self, request, queryset):
        for profile in queryset:
            helper_profile_suspend(profile=profile, suspended_by=request.user)


@admin.register(HelperConsent)
class HelperConsentAdmin(ReadOnlyAdmin):
    """Read-only: consent is given and withdrawn by the person."""

    list_display = ["learner", "helper", "organisation", "status", "expires_at", "withdrawn_at"]
    list_filter = ["status", "given_how"]
    list_select_related = ["learner", "helper", "organisation"]


@admin.register(CoachingSession)
class CoachingSessionAdmin(admin.ModelAdmin):
    list_display = ["held_on", "helper", "learner", "mode", "duration_minutes", "place"]
    list_select_related = ["helper", "learner"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(HelperJournalEntry)
class HelperJournalEntryAdmin(ReadOnlyAdmin):
    """Read-only: the helper journal is append-only."""

    list_display = ["created_at", "helper", "learner", "action", "consent_id"]
    list_filter = ["action"]
    list_select_related = ["helper", "learner"]
