import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from lms.tests.factories import UserFactory
from payments.models import Price
from payments.services.prices import euros_to_cents, price_create, price_update, price_withdraw
from payments.tests.factories import OrderFactory, PriceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "cents"),
    [("12,50", 1250), ("12.50", 1250), ("12", 1200), ("€ 20,66", 2066), ("0,5", 50), ("0", 0)],
)
def test_amounts_are_typed_in_euros_with_a_comma_or_a_point(text, cents):
    assert euros_to_cents(text) == cents


@pytest.mark.parametrize("text", ["", "-1", "12,505", "1.234,50", "abc", "12,"])
def test_other_amounts_are_refused(text):
    with pytest.raises(ValidationError):
        euros_to_cents(text)


def _pack(course_key, seats=10, cents=3000, **kw):
    return price_create(
        kind=Price.Kind.SEAT_PACK,
        course_key=course_key,
        seats=seats,
        unit_amount_cents=cents,
        vat_rate=Decimal("21"),
        created_by=kw.pop("by", None),
    )


def test_creating_a_price_writes_its_new_values_to_the_audit_journal():
    staff = UserFactory()
    price = _pack(uuid.uuid4(), by=staff)
    entry = AuditEntry.objects.get(action="payments.price_create", target_id=str(price.pk))
    assert entry.actor == staff
    assert entry.data["old"] is None
    assert entry.data["new"]["unit_amount_cents"] == 3000


def test_the_same_pack_size_twice_is_a_clear_error_on_the_seats():
    key = uuid.uuid4()
    _pack(key, seats=10)
    with pytest.raises(ValidationError) as error:
        _pack(key, seats=10)
    assert "seats" in error.value.error_dict
    assert Price.objects.filter(course_key=key).count() == 1


def test_a_second_active_exam_fee_is_a_clear_error():
    key = uuid.uuid4()
    price_create(
        kind=Price.Kind.EXAM_FEE,
        course_key=key,
        unit_amount_cents=2066,
        vat_rate=Decimal("21"),
        created_by=None,
    )
    with pytest.raises(ValidationError, match="already has an exam fee"):
        price_create(
            kind=Price.Kind.EXAM_FEE,
            course_key=key,
            unit_amount_cents=1000,
            vat_rate=Decimal("21"),
            created_by=None,
        )


def test_an_exam_fee_never_carries_seats():
    price = price_create(
        kind=Price.Kind.EXAM_FEE,
        course_key=uuid.uuid4(),
        seats=10,
        unit_amount_cents=2066,
        vat_rate=Decimal("21"),
        created_by=None,
    )
    assert price.seats is None


def test_a_price_without_orders_is_changed_in_place_with_old_and_new_values_audited():
    price = _pack(uuid.uuid4())
    updated = price_update(
        price=price, seats=10, unit_amount_cents=2500, vat_rate=Decimal("21"), updated_by=None
    )
    assert updated.pk == price.pk and updated.unit_amount_cents == 2500
    entry = AuditEntry.objects.get(action="payments.price_update")
    assert entry.data["old"]["unit_amount_cents"] == 3000
    assert entry.data["new"]["unit_amount_cents"] == 2500


def test_a_price_used_by_an_order_is_withdrawn_and_replaced_not_changed():
    order = OrderFactory(paid=True)
    old = order.price
    new = price_update(
        price=old, seats=old.seats, unit_amount_cents=1, vat_rate=Decimal("21"), updated_by=None
    )
    old.refresh_from_db()
    order.refresh_from_db()
    assert new.pk != old.pk and new.is_active and new.unit_amount_cents == 1
    assert not old.is_active and old.unit_amount_cents == 4000
    assert order.price_id == old.pk and order.unit_amount_cents == 4000


def test_changing_a_pack_to_the_size_of_another_pack_is_refused():
    key = uuid.uuid4()
    _pack(key, seats=10)
    fifty = _pack(key, seats=50)
    with pytest.raises(ValidationError):
        price_update(
            price=fifty, seats=10, unit_amount_cents=1, vat_rate=Decimal("21"), updated_by=None
        )


def test_a_withdrawn_price_is_not_edited():
    price = PriceFactory(is_active=False)
    with pytest.raises(ValidationError):
        price_update(
            price=price, seats=10, unit_amount_cents=1, vat_rate=Decimal("21"), updated_by=None
        )


def test_withdrawing_is_audited_once_and_frees_the_pack_size():
    price = _pack(uuid.uuid4())
    price_withdraw(price=price, withdrawn_by=None)
    price_withdraw(price=price, withdrawn_by=None)
    assert AuditEntry.objects.filter(action="payments.price_withdraw").count() == 1
    assert _pack(price.course_key).is_active


def test_a_vat_rate_over_100_is_refused():
    with pytest.raises(ValidationError):
        price_create(
            kind=Price.Kind.SEAT_PACK,
            course_key=uuid.uuid4(),
            seats=10,
            unit_amount_cents=1,
            vat_rate=Decimal("121"),
            created_by=None,
        )
