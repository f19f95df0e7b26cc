"""Invoice pages: an organisation's list for its managers and reporters, a
person's own, and the PDF download; 404 for everyone else."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.tests.factories import UserFactory
from partners.services import membership_grant
from payments.models import Invoice, Refund
from payments.services.invoices import credit_note_issue, invoice_issue
from payments.tests.factories import EmployerFactory, OrderFactory
from payments.tests.invoice_helpers import exam_fee_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer():
    return EmployerFactory(name="Brouwerij Ëlise", slug="brouwerij")


def _member(organisation, role):
    user = UserFactory()
    membership_grant(organisation=organisation, user=user, role=role)
    return user


def _invoices(organisation, count):
    return [
        invoice_issue(order=OrderFactory(paid=True, organisation=organisation))
        for _ in range(count)
    ]


def _exam_fee_invoice(user):
    return invoice_issue(order=exam_fee_order(user))


def _list_url(organisation):
    return reverse("payments:organisation_invoices", kwargs={"slug": organisation.slug})


def _download_url(invoice):
    return reverse("payments:invoice_download", kwargs={"number": invoice.number})


@pytest.mark.parametrize("role", ["manager", "reporter"])
def test_managers_and_reporters_see_their_organisations_invoices(client, employer, role):
    invoice, *_ = _invoices(employer, 2)
    other = _invoices(EmployerFactory(), 1)[0]
    client.force_login(_member(employer, role))
    response = client.get(_list_url(employer))
    assert response.status_code == 200
    body = response.content.decode()
    assert invoice.number in body
    assert _download_url(invoice) in body
    assert other.number not in body


def test_credit_notes_are_listed_with_the_invoice_they_credit(client, employer):
    invoice = _invoices(employer, 1)[0]
    refund = Refund.objects.create(
        order=invoice.order, seats=1, net_cents=4000, vat_cents=840, gross_cents=4840
    )
    note = credit_note_issue(refund=refund)
    client.force_login(_member(employer, "manager"))
    body = client.get(_list_url(employer)).content.decode()
    assert note.number in body and f"credits {invoice.number}" in body


def test_the_organisation_list_runs_the_same_queries_for_2_or_12_invoices(client, employer):
    client.force_login(_member(employer, "reporter"))
    _invoices(employer, 2)
    client.get(_list_url(employer))  # warm caches (session, site, menus)
    with CaptureQueriesContext(connection) as few:
        client.get(_list_url(employer))
    _invoices(employer, 10)
    with CaptureQueriesContext(connection) as many:
        response = client.get(_list_url(employer))
    assert response.content.decode().count("F20") >= 12
    assert len(many) == len(few) <= 12


@pytest.mark.parametrize("role", ["trainer", None])
def test_trainers_and_outsiders_get_404_on_the_organisation_list(client, employer, role):
    user = _member(employer, role) if role else UserFactory()
    client.force_login(user)
    assert client.get(_list_url(employer)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, employer):
    invoice = _invoices(employer, 1)[0]
    for url in (_list_url(employer), reverse("payments:my_invoices"), _download_url(invoice)):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url


def test_my_invoices_lists_only_my_own_exam_fees(client, employer):
    me = UserFactory()
    mine = _exam_fee_invoice(me)
    someone_elses = _exam_fee_invoice(UserFactory())
    # An organisation's order I placed is the organisation's, not mine.
    seats = invoice_issue(order=OrderFactory(paid=True, organisation=employer, buyer=me))
    client.force_login(me)
    body = client.get(reverse("payments:my_invoices")).content.decode()
    assert mine.number in body
    assert someone_elses.number not in body and seats.number not in body


def test_my_invoices_runs_the_same_queries_for_1_or_6_invoices(client):
    me = UserFactory()
    client.force_login(me)
    _exam_fee_invoice(me)
    client.get(reverse("payments:my_invoices"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("payments:my_invoices"))
    for _ in range(5):
        _exam_fee_invoice(me)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("payments:my_invoices"))
    assert len(many) == len(few) <= 9


def test_a_manager_downloads_the_pdf_named_by_its_number(client, employer):
    invoice = _invoices(employer, 1)[0]
    client.force_login(_member(employer, "manager"))
    response = client.get(_download_url(invoice))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{invoice.number}.pdf"'
    assert response.content.startswith(b"%PDF")
    # Drawn on demand (no task ran in this test) and stored for next time.
    invoice.refresh_from_db()
    assert invoice.pdf and invoice.pdf_sha256


def test_the_payer_downloads_their_own_exam_fee_invoice(client):
    me = UserFactory()
    invoice = _exam_fee_invoice(me)
    client.force_login(me)
    assert client.get(_download_url(invoice)).status_code == 200


def test_staff_with_the_view_permission_download_any_invoice(client, employer):
    invoice = _invoices(employer, 1)[0]
    accountant = UserFactory()
    accountant.user_permissions.add(Permission.objects.get(codename="view_invoice"))
    client.force_login(accountant)
    assert client.get(_download_url(invoice)).status_code == 200


@pytest.mark.parametrize("who", ["trainer", "other organisation's manager", "stranger", "staff"])
def test_everyone_else_gets_404_whether_the_invoice_exists_or_not(client, employer, who):
    invoice = _invoices(employer, 1)[0]
    if who == "trainer":
        user = _member(employer, "trainer")
    elif who == "other organisation's manager":
        user = _member(EmployerFactory(), "manager")
    elif who == "staff":
        user = UserFactory(is_staff=True)  # staff without the permission
    else:
        user = UserFactory()
    client.force_login(user)
    assert client.get(_download_url(invoice)).status_code == 404
    missing = reverse("payments:invoice_download", kwargs={"number": "F1999-000001"})
    assert client.get(missing).status_code == 404
    assert Invoice.objects.filter(pdf="").count() == 1  # nothing drawn for them
