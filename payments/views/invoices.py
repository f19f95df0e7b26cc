"""Invoices and credit notes: an organisation's list, a person's own, and the
PDF download."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partners.permissions import access_organisation
from payments.permissions import READER_ROLES, access_invoice
from payments.selectors.invoices import organisation_invoices as organisation_invoices_list
from payments.selectors.invoices import user_invoices
from payments.services.invoices import invoice_pdf_bytes

PAGE_SIZE = 50


def _page(request: HttpRequest, rows):
    number = request.GET.get("page", "1")
    return Paginator(rows, PAGE_SIZE).get_page(number if number.isdigit() else 1)


@login_required
@require_GET
def organisation_invoices(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's invoices and credit notes, for its managers and reporters."""
    organisation = access_organisation(request.user, slug, roles=READER_ROLES)
    page_obj = _page(request, organisation_invoices_list(organisation=organisation))
    return render(
        request,
        "payments/invoices_organisation.html",
        {"organisation": organisation, "page_obj": page_obj},
    )


@login_required
@require_GET
def my_invoices(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own invoices (exam fees they paid)."""
    page_obj = _page(request, user_invoices(user=request.user))
    return render(request, "payments/invoices_mine.html", {"page_obj": page_obj})


@login_required
@require_GET
def invoice_download(request: HttpRequest, number: str) -> HttpResponse:
    """The stored PDF of an invoice or credit note (drawn now if missing)."""
    invoice = access_invoice(request.user, number)
    response = HttpResponse(invoice_pdf_bytes(invoice=invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
