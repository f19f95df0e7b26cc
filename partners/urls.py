"""Pages for partner staff, under /<lang>/partners/."""

from django.urls import path

from partners.views import api, staff, welcomes

app_name = "partners"

urlpatterns = [
    path("<slug:slug>/api/", api.api_tokens, name="api_tokens"),
    path(
        "<slug:slug>/api/tokens/<int:token_id>/revoke/",
        api.api_token_revoke_view,
        name="api_token_revoke",
    ),
    path(
        "<slug:slug>/api/webhooks/<int:endpoint_id>/",
        api.webhook_deliveries,
        name="webhook_deliveries",
    ),
    path(
        "<slug:slug>/api/webhooks/<int:endpoint_id>/deliveries/<int:delivery_id>/redeliver/",
        api.webhook_redeliver,
        name="webhook_redeliver",
    ),
    path("", staff.home, name="home"),
    path("template.<str:file_format>", staff.import_template, name="import_template"),
    path("<slug:slug>/", staff.organisation, name="organisation"),
    path("<slug:slug>/imports/", staff.organisation_imports, name="organisation_imports"),
    path("<slug:slug>/cohorts/new/", staff.cohort_new, name="cohort_new"),
    path("<slug:slug>/cohorts/<int:cohort_id>/", staff.cohort, name="cohort"),
    path(
        "<slug:slug>/learners.<str:file_format>",
        staff.organisation_export,
        name="organisation_export",
    ),
    path(
        "<slug:slug>/cohorts/<int:cohort_id>/learners.<str:file_format>",
        staff.cohort_export,
        name="cohort_export",
    ),
    path("<slug:slug>/cohorts/<int:cohort_id>/cards/", staff.cohort_cards, name="cohort_cards"),
    path(
        "<slug:slug>/cohorts/<int:cohort_id>/outcomes/",
        staff.cohort_outcomes,
        name="cohort_outcomes",
    ),
    path("<slug:slug>/cohorts/<int:cohort_id>/import/", staff.import_upload, name="import_upload"),
    path("<slug:slug>/imports/<uuid:public_id>/", staff.import_detail, name="import"),
    path(
        "<slug:slug>/imports/<uuid:public_id>/mapping/",
        staff.import_mapping,
        name="import_mapping",
    ),
    path("<slug:slug>/imports/<uuid:public_id>/status/", staff.import_status, name="import_status"),
    path("<slug:slug>/imports/<uuid:public_id>/commit/", staff.import_commit, name="import_commit"),
    path("<slug:slug>/imports/<uuid:public_id>/errors/", staff.import_errors, name="import_errors"),
    path(
        "<slug:slug>/imports/<uuid:public_id>/release/",
        welcomes.import_release,
        name="import_release",
    ),
    path("<slug:slug>/learners/<int:learner_id>/", staff.learner, name="learner"),
    path(
        "<slug:slug>/learners/<int:learner_id>/situation/",
        staff.learner_situation,
        name="learner_situation",
    ),
    path(
        "<slug:slug>/learners/<int:learner_id>/outcome/",
        staff.learner_outcome,
        name="learner_outcome",
    ),
]
