"""Reads of invoices and credit notes: an organisation's, a person's own, and
those still waiting for their PDF or e-mail."""

from django.db.models import Q, QuerySet

from payments.models import Invoice

LIST_FIELDS = (
    "id",
    "kind",
    "number",
    "issued_on",
    "gross_cents",
    "language",
    "pdf",
    "credited_invoice__number",
)


def organisation_invoices(*, organisation) -> QuerySet:
    """Invoices and credit notes of an organisation's orders, newest first
    (one query, whatever their number)."""
    return (
        Invoice.objects.filter(order__organisation=organisation)
        .select_related("credited_invoice")
        .only(*LIST_FIELDS)
        .order_by("-issued_on", "-id")
    )


def user_invoices(*, user) -> QuerySet:
    """A person's own invoices and credit notes (exam fees they paid
    themselves, not their organisation's), newest first."""
    return (
        Invoice.objects.filter(order__buyer=user, order__organisation__isnull=True)
        .select_related("credited_invoice")
        .only(*LIST_FIELDS)
        .order_by("-issued_on", "-id")
    )


def invoices_undelivered(*, limit: int = 200) -> list[int]:
    """Ids of invoices without a stored PDF, or not yet e-mailed to a billing
    e-mail they have, oldest first."""
    unsent = Q(emailed_at__isnull=True, buyer__has_key="email") & ~Q(buyer__email="")
    return list(
        Invoice.objects.filter(Q(pdf="") | unsent)
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )
