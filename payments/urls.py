"""Pages of payments, under the language prefix (/<lang>/payments/...)."""

from django.urls import path

from payments.views import checkout
from payments.views import invoices as invoice_views
from payments.views import vouchers as voucher_views
from payments.views import waivers as waiver_views

app_name = "payments"

urlpatterns = [
    # --- stripe: checkout, order status, refunds ---
    path("seats/<uuid:course_key>/", checkout.seats_buy, name="seats_buy"),
    path("exam-fee/<uuid:course_key>/", checkout.exam_fee_pay, name="exam_fee_pay"),
    path("orders/<uuid:public_id>/pay/", checkout.checkout, name="checkout"),
    path(
        "orders/<uuid:public_id>/authenticate/",
        checkout.checkout_authenticate,
        name="checkout_authenticate",
    ),
    path("orders/<uuid:public_id>/", checkout.order_status, name="order_status"),
    path(
        "orders/<uuid:public_id>/status.json", checkout.order_status_json, name="order_status_json"
    ),
    path("orders/<uuid:public_id>/refund/", checkout.order_refund, name="order_refund"),
    path(
        "organisations/<slug:slug>/orders/",
        checkout.organisation_orders,
        name="organisation_orders",
    ),
    # --- vouchers and seats ---
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
    # --- invoices ---
    path("invoices/", invoice_views.my_invoices, name="my_invoices"),
    path(
        "organisations/<slug:slug>/invoices/",
        invoice_views.organisation_invoices,
        name="organisation_invoices",
    ),
    path(
        "invoices/<str:number>.pdf",
        invoice_views.invoice_download,
        name="invoice_download",
    ),
    # --- fee waivers (fund officer's project page, partner cohorts) ---
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
