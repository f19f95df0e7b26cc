"""Pages of payments, under the language prefix (/<lang>/payments/...)."""

from django.urls import path  # noqa: F401

app_name = "payments"

urlpatterns = []
