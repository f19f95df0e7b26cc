"""Voucher codes: a paid seat, or a fee waiver given to a funded project or an
employment agency. A code reads like a certificate code (16 symbols with a check
symbol, `certificates.codes`) and is redeemed once."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Voucher(models.Model):
    """One seat or one fee waiver for one course. Redeeming it enrols the
    person and settles the course's exam fee."""

    class Kind(models.TextChoices):
        SEAT = "seat", _("Paid seat")
        FEE_WAIVER = "fee_waiver", _("Fee waiver")

    class Status(models.TextChoices):
        AVAILABLE = "available", _("Not yet handed out")
        ASSIGNED = "assigned", _("Sent to a person")
        REDEEMED = "redeemed", _("Used")
        CANCELED = "canceled", _("Cancelled")

    code = models.CharField(_("code"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.AVAILABLE
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    # A paid seat comes from an order; a waiver from the fund or an agency.
    order = models.ForeignKey(
        "payments.Order", on_delete=models.PROTECT, null=True, blank=True, related_name="vouchers"
    )
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="vouchers"
    )
    project = models.ForeignKey(
        "partners.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vouchers",
    )
    cohort = models.ForeignKey(
        "partners.Cohort",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vouchers",
    )
    # The exam fee (VAT included) the voucher waives, as it was when issued:
    # what the fund sees as waived for a project.
    value_cents = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(_("valid until"), null=True, blank=True)
    assigned_email = models.EmailField(_("sent to"), blank=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vouchers_redeemed",
    )
    redeemed_at = models.DateTimeField(null=True, blank=True)
    refund = models.ForeignKey(
        "payments.Refund", on_delete=models.PROTECT, null=True, blank=True, related_name="vouchers"
    )
    canceled_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voucher")
        verbose_name_plural = _("vouchers")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="seat") | Q(order__isnull=False),
                name="payments_voucher_seat_has_order",
            ),
            models.CheckConstraint(
                condition=Q(redeemed_at__isnull=True) | Q(status="redeemed"),
                name="payments_voucher_redeemed_at_only_when_redeemed",
            ),
            # One person uses at most one voucher per course.
            models.UniqueConstraint(
                fields=["redeemed_by", "course_key"],
                condition=Q(redeemed_by__isnull=False),
                name="payments_voucher_once_per_person_course",
            ),
        ]

    def __str__(self) -> str:
        return self.code


class ResultsConsent(models.Model):
    """The person who redeemed a seat lets the organisation that paid for it
    see their progress and result in that course. Given by the person, never by
    the employer; withdrawn at any time."""

    voucher = models.OneToOneField(Voucher, on_delete=models.CASCADE, related_name="consent")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="results_consents"
    )
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="results_consents"
    )
    granted_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("consent to share results")
        verbose_name_plural = _("consents to share results")

    def __str__(self) -> str:
        return f"{self.learner} → {self.organisation}"
