"""Whether a learner must settle an exam fee before starting an exam: a rule of
payments (prices, paid orders, vouchers). lms may not import payments (payments
imports lms), so payments registers its rule when it starts
(`payments.apps.PaymentsConfig.ready`):

    from lms.hooks.exam_fee import register_exam_fee_rule
    register_exam_fee_rule(exam_fee_owed)   # (*, user, course_key) -> ExamFeeDue | None

With no rule registered there are no prices, so no exam carries a fee.
"""

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from lms.models import User


@dataclass(frozen=True)
class ExamFeeDue:
    """What the learner still owes and where to settle it."""

    amount: str  # as the reader's language writes it, VAT included
    pay_url: str
    redeem_url: str


ExamFeeRule = Callable[..., ExamFeeDue | None]
_rules: list[ExamFeeRule] = []


def register_exam_fee_rule(rule: ExamFeeRule) -> None:
    """Register `rule(*, user, course_key) -> ExamFeeDue | None` (idempotent)."""
    if rule not in _rules:
        _rules.append(rule)


def exam_fee_owed(*, user: User, course_key: UUID) -> ExamFeeDue | None:
    """The fee `user` owes before the exam of `course_key`, or None."""
    for rule in _rules:
        due = rule(user=user, course_key=course_key)
        if due is not None:
            return due
    return None
