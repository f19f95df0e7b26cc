"""Pages of payments, under the language prefix (/<lang>/payments/...)."""

from django.urls import path

from payments.views import checkout

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
]
