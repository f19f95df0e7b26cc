"""Partner staff on a phone upload a learner file, read the preview with its
problems and enrol the valid rows; every page passes axe. A large file shows
an accessible progress bar that updates by itself (htmx)."""

import pytest
from playwright.sync_api import expect

from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from partners.models import CohortCourse, ImportBatch, PartnerLearner
from partners.services import membership_grant
from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory
from partners.tests.files import NL_HEADERS, csv_bytes, good_row
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def staff(page, home_page, live_server):
    tree = course_tree(home_page, self_enrolment=False)
    organisation = OrganisationFactory(language="nl")
    cohort = CohortFactory(project=ProjectFactory(organisation=organisation), name="Maart")
    CohortCourse.objects.create(cohort=cohort, course_key=tree.course.translation_key)
    manager = UserFactory(preferred_language="en")
    membership_grant(organisation=organisation, user=manager, role="manager")
    sign_in(page, manager, live_server)
    return cohort


def test_upload_preview_and_commit_on_a_phone(page, staff, tmp_path):
    cohort = staff
    slug = cohort.project.organisation.slug
    path = tmp_path / "cursisten.csv"
    path.write_bytes(
        csv_bytes([good_row(1), good_row(2, first="Éloïse"), good_row(3, birth="31/02/1990")])
    )

    page.goto(f"/en/partners/{slug}/cohorts/{cohort.pk}/")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("link", name="Enrol learners from a file").click()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("button", name="Check the file").click()  # no file chosen
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    assert_accessible(page)

    page.get_by_label("File with learners (CSV or XLSX)").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_url("**/imports/**")
    expect(page.get_by_text("31/02/1990 is not a possible date of birth.")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert not PartnerLearner.objects.exists()

    page.get_by_role("button", name="Enrol 2 learners").click()
    page.wait_for_load_state()
    expect(page.get_by_text("2 learners have been enrolled.")).to_be_visible()
    assert_accessible(page)
    assert PartnerLearner.objects.count() == 2

    page.get_by_role("link", name="See the cohort's progress").click()
    expect(page.get_by_role("link", name="Éloïse Van den Broeck")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_a_running_check_shows_a_progress_bar_that_updates_itself(page, staff):
    cohort = staff
    batch = ImportBatch.objects.create(
        public_id="5b0e3a52-4d4e-4a4f-9a57-7c9f3e0d1a11",
        organisation=cohort.project.organisation,
        cohort=cohort,
        original_name="groot.csv",
        file_format="csv",
        status=ImportBatch.Status.VALIDATING,
        rows_total=5000,
    )
    page.goto(f"/en/partners/{cohort.project.organisation.slug}/imports/{batch.public_id}/")
    progress = page.get_by_label("Checking the file")
    assert progress.evaluate("e => e.tagName") == "PROGRESS"
    expect(page.locator("[aria-live=polite]")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    # The step ends (as the worker would): the next poll reloads the page.
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.FAILED, problem="empty"
    )
    page.wait_for_selector("text=This file cannot be used", timeout=10_000)
    assert_accessible(page)


def test_the_mapping_step_on_a_phone_with_the_partners_own_words(page, staff, tmp_path):
    """A file with the partner's own target-group words and a register column:
    the mapping page proposes matches, passes axe, and once confirmed leads to
    the preview."""
    cohort = staff
    slug = cohort.project.organisation.slug
    headers = [*NL_HEADERS, "Rijksregisternummer"]
    path = tmp_path / "export.csv"
    path.write_bytes(
        csv_bytes(
            [good_row(1, groups="senior") + ["85073003328"], good_row(2, groups="young") + [""]],
            headers=headers,
        )
    )
    page.goto(f"/en/partners/{slug}/cohorts/{cohort.pk}/import/")
    page.get_by_label("File with learners (CSV or XLSX)").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_url("**/mapping/")
    expect(page.get_by_text("never used as the learner id")).to_be_visible()
    assert page.get_by_label("senior").input_value() == "seniors"
    assert page.get_by_label("young").input_value() == "young_people"
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Use these matches and check the file").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="Enrol 2 learners")).to_be_visible()
    assert_accessible(page)
