"""Invoices and credit notes as Belgian law asks: one sequence per kind and
calendar year, without gaps (a number is taken in the same transaction that
records the invoice, from a row locked with SELECT ... FOR UPDATE)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class InvoiceSequence(models.Model):
    """The last number used for one kind of document in one year."""

    kind = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="payments_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.last_number}"


class Invoice(models.Model):
    """An invoice for a paid order, or a credit note for a refund. Its text is
    frozen (seller, buyer, lines) and its PDF stored with the file's hash."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        CREDIT_NOTE = "credit_note", _("Credit note")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(_("number"), max_length=32, unique=True)
    order = models.ForeignKey("payments.Order", on_delete=models.PROTECT, related_name="invoices")
    refund = models.OneToOneField(
        "payments.Refund",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_note",
    )
    credited_invoice = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="credit_notes"
    )
    issued_on = models.DateField(_("date"))
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    seller = models.JSONField()
    buyer = models.JSONField()
    lines = models.JSONField()
    net_cents = models.PositiveIntegerField()
    vat_rate = models.DecimalField(max_digits=5, decimal_places=2)
    vat_cents = models.PositiveIntegerField()
    gross_cents = models.PositiveIntegerField()
    reverse_charge = models.BooleanField(default=False)
    pdf = models.FileField(upload_to="invoices/%Y/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    # How it was paid, as Stripe said (bancontact, card, sepa_debit), when known.
    payment_method = models.CharField(max_length=32, blank=True)
    # Set when the PDF went to the billing e-mail (sent once).
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "sequence"], name="payments_invoice_number_unique"
            ),
            # One invoice per order; credit notes one per refund.
            models.UniqueConstraint(
                fields=["order"], condition=Q(kind="invoice"), name="payments_invoice_once"
            ),
            models.CheckConstraint(
                condition=Q(kind="invoice", refund__isnull=True)
                | Q(kind="credit_note", refund__isnull=False),
                name="payments_invoice_refund_only_on_credit_notes",
            ),
        ]

    def __str__(self) -> str:
        return self.number
