"""Invoices and credit notes, numbered without gaps per kind and year, drawn
as PDF once, stored with their hash and e-mailed to the billing address once.

Numbering: a number is taken from the `InvoiceSequence` row of (kind, year),
locked with SELECT ... FOR UPDATE, in the transaction that creates the
invoice. A rollback gives the number back with the row; the next transaction
waits on the lock and sees the committed value: numbers 1..N, no gap, no
duplicate, whatever runs at the same time. The year is the calendar year of
the issue date in Brussels time.

After the commit, `invoice_deliver` (Celery, through the outbox) renders the
PDF and e-mails it; `invoices_pending_sweep` (beat) catches what a lost task
left behind."""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation

from audit.services import audit_record
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
    # so the sequence has no gaps whatever runs at the same time. The first
    # invoice of a year creates the row; two creating it at once meet on the
    # unique constraint, and get_or_create reads the winner's row.
    InvoiceSequence.objects.get_or_create(kind=kind, year=year)
    sequence = InvoiceSequence.objects.select_for_update().get(kind=kind, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def invoice_number_format(*, kind: str, year: int, sequence: int) -> str:
    """`F2026-000042` for invoices, `C2026-000003` for credit notes."""
    return f"{NUMBER_PREFIX[kind]}{year}-{sequence:06d}"


def _payment_method(order: Order) -> str:
    """How the order was paid (bancontact, card, sepa_debit), as Stripe's
    events about it say; empty when they do not."""
    # A field on the order, when the Stripe part keeps one, wins.
    known = getattr(order, "payment_method", "")
    if isinstance(known, str) and known:
        return known
    payloads = order.stripe_events.order_by("-created").values_list("payload", flat=True)
    for payload in payloads:
        data = (payload or {}).get("data") or {}
        found = data.get("object") or {}
        charges = [found, *((found.get("charges") or {}).get("data") or [])]
        for charge in charges:
            kind = (charge.get("payment_method_details") or {}).get("type")
            if kind:
                return str(kind)[:32]
        types = found.get("payment_method_types") or []
        if len(types) == 1:
            return str(types[0])[:32]
    return ""


def _line(*, order: Order, quantity: int, net: int, vat: int, language: str) -> dict:
    from courses.selectors import course_titles

    titles = course_titles(keys=[order.course_key], language=language)
    return {
        "kind": order.kind,
        "course_key": str(order.course_key),
        # Frozen, like the rest of the invoice: a renamed course changes no invoice.
        "title": titles.get(order.course_key, ""),
        "quantity": quantity,
        "unit_cents": order.unit_amount_cents,
        "net_cents": net,
        "vat_rate": str(order.vat_rate),
        "vat_cents": vat,
    }


def _deliver_on_commit(invoice: Invoice) -> None:
    from payments.tasks import invoice_deliver

    invoice_deliver.delay_on_commit(invoice.pk)


def _document_create(
    *,
    kind: str,
    order: Order,
    language: str,
    buyer: dict,
    quantity: int,
    net: int,
    vat: int,
    gross: int,
    payment_method: str,
    **links,
) -> Invoice:
    # Numbered now, dated today in Brussels; the caller holds the order's lock.
    issued_on = timezone.localdate()
    year = issued_on.year
    sequence = _next_number(kind=kind, year=year)
    return Invoice.objects.create(
        kind=kind,
        year=year,
        sequence=sequence,
        number=invoice_number_format(kind=kind, year=year, sequence=sequence),
        order=order,
        issued_on=issued_on,
        language=language,
        seller=seller_details(),
        buyer=buyer,
        lines=[_line(order=order, quantity=quantity, net=net, vat=vat, language=language)],
        net_cents=net,
        vat_rate=order.vat_rate,
        vat_cents=vat,
        gross_cents=gross,
        reverse_charge=order.reverse_charge,
        payment_method=payment_method,
        **links,
    )


@transaction.atomic
def invoice_issue(*, order: Order) -> Invoice:
    """The invoice of a paid order, numbered now and dated today (Brussels).
    Idempotent, also at the same moment: the order row is locked first, so a
    second call waits and then finds the invoice."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    existing = Invoice.objects.filter(order=order, kind=Invoice.Kind.INVOICE).first()
    if existing is not None:
        return existing
    if order.status != Order.Status.PAID:
        raise ValueError("only a paid order is invoiced")
    invoice = _document_create(
        kind=Invoice.Kind.INVOICE,
        order=order,
        language=order.billing.get("language") or order.language,
        buyer=order.billing,
        quantity=order.quantity,
        net=order.net_cents,
        vat=order.vat_cents,
        gross=order.gross_cents,
        payment_method=_payment_method(order),
    )
    audit_record(
        actor=None,
        action="payments.invoice_issue",
        target=invoice,
        data={"number": invoice.number, "order": str(order.public_id)},
    )
    _deliver_on_commit(invoice)
    return invoice


@transaction.atomic
def credit_note_issue(*, refund: Refund) -> Invoice:
    """The credit note of a refund, against the order's invoice. Idempotent: a
    refund has one (the order row is locked before looking)."""
    order = Order.objects.select_for_update().get(pk=refund.order_id)
    existing = Invoice.objects.filter(refund=refund).first()
    if existing is not None:
        return existing
    invoice = invoice_issue(order=order)
    credit_note = _document_create(
        kind=Invoice.Kind.CREDIT_NOTE,
        order=order,
        language=invoice.language,
        buyer=invoice.buyer,
        quantity=refund.seats,
        net=refund.net_cents,
        vat=refund.vat_cents,
        gross=refund.gross_cents,
        payment_method=invoice.payment_method,
        refund=refund,
        credited_invoice=invoice,
    )
    audit_record(
        actor=refund.requested_by,
        action="payments.credit_note_issue",
        target=credit_note,
        data={"number": credit_note.number, "invoice": invoice.number},
    )
    _deliver_on_commit(credit_note)
    return credit_note


def invoice_pdf_render(*, invoice: Invoice) -> str:
    """Draw the invoice's PDF and store it with its SHA-256, once (the row is
    locked: a second caller waits, then finds it). Returns the stored name."""
    from payments.invoice_pdf import invoice_pdf

    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if invoice.pdf and default_storage.exists(invoice.pdf.name):
            return invoice.pdf.name
        data = invoice_pdf(invoice=invoice)
        invoice.pdf.save(f"{invoice.number}.pdf", ContentFile(data), save=False)
        invoice.pdf_sha256 = hashlib.sha256(data).hexdigest()
        invoice.save(update_fields=["pdf", "pdf_sha256"])
    return invoice.pdf.name


def invoice_pdf_bytes(*, invoice: Invoice) -> bytes:
    """The stored PDF (drawn and stored first when it is missing)."""
    name = invoice_pdf_render(invoice=invoice)
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def invoice_email_send(*, invoice_id: int) -> str:
    """E-mail the invoice (or credit note) with its PDF to the billing e-mail,
    in the invoice's language; once (marker `emailed_at`, set under a row
    lock). Returns what happened."""
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.urls import reverse

    from payments.invoice_pdf import document_title

    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("order__organisation", "credited_invoice")
            .filter(pk=invoice_id)
            .first()
        )
        if invoice is None:
            return "missing"
        if invoice.emailed_at is not None:
            return "already sent"
        address = (invoice.buyer or {}).get("email", "")
        if not address:
            return "no e-mail"
        pdf = invoice_pdf_bytes(invoice=invoice)
        with translation.override(invoice.language):
            organisation = invoice.order.organisation
            page = (
                reverse("payments:organisation_invoices", kwargs={"slug": organisation.slug})
                if organisation is not None
                else reverse("payments:my_invoices")
            )
            context = {
                "invoice": invoice,
                "page_url": settings.SITE_URL + page,
                "title": document_title(invoice),
                "buyer_name": (invoice.buyer or {}).get("name", ""),
                "seller": invoice.seller,
            }
            subject = render_to_string("payments/email/invoice_subject.txt", context)
            message = EmailMessage(
                subject=" ".join(subject.split()),
                body=render_to_string("payments/email/invoice_body.txt", context),
                to=[address],
                reply_to=[invoice.seller.get("email")] if invoice.seller.get("email") else None,
                headers={"Content-Language": invoice.language},
            )
            message.attach(f"{invoice.number}.pdf", pdf, "application/pdf")
        # Sent inside the lock: a second run waits, then sees the marker.
        message.send()
        invoice.emailed_at = timezone.now()
        invoice.save(update_fields=["emailed_at"])
    return "sent"


def invoice_deliver(*, invoice_id: int) -> str:
    """Render and store the PDF, then e-mail it (each step once)."""
    invoice = Invoice.objects.filter(pk=invoice_id).first()
    if invoice is None:
        return "missing"
    invoice_pdf_render(invoice=invoice)
    return invoice_email_send(invoice_id=invoice_id)


def invoices_pending_sweep(*, limit: int = 200) -> int:
    """Deliver the invoices a lost task left without a PDF or an e-mail
    (the oldest first, `limit` per run). Returns how many were handled."""
    from payments.selectors.invoices import invoices_undelivered

    handled = 0
    for invoice_id in invoices_undelivered(limit=limit):
        invoice_deliver(invoice_id=invoice_id)
        handled += 1
    return handled
