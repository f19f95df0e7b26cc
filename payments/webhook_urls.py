"""Stripe's webhook, one address whatever the language (/payments/stripe/...)."""

from django.urls import path  # noqa: F401

app_name = "payments_stripe"

urlpatterns = []
