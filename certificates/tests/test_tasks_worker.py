"""Exactly-once issuing on the real broker and a real worker process (CI: Redis
+ celery worker): a duplicate signal and a re-delivered task issue one certificate."""

import re

import pytest
from django.db import transaction
from django.utils import timezone

from certificates.models import Certificate
from certificates.tasks import certificate_issue_for_completion
from conftest import wait_until
from lms.signals import course_completed
from lms.tests.factories import exam_attempt_record

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _emails_sent(worker) -> int:
    return len(
        re.findall(
            r"Task certificates\.tasks\.certificate_email_send\[[^\]]+\] "
            r"succeeded in [^:]+: 'sent'",
            worker["log"].read_text(),
        )
    )


def _finished(worker) -> int:
    return len(
        re.findall(
            r"Task certificates\.tasks\.certificate_issue_for_completion\[[^\]]+\] succeeded",
            worker["log"].read_text(),
        )
    )


def test_a_duplicate_signal_and_a_redelivered_task_issue_one_certificate(
    celery_worker, security_course, learner
):
    before = _finished(celery_worker)
    emails_before = _emails_sent(celery_worker)
    done = timezone.now()
    # The learner passed the final exam (a certificate needs one).
    enrolment_id = exam_attempt_record(user=learner, course=security_course).enrolment_id
    with transaction.atomic():
        for _ in range(2):
            course_completed.send(
                sender=None,
                user=learner,
                course=security_course,
                enrolment_id=enrolment_id,
                completed_at=done,
            )
    # The broker delivers the same task again (as after a worker died mid-way).
    certificate_issue_for_completion.delay(
        learner.pk, security_course.pk, enrolment_id, done.isoformat()
    )
    assert wait_until(lambda: _finished(celery_worker) >= before + 3, timeout=60), celery_worker[
        "log"
    ].read_text()[-3000:]
    assert Certificate.objects.filter(holder=learner).count() == 1
    # The worker also rendered and stored the PDF in the learner's language and
    # e-mailed it, once.
    assert wait_until(
        lambda: "nl" in Certificate.objects.get(holder=learner).pdf_files, timeout=30
    ), celery_worker["log"].read_text()[-3000:]
    assert wait_until(
        lambda: Certificate.objects.get(holder=learner).emailed_at is not None, timeout=30
    ), celery_worker["log"].read_text()[-3000:]
    assert _emails_sent(celery_worker) == emails_before + 1
