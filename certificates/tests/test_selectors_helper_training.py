"""The check lms uses to activate digital helpers: a valid certificate of the
organisation's training course (through the hook certificates registers)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.tests.helpers import issue_after_exam
from lms.hooks.coaching import helper_holds_training

pytestmark = pytest.mark.django_db


def test_a_valid_certificate_of_the_training_counts(security_course, learner):
    key = security_course.translation_key
    assert not helper_holds_training(user=learner, course_key=key)
    issue_after_exam(user=learner, course=security_course)
    assert helper_holds_training(user=learner, course_key=key)


def test_a_revoked_or_expired_certificate_does_not_count(security_course, learner):
    key = security_course.translation_key
    certificate = issue_after_exam(user=learner, course=security_course)
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    assert not helper_holds_training(user=learner, course_key=key)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=None)
    services.certificate_revoke(certificate=certificate, actor=learner, reason="test")
    assert not helper_holds_training(user=learner, course_key=key)


def test_no_training_required_means_no_check(learner):
    assert helper_holds_training(user=learner, course_key=None)
