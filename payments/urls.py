"""Pages of payments, under the language prefix (/<lang>/payments/...)."""

from django.urls import path

app_name = "payments"

urlpatterns = []

# --- invoices -----------------------------------------------------------------
from payments.views import invoices as invoice_views  # noqa: E402

urlpatterns += [
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
]
