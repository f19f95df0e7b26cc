"""Voucher codes: issued for a paid seat pack or as fee waivers, handed out,
redeemed once."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from certificates import codes
from lms.services import audit_record
from payments.models import Order, Refund, Voucher


def _new_code() -> str:
    # 75 random bits: a collision is caught by the unique constraint, retried.
    return codes.generate()


def _create_voucher(**fields) -> Voucher:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Voucher.objects.create(code=_new_code(), **fields)
        except IntegrityError:
            continue
    raise RuntimeError("could not draw a free voucher code")


@transaction.atomic
def vouchers_issue_for_order(*, order: Order) -> list[Voucher]:
    """One seat voucher per seat of a paid seat pack. Idempotent: an order that
    already has its vouchers gets no more."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.kind != Order.Kind.SEAT_PACK or order.status != Order.Status.PAID:
        raise ValueError("vouchers are issued for paid seat packs only")
    existing = list(order.vouchers.all())
    if existing:
        return existing
    vouchers = [
        _create_voucher(
            kind=Voucher.Kind.SEAT,
            course_key=order.course_key,
            order=order,
            organisation=order.organisation,
            value_cents=order.gross_cents // order.quantity,
            issued_by=order.buyer,
        )
        for _seat in range(order.quantity)
    ]
    audit_record(
        actor=order.buyer,
        action="payments.vouchers_issue",
        target=order,
        data={"seats": order.quantity, "course_key": str(order.course_key)},
    )
    return vouchers


class RefundRefused(ValueError):
    """A refund asks for more seats than are still unused."""


@transaction.atomic
def vouchers_cancel_for_refund(*, order: Order, seats: int, refund: Refund) -> list[Voucher]:
    """Cancel `seats` unused vouchers of `order` for `refund` (those not yet
    handed out first). A used seat is never refunded: fewer unused seats than
    asked raises RefundRefused and cancels nothing."""
    unused = list(
        Voucher.objects.select_for_update()
        .filter(order=order, status__in=[Voucher.Status.AVAILABLE, Voucher.Status.ASSIGNED])
        .order_by(F("assigned_at").asc(nulls_first=True), "pk")[:seats]
    )
    if seats < 1 or len(unused) < seats:
        raise RefundRefused(f"{len(unused)} unused seats, {seats} asked")
    now = timezone.now()
    Voucher.objects.filter(pk__in=[v.pk for v in unused]).update(
        status=Voucher.Status.CANCELED, canceled_at=now, refund=refund
    )
    for voucher in unused:
        voucher.status, voucher.canceled_at, voucher.refund = Voucher.Status.CANCELED, now, refund
    return unused
