"""Prices staff set in the Wagtail admin: seat packs and exam fees. A price an
order already used is never changed in place: it is taken off sale and a new
one is made, so that orders and invoices keep what they were sold at."""

import re
from decimal import Decimal, InvalidOperation
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from payments.models import Price

_AMOUNT = re.compile(r"^\d{1,7}(?:[.,]\d{1,2})?$")


def euros_to_cents(text: str) -> int:
    """`12,50`, `12.50`, `€ 12` -> cents. Raises ValidationError on anything
    else (negative amounts, thousands separators, more than two decimals)."""
    cleaned = (text or "").replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if not _AMOUNT.match(cleaned):
        raise ValidationError(
            _("Type an amount in euros, such as 12,50 or 12.50."), code="amount_invalid"
        )
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the pattern already checked it
        raise ValidationError(_("Type an amount in euros, such as 12,50 or 12.50.")) from error
    return int(value * 100)


def _snapshot(price: Price) -> dict:
    return {
        "kind": price.kind,
        "course_key": str(price.course_key),
        "seats": price.seats,
        "unit_amount_cents": price.unit_amount_cents,
        "vat_rate": str(price.vat_rate),
        "is_active": price.is_active,
    }


def _check(*, kind: str, course_key: UUID, seats: int | None, vat_rate: Decimal, exclude=None):
    errors = {}
    if kind == Price.Kind.SEAT_PACK and not seats:
        errors["seats"] = _("A seat pack needs a number of seats (1 or more).")
    if kind == Price.Kind.EXAM_FEE and seats:
        errors["seats"] = _("An exam fee has no number of seats.")
    if not Decimal("0") <= Decimal(vat_rate) <= Decimal("100"):
        errors["vat_rate"] = _("The VAT rate lies between 0 and 100 %.")
    if errors:
        raise ValidationError(errors)
    active = Price.objects.filter(kind=kind, course_key=course_key, is_active=True)
    if exclude is not None:
        active = active.exclude(pk=exclude.pk)
    if kind == Price.Kind.EXAM_FEE and active.exists():
        raise ValidationError(
            _("This course already has an exam fee on sale: take it off sale or edit it."),
            code="exam_fee_exists",
        )
    if kind == Price.Kind.SEAT_PACK and active.filter(seats=seats).exists():
        raise ValidationError(
            {"seats": _("A pack of this many seats is already on sale for this course.")},
            code="pack_exists",
        )


def _save(price: Price, **kwargs) -> Price:
    # The partial unique constraints are the last word when two editors save
    # at the same moment: their error becomes a form error, never a 500.
    try:
        with transaction.atomic():
            price.save(**kwargs)
    except IntegrityError as error:
        raise ValidationError(
            _("Another price of this kind is already on sale for this course."),
            code="price_conflict",
        ) from error
    return price


@transaction.atomic
def price_create(
    *,
    kind: str,
    course_key: UUID,
    unit_amount_cents: int,
    vat_rate: Decimal,
    seats: int | None = None,
    created_by,
) -> Price:
    """A new price on sale (a seat pack of `seats` seats, or the exam fee)."""
    seats = seats if kind == Price.Kind.SEAT_PACK else None
    _check(kind=kind, course_key=course_key, seats=seats, vat_rate=vat_rate)
    price = _save(
        Price(
            kind=kind,
            course_key=course_key,
            seats=seats,
            unit_amount_cents=unit_amount_cents,
            vat_rate=vat_rate,
        )
    )
    audit_record(
        actor=created_by,
        action="payments.price_create",
        target=price,
        data={"old": None, "new": _snapshot(price)},
    )
    return price


@transaction.atomic
def price_withdraw(*, price: Price, withdrawn_by) -> Price:
    """Take a price off sale. Orders made with it keep it. Idempotent."""
    price = Price.objects.select_for_update().get(pk=price.pk)
    if not price.is_active:
        return price
    old = _snapshot(price)
    price.is_active = False
    price.save(update_fields=["is_active", "updated_at"])
    audit_record(
        actor=withdrawn_by,
        action="payments.price_withdraw",
        target=price,
        data={"old": old, "new": _snapshot(price)},
    )
    return price


@transaction.atomic
def price_update(
    *,
    price: Price,
    unit_amount_cents: int,
    vat_rate: Decimal,
    seats: int | None = None,
    updated_by,
) -> Price:
    """Change a price on sale and return the price now on sale: the same row
    when no order used it, else a new row (the old one is taken off sale)."""
    price = Price.objects.select_for_update().get(pk=price.pk)
    if not price.is_active:
        raise ValidationError(
            _("This price is no longer on sale; create a new one instead."), code="withdrawn"
        )
    seats = seats if price.kind == Price.Kind.SEAT_PACK else None
    _check(
        kind=price.kind, course_key=price.course_key, seats=seats, vat_rate=vat_rate, exclude=price
    )
    old = _snapshot(price)
    if price.orders.exists():
        price.is_active = False
        price.save(update_fields=["is_active", "updated_at"])
        new_price = _save(
            Price(
                kind=price.kind,
                course_key=price.course_key,
                seats=seats,
                unit_amount_cents=unit_amount_cents,
                vat_rate=vat_rate,
            )
        )
        audit_record(
            actor=updated_by,
            action="payments.price_withdraw",
            target=price,
            data={"old": old, "new": _snapshot(price), "replaced_by": new_price.pk},
        )
        audit_record(
            actor=updated_by,
            action="payments.price_create",
            target=new_price,
            data={"old": old, "new": _snapshot(new_price), "replaces": price.pk},
        )
        return new_price
    price.seats = seats
    price.unit_amount_cents = unit_amount_cents
    price.vat_rate = vat_rate
    _save(price)
    audit_record(
        actor=updated_by,
        action="payments.price_update",
        target=price,
        data={"old": old, "new": _snapshot(price)},
    )
    return price
