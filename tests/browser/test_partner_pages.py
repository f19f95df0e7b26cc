"""Partner staff on a phone walk the partner's menu, search a cohort's
learners, record an outcome on a later page and open the login cards; every
page passes axe and fits a 360 px screen."""

import pytest
from playwright.sync_api import expect

from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from partners.models import CohortCourse, Outcome
from partners.services import membership_grant
from partners.tests.crowd import cohort_crowd
from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def cohort(page, home_page, live_server):
    tree = course_tree(home_page, self_enrolment=False)
    organisation = OrganisationFactory(language="nl", name="VDAB Gent")
    cohort = CohortFactory(project=ProjectFactory(organisation=organisation), name="Maart")
    CohortCourse.objects.create(cohort=cohort, course_key=tree.course.translation_key)
    cohort_crowd(cohort, 130, course=tree.course, email=False)
    manager = UserFactory(preferred_language="en")
    membership_grant(organisation=organisation, user=manager, role="manager")
    sign_in(page, manager, live_server)
    return cohort


def _check(page):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_menu_search_outcomes_and_cards_on_a_phone(page, cohort):
    page.goto(f"/en/partners/{cohort.project.organisation.slug}/")
    _check(page)
    menu = page.get_by_role("navigation", name="Menu of VDAB Gent")
    expect(menu.get_by_role("link", name="Reports to the fund")).to_be_visible()
    expect(menu.get_by_role("link", name="API and webhooks")).to_be_visible()
    menu.get_by_role("link", name="Files uploaded").click()
    _check(page)
    page.get_by_role("navigation", name="Menu of VDAB Gent").get_by_role(
        "link", name="Cohorts"
    ).click()
    page.get_by_role("link", name="Maart").click()
    _check(page)
    expect(page.get_by_text("Page 1 of 2")).to_be_visible()

    page.get_by_label("Search learners by name, learner id or e-mail").fill("Özdemir")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url("**q=*")
    _check(page)

    page.get_by_role("link", name="Record outcomes").click()
    page.get_by_role("link", name="Next page").click()
    _check(page)
    select = page.locator("select").first
    select.select_option("job_found")
    page.get_by_role("button", name="Save the outcomes").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Outcomes saved (1 changed).")).to_be_visible()
    assert "page=2" in page.url
    assert Outcome.objects.count() == 1

    page.goto(f"/en/partners/{cohort.project.organisation.slug}/cohorts/{cohort.pk}/cards/")
    _check(page)
    expect(page.get_by_text("this is part 1 of 4")).to_be_visible()
