"""Shared set-up of the fee-waiver tests."""

import uuid
from decimal import Decimal

from partners.models import CohortCourse, CohortMember
from partners.tests.factories import CohortFactory, PartnerLearnerFactory
from payments.models import Price
from payments.tests.factories import PriceFactory


def exam_fee(course_key=None, cents=2066) -> Price:
    """An exam fee of € 20,66 + 21 % VAT = € 25,00."""
    return PriceFactory(
        kind=Price.Kind.EXAM_FEE,
        course_key=course_key or uuid.uuid4(),
        seats=None,
        unit_amount_cents=cents,
        vat_rate=Decimal("21.00"),
    )


def cohort_with_members(n: int, *, course_key=None, **cohort_fields):
    cohort = CohortFactory(**cohort_fields)
    if course_key is not None:
        CohortCourse.objects.create(cohort=cohort, course_key=course_key)
    for _ in range(n):
        add_member(cohort)
    return cohort


def add_member(cohort):
    learner = PartnerLearnerFactory(organisation=cohort.project.organisation)
    CohortMember.objects.create(cohort=cohort, learner=learner)
    return learner
