"""Whether a learner owes an exam fee for a course. No active exam-fee price,
or a zero one, means the exam is free; a paid exam-fee order or a redeemed
voucher (a paid seat or a fee waiver) settles it."""

from uuid import UUID

from django.urls import reverse
from django.utils.translation import get_language

from lms.hooks.exam_fee import ExamFeeDue
from payments.models import Order, Price, Voucher
from payments.money import euros, line_amounts


def exam_fee_price(*, course_key: UUID) -> Price | None:
    """The exam fee on sale for `course_key`, or None when the exam is free."""
    return (
        Price.objects.filter(
            kind=Price.Kind.EXAM_FEE,
            course_key=course_key,
            is_active=True,
            unit_amount_cents__gt=0,
        )
        .order_by("-pk")
        .first()
    )


def exam_fee_settled(*, user, course_key: UUID) -> bool:
    """True when `user` paid the exam fee of `course_key` or redeemed a voucher
    for it."""
    if Voucher.objects.filter(
        redeemed_by=user, course_key=course_key, status=Voucher.Status.REDEEMED
    ).exists():
        return True
    return Order.objects.filter(
        buyer=user,
        kind=Order.Kind.EXAM_FEE,
        course_key=course_key,
        status=Order.Status.PAID,
    ).exists()


def exam_fee_due(*, user, course_key: UUID) -> Price | None:
    """The price `user` still has to pay before the exam of `course_key`, or
    None when the exam is free or the fee is settled."""
    price = exam_fee_price(course_key=course_key)
    if price is None or exam_fee_settled(user=user, course_key=course_key):
        return None
    return price


def exam_fee_owed(*, user, course_key: UUID) -> ExamFeeDue | None:
    """payments' answer to lms (`lms.hooks.exam_fee`): what `user` owes before
    the exam of `course_key`, in the active language, with where to settle it."""
    price = exam_fee_due(user=user, course_key=course_key)
    if price is None:
        return None
    gross = line_amounts(unit_cents=price.unit_amount_cents, quantity=1, vat_rate=price.vat_rate)[2]
    return ExamFeeDue(
        amount=euros(gross, get_language() or "nl"),
        pay_url=reverse("payments:exam_fee_pay", kwargs={"course_key": course_key}),
        redeem_url=reverse("payments:voucher_redeem"),
    )
