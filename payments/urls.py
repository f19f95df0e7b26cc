"""Pages of payments, under the language prefix (/<lang>/payments/...)."""

from django.urls import path  # noqa: F401

app_name = "payments"

urlpatterns = []

# --- vouchers and seats --------------------------------------------------------
from payments.views import vouchers as voucher_views  # noqa: E402

urlpatterns += [
    path("vouchers/redeem/", voucher_views.voucher_redeem_view, name="voucher_redeem"),
    path(
        "organisations/<slug:slug>/seats/",
        voucher_views.organisation_seats,
        name="organisation_seats",
    ),
    path(
        "organisations/<slug:slug>/seats.csv",
        voucher_views.organisation_seats_csv,
        name="organisation_seats_csv",
    ),
    path(
        "organisations/<slug:slug>/seats/<int:voucher_id>/assign/",
        voucher_views.voucher_assign_view,
        name="voucher_assign",
    ),
    path(
        "organisations/<slug:slug>/seats/<int:voucher_id>/unassign/",
        voucher_views.voucher_unassign_view,
        name="voucher_unassign",
    ),
    path(
        "organisations/<slug:slug>/orders/<uuid:order_id>/assign/",
        voucher_views.vouchers_assign_bulk_view,
        name="vouchers_assign_bulk",
    ),
    path("me/shared/", voucher_views.results_consents, name="results_consents"),
    path(
        "me/shared/<int:consent_id>/withdraw/",
        voucher_views.results_consent_withdraw_view,
        name="results_consent_withdraw",
    ),
]
