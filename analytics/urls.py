"""Reports and the fund officer's dashboard, under /<lang>/fund/."""

from django.urls import path

from analytics import views

app_name = "analytics"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("projects/<int:project_id>/", views.fund_project, name="fund_project"),
    path("reports/<int:report_id>/", views.fund_report, name="fund_report"),
    path("reports/<int:report_id>/export.<str:fmt>", views.fund_export, name="fund_export"),
    path("partners/<slug:slug>/", views.partner_projects, name="partner_projects"),
    path(
        "partners/<slug:slug>/projects/<int:project_id>/reports/",
        views.partner_reports,
        name="partner_reports",
    ),
    path(
        "partners/<slug:slug>/reports/<int:report_id>/",
        views.partner_report,
        name="partner_report",
    ),
    path(
        "partners/<slug:slug>/reports/<int:report_id>/export.<str:fmt>",
        views.partner_export,
        name="partner_export",
    ),
]
