"""Partner staff on a phone release the welcome e-mails of an enrolled file:
the cards page and the import page say what waits, a confirmation gives the
count, the release says it is under way; every page passes axe."""

import pytest
from playwright.sync_api import expect

from lms.tests.factories import UserFactory
from partners.models import ImportRelease
from partners.tests.welcomes import committed_import
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.browser.test_partner_import import staff  # noqa: F401 (the signed-in manager's cohort)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_release_the_welcome_emails_on_a_phone(page, staff):  # noqa: F811
    cohort = staff
    batch = committed_import(cohort, UserFactory(), emails=2, cards=1)
    slug = cohort.project.organisation.slug

    # The cards page says whose card waits for the release, and leads to it.
    page.goto(f"/en/partners/{slug}/cohorts/{cohort.pk}/cards/")
    held = page.get_by_role("link", name=f"{batch.original_name}: one login card waits")
    expect(held).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.goto(f"/en/partners/{slug}/imports/{batch.public_id}/")
    expect(page.get_by_text("2 welcome e-mails are waiting until you send them.")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("link", name="Send the welcome e-mails").click()
    expect(page.get_by_role("heading", name="Send the welcome e-mails")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Send 2 welcome e-mails").click()
    page.wait_for_url(f"**/imports/{batch.public_id}/")
    expect(page.get_by_text("The welcome e-mails are being sent")).to_be_visible()
    assert_accessible(page)
    assert ImportRelease.objects.filter(batch=batch).count() == 1
