"""What is for sale: seat packs per course and the exam fee of a
certificate-bearing course. Amounts are in euro cents, without VAT; an order
freezes the amounts it was sold at, so a later price change touches no order."""

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

STANDARD_VAT_RATE = Decimal("21.00")


class Price(models.Model):
    """One price staff set: a pack of `seats` seats of a course at
    `unit_amount_cents` a seat, or the exam fee of a course (zero by default:
    with no active exam fee, the exam is free)."""

    class Kind(models.TextChoices):
        SEAT_PACK = "seat_pack", _("Seat pack")
        EXAM_FEE = "exam_fee", _("Exam fee")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    course_key = models.UUIDField(_("course"), db_index=True)
    seats = models.PositiveIntegerField(_("seats in the pack"), null=True, blank=True)
    unit_amount_cents = models.PositiveIntegerField(_("price per unit, cents, no VAT"))
    vat_rate = models.DecimalField(
        _("VAT rate (%)"), max_digits=5, decimal_places=2, default=STANDARD_VAT_RATE
    )
    is_active = models.BooleanField(_("on sale"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("price")
        verbose_name_plural = _("prices")
        ordering = ["course_key", "kind", "seats"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="seat_pack") & Q(seats__gte=1))
                | (Q(kind="exam_fee") & Q(seats__isnull=True)),
                name="payments_price_seats_match_kind",
            ),
            models.UniqueConstraint(
                fields=["course_key"],
                condition=Q(kind="exam_fee", is_active=True),
                name="payments_price_one_exam_fee",
            ),
            models.UniqueConstraint(
                fields=["course_key", "seats"],
                condition=Q(kind="seat_pack", is_active=True),
                name="payments_price_one_pack_size",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.course_key} · {self.unit_amount_cents}"
