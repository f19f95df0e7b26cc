import pytest

from certificates import codes
from payments.models import Invoice, Refund, Voucher
from payments.services.invoices import credit_note_issue, invoice_issue
from payments.services.vouchers import (
    RefundRefused,
    vouchers_cancel_for_refund,
    vouchers_issue_for_order,
)
from payments.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


def test_paid_seat_pack_gets_one_checked_code_per_seat_once():
    order = OrderFactory(paid=True)
    vouchers = vouchers_issue_for_order(order=order)
    assert len(vouchers) == 10
    assert all(codes.is_well_formed(v.code) for v in vouchers)
    assert vouchers_issue_for_order(order=order) == vouchers
    assert Voucher.objects.count() == 10


def test_invoice_then_credit_note_numbered_in_their_own_sequences():
    order = OrderFactory(paid=True)
    invoice = invoice_issue(order=order)
    assert invoice.number.endswith("-000001") and invoice.number.startswith("F")
    assert invoice_issue(order=order) == invoice
    vouchers_issue_for_order(order=order)
    refund = Refund.objects.create(
        order=order, seats=2, net_cents=8000, vat_cents=1680, gross_cents=9680
    )
    vouchers_cancel_for_refund(order=order, seats=2, refund=refund)
    note = credit_note_issue(refund=refund)
    assert note.number.startswith("C") and note.number.endswith("-000001")
    assert note.credited_invoice == invoice
    assert Invoice.objects.count() == 2


def test_refund_of_more_seats_than_unused_cancels_nothing():
    order = OrderFactory(paid=True, price__seats=2)
    first, second = vouchers_issue_for_order(order=order)
    Voucher.objects.filter(pk=first.pk).update(status=Voucher.Status.REDEEMED)
    refund = Refund.objects.create(
        order=order, seats=2, net_cents=8000, vat_cents=1680, gross_cents=9680
    )
    with pytest.raises(RefundRefused):
        vouchers_cancel_for_refund(order=order, seats=2, refund=refund)
    assert Voucher.objects.filter(status=Voucher.Status.CANCELED).count() == 0
