"""The consent rule where learning data is recorded: a child of an "under 13"
class without consent leaves no xAPI statement and no focus event."""

import pytest

from lms.models import Enrolment, FocusEvent, Statement
from lms.services import (
    attempt_focus_loss_record,
    consent_record,
    enrolment_create,
    quiz_attempt_start,
)

pytestmark = pytest.mark.django_db


def _exam(child, tree):
    enrolment = enrolment_create(
        learner=child.user, course=tree.course, source=Enrolment.Source.TEACHER
    )
    lesson = tree.exam_lesson
    return quiz_attempt_start(
        enrolment=enrolment, lesson=lesson, activity_key=tree.quiz_key(lesson)
    )[0]


def test_without_consent_enrolling_a_child_leaves_no_statement(tree, child):
    enrolment_create(learner=child.user, course=tree.course, source=Enrolment.Source.TEACHER)
    assert not Statement.objects.filter(learner=child.user).exists()


def test_without_consent_no_focus_event_is_kept(tree, child):
    exam = _exam(child, tree)
    assert attempt_focus_loss_record(attempt=exam, kind="hidden") is False
    assert not FocusEvent.objects.exists()


def test_with_consent_focus_events_and_statements_are_kept(tree, child, teacher):
    consent_record(child=child, method="paper", guardian_name="Anna", recorded_by=teacher)
    exam = _exam(child, tree)
    assert attempt_focus_loss_record(attempt=exam, kind="hidden") is True
    assert Statement.objects.filter(learner=child.user).exists()
