"""An employer's manager, on a phone, opens the organisation's invoices and
downloads an invoice PDF; the page passes axe and fits a 360 px screen."""

import pytest
from playwright.sync_api import expect

from lms.tests.factories import UserFactory
from partners.services import membership_grant
from payments.services.invoices import invoice_issue
from payments.tests.factories import EmployerFactory, OrderFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def manager(page, live_server):
    employer = EmployerFactory(name="Brouwerij Ëlise", slug="brouwerij-elise", language="en")
    invoices = [
        invoice_issue(order=OrderFactory(paid=True, organisation=employer)) for _ in range(3)
    ]
    user = UserFactory(preferred_language="en")
    membership_grant(organisation=employer, user=user, role="manager")
    sign_in(page, user, live_server)
    return employer, invoices


def test_manager_opens_invoices_and_downloads_the_pdf_on_a_phone(page, manager):
    employer, invoices = manager
    page.goto(f"/en/payments/organisations/{employer.slug}/invoices/")
    expect(page.get_by_role("heading", name="Invoices", level=1)).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    newest = invoices[-1]
    link = page.get_by_role("link", name=f"Download {newest.number} (PDF)")
    link.focus()  # keyboard only: the link is reachable and activated with Enter
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == f"{newest.number}.pdf"
    with open(download.path(), "rb") as saved:
        assert saved.read(5) == b"%PDF-"


def test_a_trainer_of_the_employer_gets_not_found(page, manager, live_server):
    employer, invoices = manager
    trainer = UserFactory(preferred_language="en")
    membership_grant(organisation=employer, user=trainer, role="trainer")
    sign_in(page, trainer, live_server)
    response = page.goto(f"/en/payments/organisations/{employer.slug}/invoices/")
    assert response.status == 404
    response = page.request.get(f"/en/payments/invoices/{invoices[0].number}.pdf")
    assert response.status == 404


def test_a_person_opens_their_own_invoices_on_a_phone(page, live_server):
    from payments.tests.invoice_helpers import exam_fee_order

    person = UserFactory(preferred_language="fr")
    invoice = invoice_issue(order=exam_fee_order(person, language="fr"))
    sign_in(page, person, live_server)
    page.goto("/fr/payments/invoices/")
    expect(page.get_by_role("heading", name="Mes factures", level=1)).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Télécharger {invoice.number} (PDF)").click()
    assert download_info.value.suggested_filename == f"{invoice.number}.pdf"
