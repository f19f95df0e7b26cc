"""Pages of payments, under the language prefix (/<lang>/payments/...)."""

from django.urls import path  # noqa: F401

app_name = "payments"

urlpatterns = []

# --- fee waivers (fund officer's project page, partner cohorts) ---------------
from payments.views import waivers as waiver_views  # noqa: E402

urlpatterns += [
    path(
        "fund/projects/<int:project_id>/waivers/",
        waiver_views.fund_project_waivers,
        name="fund_project_waivers",
    ),
    path(
        "partners/<slug:slug>/cohorts/<int:cohort_id>/waivers/",
        waiver_views.cohort_waivers,
        name="cohort_waivers",
    ),
]
