"""What was bought and what Stripe told us about it."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Order(models.Model):
    """One purchase, priced on the server when it is made: a seat pack for an
    organisation, or one exam fee for a person. Paid only when Stripe's signed
    webhook says so (`payments.services.stripe_events`)."""

    class Kind(models.TextChoices):
        SEAT_PACK = "seat_pack", _("Seat pack")
        EXAM_FEE = "exam_fee", _("Exam fee")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for payment")
        PROCESSING = "processing", _("Payment in progress")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Payment failed")
        CANCELED = "canceled", _("Cancelled")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="orders",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
    )
    price = models.ForeignKey("payments.Price", on_delete=models.PROTECT, related_name="orders")
    course_key = models.UUIDField(_("course"), db_index=True)
    quantity = models.PositiveIntegerField(_("seats or exams"))
    # Frozen at creation from the price and the buyer's VAT position.
    unit_amount_cents = models.PositiveIntegerField()
    net_cents = models.PositiveIntegerField()
    vat_rate = models.DecimalField(max_digits=5, decimal_places=2)
    vat_cents = models.PositiveIntegerField()
    gross_cents = models.PositiveIntegerField()
    currency = models.CharField(max_length=3, default="eur")
    reverse_charge = models.BooleanField(default=False)
    # The billing details as they were when the order was made.
    billing = models.JSONField(default=dict)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="nl")
    stripe_payment_intent = models.CharField(max_length=255, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gross_cents=models.F("net_cents") + models.F("vat_cents")),
                name="payments_order_gross_is_net_plus_vat",
            ),
            models.CheckConstraint(
                condition=Q(paid_at__isnull=True) | Q(status="paid"),
                name="payments_order_paid_at_only_when_paid",
            ),
            models.CheckConstraint(
                condition=~Q(kind="seat_pack") | Q(organisation__isnull=False),
                name="payments_order_seats_for_an_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.public_id}"


class StripeEvent(models.Model):
    """Every webhook event Stripe sent, by its id: processed once, whatever
    the number of deliveries or their order."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    # Stripe's own time of the event (seconds since the epoch).
    created = models.BigIntegerField()
    payload = models.JSONField()
    order = models.ForeignKey(
        Order, on_delete=models.SET_NULL, null=True, blank=True, related_name="stripe_events"
    )
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class Refund(models.Model):
    """Money given back for unused seats (or an unused exam fee). A used seat is
    never refunded. The credit note is made with it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Refunded")
        FAILED = "failed", _("Failed")

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    seats = models.PositiveIntegerField(_("seats or exams refunded"))
    net_cents = models.PositiveIntegerField()
    vat_cents = models.PositiveIntegerField()
    gross_cents = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    stripe_refund = models.CharField(max_length=255, unique=True, null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="payments_refund_some_seats"),
            models.CheckConstraint(
                condition=Q(gross_cents=models.F("net_cents") + models.F("vat_cents")),
                name="payments_refund_gross_is_net_plus_vat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order} −{self.seats}"
