"""Pages for partner staff, under /<lang>/partners/."""

from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("", views.home, name="home"),
    path("template.<str:file_format>", views.import_template, name="import_template"),
    path("<slug:slug>/", views.organisation, name="organisation"),
    path("<slug:slug>/cohorts/new/", views.cohort_new, name="cohort_new"),
    path("<slug:slug>/cohorts/<int:cohort_id>/", views.cohort, name="cohort"),
    path(
        "<slug:slug>/cohorts/<int:cohort_id>/outcomes/",
        views.cohort_outcomes,
        name="cohort_outcomes",
    ),
    path("<slug:slug>/cohorts/<int:cohort_id>/import/", views.import_upload, name="import_upload"),
    path("<slug:slug>/imports/<uuid:public_id>/", views.import_detail, name="import"),
    path("<slug:slug>/imports/<uuid:public_id>/status/", views.import_status, name="import_status"),
    path("<slug:slug>/imports/<uuid:public_id>/commit/", views.import_commit, name="import_commit"),
    path("<slug:slug>/imports/<uuid:public_id>/errors/", views.import_errors, name="import_errors"),
    path("<slug:slug>/learners/<int:learner_id>/", views.learner, name="learner"),
    path(
        "<slug:slug>/learners/<int:learner_id>/situation/",
        views.learner_situation,
        name="learner_situation",
    ),
    path(
        "<slug:slug>/learners/<int:learner_id>/outcome/",
        views.learner_outcome,
        name="learner_outcome",
    ),
]
