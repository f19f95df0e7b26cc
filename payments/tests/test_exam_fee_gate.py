"""The exam fee, as lms asks it through `lms.hooks.exam_fee`: a new exam
attempt waits until the fee is paid or waived; lessons, practice and an
attempt already open never do."""

from decimal import Decimal

import pytest
from django.utils import translation

from lms.exceptions import LearningError
from lms.models import Enrolment
from lms.services import enrolment_create, quiz_attempt_start
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from partners.tests.factories import OrganisationFactory
from payments.models import Order, Price
from payments.services.vouchers import voucher_redeem
from payments.services.waivers import fee_waivers_issue
from payments.tests.factories import OrderFactory, PriceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    return course_tree(home_page)


@pytest.fixture
def learner():
    return UserFactory(preferred_language="en")


@pytest.fixture
def enrolment(tree, learner):
    return enrolment_create(learner=learner, course=tree.course, source=Enrolment.Source.SELF)


def _fee(tree, cents=2066, **fields) -> Price:
    return PriceFactory(
        kind=Price.Kind.EXAM_FEE,
        seats=None,
        course_key=tree.course.translation_key,
        unit_amount_cents=cents,
        vat_rate=Decimal("21.00"),
        **fields,
    )


def _fee_order(price: Price, **fields) -> Order:
    """An exam-fee order of one person (no organisation) at `price`."""
    return OrderFactory(
        kind=Order.Kind.EXAM_FEE, organisation=None, price=price, quantity=1, **fields
    )


def _start_exam(enrolment, tree):
    return quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.exam_lesson,
        activity_key=tree.quiz_key(tree.exam_lesson),
    )


def test_an_exam_with_a_fee_waits_for_it_with_the_amount_vat_included(enrolment, tree):
    _fee(tree)
    with translation.override("en"), pytest.raises(LearningError) as refused:
        _start_exam(enrolment, tree)
    assert refused.value.code == "exam_fee_due"
    assert "€25.00" in refused.value.message  # 20.66 + 21 % VAT


def test_practice_never_waits_for_the_exam_fee(enrolment, tree):
    _fee(tree)
    attempt, created = quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.practice_lesson,
        activity_key=tree.quiz_key(tree.practice_lesson),
    )
    assert created and not attempt.exam


def test_a_zero_fee_is_no_fee(enrolment, tree):
    _fee(tree, cents=0)
    assert _start_exam(enrolment, tree)[1]


def test_a_fee_taken_off_sale_is_no_fee(enrolment, tree):
    _fee(tree, is_active=False)
    assert _start_exam(enrolment, tree)[1]


def test_a_paid_exam_fee_order_opens_the_exam(enrolment, tree, learner):
    price = _fee(tree)
    _fee_order(price, buyer=learner, paid=True)
    assert _start_exam(enrolment, tree)[1]


@pytest.mark.parametrize(
    "status", [Order.Status.PENDING, Order.Status.FAILED, Order.Status.PROCESSING]
)
def test_an_unpaid_exam_fee_order_does_not(enrolment, tree, learner, status):
    price = _fee(tree)
    _fee_order(price, buyer=learner, status=status)
    with pytest.raises(LearningError):
        _start_exam(enrolment, tree)


def test_someone_elses_paid_fee_does_not_open_my_exam(enrolment, tree):
    price = _fee(tree)
    _fee_order(price, paid=True)  # bought by someone else
    with pytest.raises(LearningError):
        _start_exam(enrolment, tree)


def test_a_fee_waiver_redeemed_opens_the_exam(enrolment, tree, learner):
    _fee(tree)
    agency = OrganisationFactory(kind="employment_agency")
    [waiver] = fee_waivers_issue(
        organisation=agency, course_key=tree.course.translation_key, count=1, issued_by=None
    )
    voucher_redeem(code=waiver.code, user=learner, share_results=False)
    assert _start_exam(enrolment, tree)[1]


def test_an_attempt_open_before_a_fee_appeared_is_resumed(enrolment, tree):
    attempt, _created = _start_exam(enrolment, tree)
    _fee(tree)
    assert _start_exam(enrolment, tree) == (attempt, False)


def test_the_exam_block_offers_to_pay_or_enter_a_voucher_instead_of_starting(
    client, enrolment, tree, learner
):
    _fee(tree)
    client.force_login(learner)
    body = client.get(tree.exam_lesson.url).content.decode()
    assert "This exam has a fee of €25.00 (VAT included)" in body
    assert f'href="/en/payments/exam-fee/{tree.course.translation_key}/"' in body
    assert 'href="/en/payments/vouchers/redeem/"' in body
    assert "Start the exam" not in body


def test_the_exam_block_offers_the_exam_once_the_fee_is_paid(client, enrolment, tree, learner):
    price = _fee(tree)
    _fee_order(price, buyer=learner, paid=True)
    client.force_login(learner)
    body = client.get(tree.exam_lesson.url).content.decode()
    assert "Start the exam" in body and "Pay the exam fee" not in body
