"""The sweep (beat) is the net under the outbox: what a lost task left undone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates import tasks
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def test_the_sweep_sends_the_e_mail_a_lost_task_never_sent(security_course, learner):
    """Only recent certificates: a sweep never mails an old backlog."""
    from django.core import mail

    from certificates.tests.helpers import issue_after_exam

    certificate = issue_after_exam(user=learner, course=security_course)
    Certificate.objects.filter(pk=certificate.pk).update(emailed_at=None)
    mail.outbox.clear()
    tasks.certificates_pending_sweep()
    assert mail.outbox == []  # issued a moment ago: its own task may still run
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=timezone.now() - timedelta(minutes=11)
    )
    tasks.certificates_pending_sweep()
    tasks.certificates_pending_sweep()
    assert [m.to for m in mail.outbox] == [[learner.email]]
    Certificate.objects.filter(pk=certificate.pk).update(
        emailed_at=None, issued_at=timezone.now() - timedelta(days=3)
    )
    tasks.certificates_pending_sweep()
    assert len(mail.outbox) == 1
