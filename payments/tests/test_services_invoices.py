"""Invoices and credit notes: numbering per kind and Brussels year, frozen
text, PDF stored once with its hash, e-mailed once, swept when a task is lost."""

import hashlib
from unittest import mock

import pytest
from django.core import mail
from django.core.files.storage import default_storage

from payments.models import Invoice, Refund
from payments.services.invoices import (
    credit_note_issue,
    invoice_email_send,
    invoice_issue,
    invoice_pdf_render,
    invoices_pending_sweep,
)
from payments.tests.factories import OrderFactory
from payments.tests.invoice_helpers import brussels_time, pdf_text

pytestmark = pytest.mark.django_db


def _refund(order, seats=2):
    return Refund.objects.create(
        order=order, seats=seats, net_cents=8000, vat_cents=1680, gross_cents=9680
    )


def test_numbers_follow_each_other_within_a_year():
    numbers = [invoice_issue(order=OrderFactory(paid=True)).number for _ in range(3)]
    year = numbers[0][1:5]
    assert numbers == [f"F{year}-000001", f"F{year}-000002", f"F{year}-000003"]


def test_the_year_turns_at_midnight_in_brussels_not_utc():
    # 23:59:59 on 31 December in Brussels is 22:59:59 UTC; midnight is 23:00 UTC.
    with brussels_time(2026, 12, 31, 23, 59, 59):
        last = invoice_issue(order=OrderFactory(paid=True))
    with brussels_time(2027, 1, 1, 0, 0, 0):
        first = invoice_issue(order=OrderFactory(paid=True))
    assert (last.number, str(last.issued_on)) == ("F2026-000001", "2026-12-31")
    assert (first.number, str(first.issued_on)) == ("F2027-000001", "2027-01-01")


def test_credit_notes_have_their_own_sequence():
    with brussels_time(2026, 6, 1, 12, 0, 0):
        invoice_issue(order=OrderFactory(paid=True))
        order = OrderFactory(paid=True)
        invoice = invoice_issue(order=order)
        note = credit_note_issue(refund=_refund(order))
    assert invoice.number == "F2026-000002"
    assert note.number == "C2026-000001"
    assert note.credited_invoice == invoice
    assert (note.net_cents, note.vat_cents, note.gross_cents) == (8000, 1680, 9680)
    assert note.lines[0]["quantity"] == 2


def test_an_order_is_invoiced_once_and_a_refund_credited_once():
    order = OrderFactory(paid=True)
    assert invoice_issue(order=order) == invoice_issue(order=order)
    refund = _refund(order)
    assert credit_note_issue(refund=refund) == credit_note_issue(refund=refund)
    assert Invoice.objects.count() == 2


def test_an_unpaid_order_is_not_invoiced_and_takes_no_number():
    with pytest.raises(ValueError):
        invoice_issue(order=OrderFactory())
    assert invoice_issue(order=OrderFactory(paid=True)).sequence == 1


def test_invoice_text_is_frozen_from_the_order():
    order = OrderFactory(paid=True)
    invoice = invoice_issue(order=order)
    order.billing = {**order.billing, "name": "Renamed"}
    order.save()
    invoice.refresh_from_db()
    assert invoice.buyer["name"] != "Renamed"
    assert invoice.seller["company_number"] == "0403170701"


def test_payment_method_is_read_from_stripe_events():
    order = OrderFactory(paid=True)
    order.stripe_events.create(
        event_id="evt_1",
        type="payment_intent.succeeded",
        created=1,
        payload={"data": {"object": {"payment_method_types": ["bancontact"]}}},
    )
    assert invoice_issue(order=order).payment_method == "bancontact"


def test_pdf_is_stored_once_with_its_sha256(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(order=OrderFactory(paid=True))
    invoice.refresh_from_db()
    name = invoice.pdf.name
    with default_storage.open(name, "rb") as stored:
        data = stored.read()
    assert data.startswith(b"%PDF")
    assert invoice.pdf_sha256 == hashlib.sha256(data).hexdigest()
    assert invoice_pdf_render(invoice=invoice) == name
    invoice.refresh_from_db()
    assert invoice.pdf_sha256 == hashlib.sha256(data).hexdigest()


def test_invoice_is_emailed_once_with_the_pdf_to_the_billing_email(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(order=OrderFactory(paid=True))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["boekhouding@example.be"]
    assert message.subject == f"Factuur {invoice.number}"  # the billing language, nl
    assert "/nl/payments/organisations/" in message.body
    (name, data, mime), *_ = message.attachments
    assert (name, mime) == (f"{invoice.number}.pdf", "application/pdf")
    assert invoice.number in pdf_text(data)
    assert invoice_email_send(invoice_id=invoice.pk) == "already sent"
    assert len(mail.outbox) == 1


def test_a_lost_task_is_caught_by_the_sweep():
    """The broker lost the message (or the process died after the commit):
    the beat sweep draws the PDF and sends the e-mail, once."""
    with mock.patch("payments.tasks.invoice_deliver.delay_on_commit"):
        invoice = invoice_issue(order=OrderFactory(paid=True))
    invoice.refresh_from_db()
    assert not invoice.pdf and invoice.emailed_at is None
    assert invoices_pending_sweep() == 1
    invoice.refresh_from_db()
    assert invoice.pdf and invoice.pdf_sha256 and invoice.emailed_at
    assert len(mail.outbox) == 1
    assert invoices_pending_sweep() == 0


def test_a_broker_outage_keeps_the_delivery_in_the_outbox(django_capture_on_commit_callbacks):
    """With a broker that refuses, the task message waits in the outbox."""
    from celery import current_app
    from kombu.exceptions import OperationalError

    from outbox.models import OutboxMessage
    from outbox.task import broker_resume

    current_app.conf.task_always_eager = False
    try:
        with (
            mock.patch(
                "celery.contrib.django.task.DjangoTask.apply_async",
                side_effect=OperationalError("down"),
            ),
            django_capture_on_commit_callbacks(execute=True),
        ):
            invoice_issue(order=OrderFactory(paid=True))
    finally:
        current_app.conf.task_always_eager = True
        broker_resume()
    kept = OutboxMessage.objects.get()
    assert kept.task_name == "payments.tasks.invoice_deliver"
    assert kept.args == [Invoice.objects.get().pk]


def test_the_sweep_is_in_the_beat_schedule():
    from config.celery import app

    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "payments.tasks.invoices_pending_sweep" in tasks


def test_an_invoice_without_billing_email_is_not_swept_forever():
    order = OrderFactory(paid=True)
    order.billing = {**order.billing, "email": ""}
    order.save()
    with mock.patch("payments.tasks.invoice_deliver.delay_on_commit"):
        invoice_issue(order=order)
    assert invoices_pending_sweep() == 1  # the PDF
    assert invoices_pending_sweep() == 0
    assert mail.outbox == []


def test_erasing_an_account_keeps_the_invoice_without_the_email():
    """Ten years of keeping (accounting law) beat erasure; the e-mail is not
    something the law needs, and is not printed on the PDF."""
    from lms.services.erasure import account_erase
    from lms.tests.factories import UserFactory
    from payments.tests.invoice_helpers import exam_fee_order

    person = UserFactory()
    order = exam_fee_order(person)
    invoice = invoice_issue(order=order)
    account_erase(user=person, reason="holder_request")
    invoice.refresh_from_db()
    assert "email" not in invoice.buyer
    assert invoice.buyer["name"] and invoice.number


def test_a_credit_note_is_emailed_naming_the_invoice(django_capture_on_commit_callbacks):
    order = OrderFactory(paid=True)
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(order=order)
        note = credit_note_issue(refund=_refund(order))
    assert [m.subject for m in mail.outbox] == [
        f"Factuur {invoice.number}",
        f"Creditnota {note.number}",
    ]
    assert invoice.number in mail.outbox[1].body


def test_a_pdf_lost_from_storage_is_drawn_again_on_demand(django_capture_on_commit_callbacks):
    from payments.services.invoices import invoice_pdf_bytes

    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(order=OrderFactory(paid=True))
    invoice.refresh_from_db()
    default_storage.delete(invoice.pdf.name)
    data = invoice_pdf_bytes(invoice=invoice)
    invoice.refresh_from_db()
    assert data.startswith(b"%PDF")
    assert default_storage.exists(invoice.pdf.name)
    assert invoice.pdf_sha256 == hashlib.sha256(data).hexdigest()
