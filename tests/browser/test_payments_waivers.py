"""A fund officer issues five exam fee waivers for a project and sees their
codes; a partner manager gives a cohort's members their waivers; a staff
editor puts a seat pack on sale in the Wagtail admin. Every page passes axe
(no serious or critical violation) on a 360 px phone."""

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from analytics.tests.people import fund_officer, staff
from courses.tests.factories import catalogue, course
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory
from partners.tests.factories import ProjectFactory
from payments.models import Price, Voucher
from payments.tests.waiver_helpers import cohort_with_members, exam_fee
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def diploma(home_page):
    page = course(
        catalogue("en"), slug="diploma", title="Security diploma", certificate_enabled=True
    )
    exam_fee(page.translation_key)
    return page


def test_a_fund_officer_issues_five_waivers_and_sees_them(page, live_server, diploma):
    project = ProjectFactory(name="Digital first steps")
    sign_in(page, fund_officer(), live_server)
    page.goto(f"/en/fund/projects/{project.pk}/")
    page.get_by_role("link", name="Issue and follow exam fee waivers").click()
    page.get_by_role("heading", name="Exam fee waivers").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_label("Course").select_option(label="Security diploma")
    page.get_by_label("Number of waivers").fill("5")
    page.get_by_role("button", name="Issue the waivers").click()

    expect(page.get_by_text("5 fee waivers were issued.")).to_be_visible()
    codes = list(Voucher.objects.filter(project=project).values_list("code", flat=True))
    assert len(codes) == 5
    for code in codes:
        expect(page.get_by_text(code)).to_be_visible()
    expect(page.get_by_text("5 issued, 0 used; value waived: €0.00.")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_a_partner_manager_gives_a_cohort_its_waivers(page, live_server, diploma):
    cohort = cohort_with_members(2, course_key=diploma.translation_key)
    organisation = cohort.project.organisation
    sign_in(page, staff(organisation), live_server)
    page.goto(f"/en/partners/{organisation.slug}/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Exam fee waivers").click()
    assert_accessible(page)
    page.get_by_role("button", name="Give every member a waiver").click()
    expect(page.get_by_text("2 members received a fee waiver.")).to_be_visible()
    assert Voucher.objects.filter(cohort=cohort, status=Voucher.Status.REDEEMED).count() == 2
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_a_staff_editor_puts_a_seat_pack_on_sale(page, live_server, diploma):
    editor = UserFactory(username="price-editor")
    role_grant(user=editor, role=Role.EDITOR, granted_by=None)
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="payments", codename__in=["add_price", "change_price"]
        )
    )
    page.goto("/cms/login/")
    page.fill("input[name=login]", editor.username)
    page.fill("input[name=password]", "correct-horse-battery")
    page.press("input[name=password]", "Enter")
    page.wait_for_url("**/cms/")

    page.goto("/cms/payments/prices/")
    assert_accessible(page)
    page.get_by_role("link", name="Add a price").click()
    page.locator("#id_kind").select_option("seat_pack")
    page.locator("#id_course_key").select_option(label="Security diploma")
    page.get_by_label("Seats in the pack").fill("50")
    page.get_by_label("Price per seat or per exam, in euros, without VAT").fill("12,50")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()

    page.wait_for_url("**/cms/payments/prices/")
    expect(page.get_by_text("The price is on sale.")).to_be_visible()
    price = Price.objects.get(kind=Price.Kind.SEAT_PACK)
    assert (price.seats, price.unit_amount_cents, price.course_key) == (
        50,
        1250,
        diploma.translation_key,
    )
    assert_accessible(page)
