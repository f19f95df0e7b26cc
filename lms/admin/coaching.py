"""Django admin for digital helpers. Activation goes through the service (the
training certificate is checked); the journal is read-only."""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.utils.translation import gettext_lazy as _

from config.admin import ReadOnlyAdmin
from lms.hooks.coaching import organisations_facts
from lms.models import CoachingSession, HelperConsent, HelperJournalEntry, HelperProfile
from lms.selectors.coaching import helper_training_held, organisation_names_fill
from lms.services.coaching import (
    CoachingError,
    helper_profile_activate,
    helper_profile_create,
    helper_profile_suspend,
)


class OrganisationFilter(admin.SimpleListFilter):
    """By organisation, named as partners tells it."""

    title = _("organisation")
    parameter_name = "organisation"

    def lookups(self, request, model_admin):
        ids = model_admin.get_queryset(request).values_list("organisation_id", flat=True)
        named = organisations_facts(ids.distinct().order_by())
        return sorted(
            ((pk, facts.name) for pk, facts in named.items()), key=lambda x: x[1].casefold()
        )

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            raise IncorrectLookupParameters(value)
        return queryset.filter(organisation_id=int(value))


class NamesOrganisationAdmin(admin.ModelAdmin):
    """A list whose rows name an organisation: its name asked of partners once
    for the page of rows, never read through the foreign key."""

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        organisation_names_fill(changelist.result_list)
        return changelist

    @admin.display(description=_("organisation"))
    def organisation_name(self, obj) -> str:
        return obj.organisation_name


@admin.register(HelperProfile)
class HelperProfileAdmin(NamesOrganisationAdmin):
    list_display = ["user", "organisation_name", "status", "activated_at"]
    list_filter = ["status", OrganisationFilter]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__display_name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["status", "activated_at", "activated_by"]
    actions = ["activate", "suspend"]

    def save_model(self, request, obj, form, change):
        # Through the service: the helper role comes with the profile, audited.
        if change:
            super().save_model(request, obj, form, change)
            return
        profile = helper_profile_create(
            user=obj.user, organisation_id=obj.organisation_id, created_by=request.user
        )
        obj.pk = profile.pk

    @admin.action(description=_("Activate the selected helpers"))
    def activate(self, request, queryset):
        for profile in queryset.select_related("user"):
            try:
                helper_profile_activate(
                    profile=profile,
                    activated_by=request.user,
                    has_required_certificate=helper_training_held(profile=profile),
                )
            except CoachingError as error:
                self.message_user(request, f"{profile.user}: {error.message}", messages.ERROR)

    @admin.action(description=_("Suspend the selected helpers"))
    def suspend(self, request, queryset):
        for profile in queryset:
            helper_profile_suspend(profile=profile, suspended_by=request.user)


@admin.register(HelperConsent)
class HelperConsentAdmin(NamesOrganisationAdmin, ReadOnlyAdmin):
    """Read-only: consent is given and withdrawn by the person."""

    list_display = [
        "learner",
        "helper",
        "organisation_name",
        "status",
        "expires_at",
        "withdrawn_at",
    ]
    list_filter = ["status", "given_how"]
    list_select_related = ["learner", "helper"]


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
