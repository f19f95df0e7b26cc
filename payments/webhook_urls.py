"""Stripe's webhook, one address whatever the language (/payments/stripe/...)."""

from django.urls import path

from payments.views.stripe_webhook import stripe_webhook

app_name = "payments_stripe"

urlpatterns = [
    # --- stripe ---
    path("webhook/", stripe_webhook, name="webhook"),
]
