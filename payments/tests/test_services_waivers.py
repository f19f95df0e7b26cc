import datetime
import uuid

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from certificates import codes
from lms.tests.factories import UserFactory
from partners.tests.factories import OrganisationFactory, ProjectFactory
from payments.models import Voucher
from payments.selectors.exam_fees import exam_fee_due
from payments.services.waivers import cohort_fee_waivers_issue, fee_waivers_issue
from payments.tests.factories import OrderFactory
from payments.tests.waiver_helpers import add_member, cohort_with_members, exam_fee

pytestmark = pytest.mark.django_db


def test_waivers_are_worth_the_exam_fee_with_vat_at_issue_and_carry_checked_codes():
    price = exam_fee()
    project = ProjectFactory()
    officer = UserFactory()
    vouchers = fee_waivers_issue(
        organisation=project.organisation,
        project=project,
        course_key=price.course_key,
        count=3,
        issued_by=officer,
    )
    assert len(vouchers) == 3
    for voucher in vouchers:
        assert voucher.kind == Voucher.Kind.FEE_WAIVER
        assert voucher.value_cents == 2500
        assert voucher.project == project and voucher.issued_by == officer
        assert codes.is_well_formed(voucher.code)
    entry = AuditEntry.objects.get(action="payments.fee_waivers_issue")
    assert entry.data["count"] == 3 and entry.actor == officer


def test_a_waiver_for_a_free_exam_is_worth_nothing():
    project = ProjectFactory()
    (voucher,) = fee_waivers_issue(
        organisation=project.organisation,
        project=project,
        course_key=uuid.uuid4(),
        count=1,
        issued_by=None,
    )
    assert voucher.value_cents == 0


def test_a_later_price_change_leaves_issued_waivers_worth_what_they_were():
    price = exam_fee()
    org = OrganisationFactory()
    (voucher,) = fee_waivers_issue(
        organisation=org, course_key=price.course_key, count=1, issued_by=None
    )
    price.unit_amount_cents = 9999
    price.save()
    voucher.refresh_from_db()
    assert voucher.value_cents == 2500


@pytest.mark.parametrize("count", [0, -1, 501])
def test_a_count_out_of_bounds_is_refused(count):
    with pytest.raises(ValueError):
        fee_waivers_issue(
            organisation=OrganisationFactory(), course_key=uuid.uuid4(), count=count, issued_by=None
        )


def test_a_project_of_another_organisation_is_refused():
    with pytest.raises(ValueError):
        fee_waivers_issue(
            organisation=OrganisationFactory(),
            project=ProjectFactory(),
            course_key=uuid.uuid4(),
            count=1,
            issued_by=None,
        )


def test_cohort_waivers_settle_every_members_fee_without_a_code():
    price = exam_fee()
    cohort = cohort_with_members(3, course_key=price.course_key)
    vouchers = cohort_fee_waivers_issue(cohort=cohort, course_key=price.course_key, issued_by=None)
    assert len(vouchers) == 3
    for member in cohort.members.select_related("learner__user"):
        user = member.learner.user
        assert exam_fee_due(user=user, course_key=price.course_key) is None
        voucher = Voucher.objects.get(redeemed_by=user)
        assert voucher.status == Voucher.Status.REDEEMED and voucher.cohort == cohort
        assert voucher.project == cohort.project
    assert AuditEntry.objects.filter(action="payments.voucher_redeem").count() == 3


def test_a_cohort_larger_than_one_batch_gets_a_waiver_for_every_member(monkeypatch):
    from payments.services import waivers

    monkeypatch.setattr(waivers, "MAX_WAIVERS_AT_ONCE", 2)
    price = exam_fee()
    cohort = cohort_with_members(5, course_key=price.course_key)
    vouchers = cohort_fee_waivers_issue(cohort=cohort, course_key=price.course_key, issued_by=None)
    assert len(vouchers) == 5
    assert Voucher.objects.filter(cohort=cohort, status=Voucher.Status.REDEEMED).count() == 5


def test_cohort_waivers_again_issue_only_for_members_who_joined_since():
    price = exam_fee()
    cohort = cohort_with_members(2, course_key=price.course_key)
    cohort_fee_waivers_issue(cohort=cohort, course_key=price.course_key, issued_by=None)
    assert (
        cohort_fee_waivers_issue(cohort=cohort, course_key=price.course_key, issued_by=None) == []
    )
    add_member(cohort)
    again = cohort_fee_waivers_issue(cohort=cohort, course_key=price.course_key, issued_by=None)
    assert len(again) == 1
    assert Voucher.objects.filter(cohort=cohort).count() == 3


def test_a_member_who_already_paid_the_fee_gets_no_waiver():
    price = exam_fee()
    cohort = cohort_with_members(1, course_key=price.course_key)
    user = cohort.members.get().learner.user
    OrderFactory(
        paid=True,
        kind="exam_fee",
        buyer=user,
        organisation=None,
        price=price,
        quantity=1,
        billing={},
    )
    assert (
        cohort_fee_waivers_issue(cohort=cohort, course_key=price.course_key, issued_by=None) == []
    )


def test_waivers_of_another_course_do_not_count_for_this_one():
    first, second = exam_fee(), exam_fee()
    cohort = cohort_with_members(1)
    cohort_fee_waivers_issue(cohort=cohort, course_key=first.course_key, issued_by=None)
    assert (
        len(cohort_fee_waivers_issue(cohort=cohort, course_key=second.course_key, issued_by=None))
        == 1
    )


def test_expiry_is_kept():
    until = timezone.now() + datetime.timedelta(days=30)
    (voucher,) = fee_waivers_issue(
        organisation=OrganisationFactory(),
        course_key=uuid.uuid4(),
        count=1,
        issued_by=None,
        expires_at=until,
    )
    assert voucher.expires_at == until
