"""Invoices and credit notes, numbered without gaps per kind and year."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lms.services import audit_record
from payments.models import Invoice, InvoiceSequence, Order, Refund

NUMBER_PREFIX = {Invoice.Kind.INVOICE: "F", Invoice.Kind.CREDIT_NOTE: "C"}


def seller_details() -> dict:
    """The seller as printed on every invoice (from settings)."""
    return {
        "name": settings.INVOICE_SELLER_NAME,
        "street": settings.INVOICE_SELLER_STREET,
        "postcode": settings.INVOICE_SELLER_POSTCODE,
        "city": settings.INVOICE_SELLER_CITY,
        "country": settings.INVOICE_SELLER_COUNTRY,
        "company_number": settings.INVOICE_SELLER_COMPANY_NUMBER,
        "vat_number": settings.INVOICE_SELLER_VAT_NUMBER,
        "iban": settings.INVOICE_SELLER_IBAN,
        "email": settings.INVOICE_SELLER_EMAIL,
    }


def _next_number(*, kind: str, year: int) -> int:
    # The row is locked until the caller's transaction ends: a number is used
    # by exactly the invoice made in that transaction, or by none (rollback),
    # so the sequence has no gaps whatever runs at the same time.
    InvoiceSequence.objects.get_or_create(kind=kind, year=year)
    sequence = InvoiceSequence.objects.select_for_update().get(kind=kind, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def invoice_number_format(*, kind: str, year: int, sequence: int) -> str:
    """`F2026-000042` for invoices, `C2026-000003` for credit notes."""
    return f"{NUMBER_PREFIX[kind]}{year}-{sequence:06d}"


@transaction.atomic
def invoice_issue(*, order: Order) -> Invoice:
    """The invoice of a paid order, numbered now. Idempotent: an order has one."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    existing = Invoice.objects.filter(order=order, kind=Invoice.Kind.INVOICE).first()
    if existing is not None:
        return existing
    if order.status != Order.Status.PAID:
        raise ValueError("only a paid order is invoiced")
    issued_on = timezone.localdate(order.paid_at)
    year = issued_on.year
    sequence = _next_number(kind=Invoice.Kind.INVOICE, year=year)
    invoice = Invoice.objects.create(
        kind=Invoice.Kind.INVOICE,
        year=year,
        sequence=sequence,
        number=invoice_number_format(kind=Invoice.Kind.INVOICE, year=year, sequence=sequence),
        order=order,
        issued_on=issued_on,
        language=order.billing.get("language") or order.language,
        seller=seller_details(),
        buyer=order.billing,
        lines=[
            {
                "kind": order.kind,
                "course_key": str(order.course_key),
                "quantity": order.quantity,
                "unit_cents": order.unit_amount_cents,
                "net_cents": order.net_cents,
                "vat_rate": str(order.vat_rate),
                "vat_cents": order.vat_cents,
            }
        ],
        net_cents=order.net_cents,
        vat_rate=order.vat_rate,
        vat_cents=order.vat_cents,
        gross_cents=order.gross_cents,
        reverse_charge=order.reverse_charge,
    )
    audit_record(
        actor=None,
        action="payments.invoice_issue",
        target=invoice,
        data={"number": invoice.number, "order": str(order.public_id)},
    )
    return invoice


@transaction.atomic
def credit_note_issue(*, refund: Refund) -> Invoice:
    """The credit note of a refund, against the order's invoice. Idempotent: a
    refund has one."""
    existing = Invoice.objects.filter(refund=refund).first()
    if existing is not None:
        return existing
    order = refund.order
    invoice = invoice_issue(order=order)
    issued_on = timezone.localdate()
    year = issued_on.year
    sequence = _next_number(kind=Invoice.Kind.CREDIT_NOTE, year=year)
    credit_note = Invoice.objects.create(
        kind=Invoice.Kind.CREDIT_NOTE,
        year=year,
        sequence=sequence,
        number=invoice_number_format(kind=Invoice.Kind.CREDIT_NOTE, year=year, sequence=sequence),
        order=order,
        refund=refund,
        credited_invoice=invoice,
        issued_on=issued_on,
        language=invoice.language,
        seller=seller_details(),
        buyer=invoice.buyer,
        lines=[
            {
                "kind": order.kind,
                "course_key": str(order.course_key),
                "quantity": refund.seats,
                "unit_cents": order.unit_amount_cents,
                "net_cents": refund.net_cents,
                "vat_rate": str(order.vat_rate),
                "vat_cents": refund.vat_cents,
            }
        ],
        net_cents=refund.net_cents,
        vat_rate=order.vat_rate,
        vat_cents=refund.vat_cents,
        gross_cents=refund.gross_cents,
        reverse_charge=order.reverse_charge,
    )
    audit_record(
        actor=refund.requested_by,
        action="payments.credit_note_issue",
        target=credit_note,
        data={"number": credit_note.number, "invoice": invoice.number},
    )
    return credit_note
