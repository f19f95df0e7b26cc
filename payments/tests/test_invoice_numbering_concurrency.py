"""Invoice numbers under real concurrency, on PostgreSQL: threads with their
own connections pay orders at the same moment; some transactions roll back
after taking a number. The numbers of the year end as 1..N, no gap, no
duplicate; an order is invoiced once however many ask at once."""

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections, transaction

from payments.models import Invoice, InvoiceSequence
from payments.services.invoices import invoice_issue
from payments.tests.factories import OrderFactory

pytestmark = [
    # serialized_rollback: the flush after each test would drop the data the
    # migrations made (Wagtail's root page) for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"
    ),
]

THREADS = 24


class Abandoned(Exception):
    """The payment's transaction fails after the invoice took its number."""


def _run_together(work, items):
    barrier = threading.Barrier(len(items))
    results, errors = {}, []

    def run(index, item):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index, item)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, item)) for i, item in enumerate(items)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    return results, errors


@pytest.fixture(autouse=True)
def no_delivery():
    # The PDF and e-mail are not what is tested here; keep the threads short.
    with mock.patch("payments.tasks.invoice_deliver.delay_on_commit"):
        yield


def test_concurrent_payments_with_rollbacks_leave_no_gap():
    orders = [OrderFactory(paid=True) for _ in range(THREADS)]

    def pay(index, order):
        try:
            with transaction.atomic():
                invoice = invoice_issue(order=order)
                time.sleep(0.01)  # hold the lock a moment: the others queue up
                if index % 5 == 0:
                    raise Abandoned
                return invoice.number
        except Abandoned:
            return None

    results, errors = _run_together(pay, orders)
    assert errors == []
    committed = [n for n in results.values() if n]
    abandoned = [i for i, n in results.items() if n is None]
    assert len(abandoned) == 5 and len(committed) == THREADS - 5

    year = Invoice.objects.first().year
    sequences = sorted(Invoice.objects.filter(year=year).values_list("sequence", flat=True))
    assert sequences == list(range(1, len(committed) + 1))
    assert sorted(committed) == [f"F{year}-{n:06d}" for n in sequences]
    assert InvoiceSequence.objects.get(kind="invoice", year=year).last_number == len(committed)

    # The abandoned orders are paid later: they continue the sequence.
    for index in abandoned:
        invoice_issue(order=orders[index])
    sequences = sorted(Invoice.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, THREADS + 1))


def test_the_same_order_invoiced_at_once_gets_one_invoice():
    order = OrderFactory(paid=True)
    results, errors = _run_together(
        lambda index, item: invoice_issue(order=item).number, [order] * 8
    )
    assert errors == []
    assert len(set(results.values())) == 1
    assert Invoice.objects.count() == 1
    assert InvoiceSequence.objects.get().last_number == 1


def test_first_invoices_of_a_new_year_at_once_share_one_sequence_row():
    """Nobody has made the year's sequence row yet: the creators meet on the
    unique constraint and still number 1..N."""
    orders = [OrderFactory(paid=True) for _ in range(10)]
    results, errors = _run_together(lambda index, item: invoice_issue(order=item).number, orders)
    assert errors == []
    assert InvoiceSequence.objects.count() == 1
    assert sorted(Invoice.objects.values_list("sequence", flat=True)) == list(range(1, 11))


def test_concurrent_refunds_number_credit_notes_in_their_own_gapless_sequence():
    from payments.models import Refund
    from payments.services.invoices import credit_note_issue

    orders = [OrderFactory(paid=True) for _ in range(10)]
    for order in orders:
        invoice_issue(order=order)
    refunds = [
        Refund.objects.create(order=o, seats=1, net_cents=4000, vat_cents=840, gross_cents=4840)
        for o in orders
    ]

    def refund(index, item):
        try:
            with transaction.atomic():
                note = credit_note_issue(refund=item)
                if index % 4 == 0:
                    raise Abandoned
                return note.number
        except Abandoned:
            return None

    results, errors = _run_together(refund, refunds)
    assert errors == []
    kept = sorted(n for n in results.values() if n)
    notes = Invoice.objects.filter(kind="credit_note")
    assert sorted(notes.values_list("sequence", flat=True)) == list(range(1, len(kept) + 1))
    assert all(number.startswith("C") for number in kept)
    # The invoices' own sequence did not move.
    assert sorted(
        Invoice.objects.filter(kind="invoice").values_list("sequence", flat=True)
    ) == list(range(1, 11))
