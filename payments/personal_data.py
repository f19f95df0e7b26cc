"""The invoices part of "Download my data" and of erasing an account,
registered into `lms.hooks_personal_data` by `PaymentsConfig.ready`.

Invoices are accounting documents: Belgian law keeps them ten years (see the
README, "Invoices"), erasure or not (GDPR art. 17(3)(b)). What the law needs
stays (number, date, name and address, amounts, the PDF, which carries no
e-mail address); the billing e-mail copied on the person's invoices goes."""

from payments.models import Invoice


def invoices_personal_data(*, user) -> list[dict]:
    """The person's own invoices and credit notes (exam fees they paid)."""
    rows = Invoice.objects.filter(order__buyer=user, order__organisation__isnull=True).order_by(
        "year", "kind", "sequence"
    )
    return [
        {
            "number": invoice.number,
            "kind": invoice.kind,
            "issued_on": invoice.issued_on.isoformat(),
            "buyer": invoice.buyer,
            "net_cents": invoice.net_cents,
            "vat_cents": invoice.vat_cents,
            "gross_cents": invoice.gross_cents,
        }
        for invoice in rows
    ]


def invoices_erase_for(*, user, actor, reason: str) -> int:
    """Keep the person's invoices (the law), without their e-mail address."""
    changed = 0
    rows = Invoice.objects.select_for_update().filter(
        order__buyer=user, order__organisation__isnull=True, buyer__has_key="email"
    )
    for invoice in rows:
        invoice.buyer = {k: v for k, v in invoice.buyer.items() if k != "email"}
        invoice.save(update_fields=["buyer"])
        changed += 1
    return changed
