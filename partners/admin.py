from django.contrib import admin

from partners.models import (
    Cohort,
    CohortCourse,
    Membership,
    Organisation,
    Programme,
    Project,
    ProjectTarget,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "is_active"]
    list_filter = ["kind", "region", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "code"]


class ProjectTargetInline(admin.TabularInline):
    model = ProjectTarget
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "reference", "organisation", "programme", "region", "budget_eur"]
    list_filter = ["programme", "region"]
    search_fields = ["name", "reference", "organisation__name"]
    inlines = [ProjectTargetInline]


class CohortCourseInline(admin.TabularInline):
    model = CohortCourse
    extra = 0


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "starts_on", "ends_on"]
    raw_id_fields = ["trainer"]
    inlines = [CohortCourseInline]
