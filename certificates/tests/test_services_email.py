"""The e-mail on issue: the learner's language, the link to the certificates
page, the PDF attached; sent once, on commit, never to an account without e-mail."""

import io
import smtplib

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from pypdf import PdfReader

from certificates import services, tasks
from certificates.models import Certificate
from certificates.tests.helpers import issue_after_exam
from lms.signals import course_completed
from lms.tests.factories import UserFactory, exam_attempt_record

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    """An SMTP server that hangs up, as a real one does when it is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _issue(user, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return issue_after_exam(user=user, course=course)


def test_issuing_e_mails_the_learner_once_the_transaction_commits(
    security_course, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        issue_after_exam(user=learner, course=security_course)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]
    assert Certificate.objects.get(holder=learner).emailed_at is not None


def test_the_e_mail_is_in_the_learners_language_with_the_link_to_their_page(
    security_course, learner, django_capture_on_commit_callbacks
):
    certificate = _issue(learner, security_course, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject == "Je Digiskills-certificaat: Veiligheidsdiploma: veilig online"
    assert "Gefeliciteerd" in message.body
    assert "http://testserver/nl/me/certificates/" in message.body
    assert f"http://testserver/verify/?code={certificate.display_code}" in message.body
    assert message.extra_headers["Content-Language"] == "nl"


@pytest.mark.parametrize(
    ("language", "subject", "page"),
    [
        ("fr", "Votre certificat Digiskills : Diplôme sécurité : en sécurité en ligne", "/fr/"),
        ("de", "Ihr Digiskills-Zertifikat: Sicherheitsdiplom: sicher online", "/de/"),
        ("en", "Your Digiskills certificate: Security diploma: safe online", "/en/"),
    ],
)
def test_each_language_gets_its_own_e_mail(
    security_course, language, subject, page, django_capture_on_commit_callbacks
):
    user = UserFactory(preferred_language=language)
    _issue(user, security_course, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject == subject
    assert f"http://testserver{page}me/certificates/" in message.body


def test_the_e_mail_has_an_html_alternative_with_the_same_links(
    security_course, learner, django_capture_on_commit_callbacks
):
    certificate = _issue(learner, security_course, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="nl">' in html
    assert 'href="http://testserver/nl/me/certificates/"' in html
    assert certificate.display_code in html


def test_the_attachment_is_the_stored_pdf_in_the_learners_language(
    security_course, learner, django_capture_on_commit_callbacks
):
    certificate = _issue(learner, security_course, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    ((filename, content, mimetype),) = message.attachments
    assert filename == f"certificate-{certificate.display_code}-nl.pdf"
    assert mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(content))
    assert reader.attachments["credential.jwt"] == [certificate.credential_jwt.encode()]
    assert "Veiligheidsdiploma: veilig online" in reader.pages[0].extract_text()
    # Rendered once and stored: the download serves the same file.
    certificate.refresh_from_db()
    assert "nl" in certificate.pdf_files


def test_a_retried_or_redelivered_task_sends_nothing_more(
    security_course, learner, django_capture_on_commit_callbacks
):
    certificate = _issue(learner, security_course, django_capture_on_commit_callbacks)
    assert tasks.certificate_email_send.delay(certificate.pk).get() == "already sent"
    assert len(mail.outbox) == 1


def test_issuing_again_sends_no_second_e_mail(
    security_course, learner, django_capture_on_commit_callbacks
):
    _issue(learner, security_course, django_capture_on_commit_callbacks)
    _issue(learner, security_course, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_an_account_without_e_mail_gets_none_but_its_pdf_is_rendered(
    security_course, assisted_person, django_capture_on_commit_callbacks
):
    certificate = _issue(assisted_person, security_course, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    certificate.refresh_from_db()
    assert certificate.emailed_at is None
    assert "fr" in certificate.pdf_files
    assert services.certificate_email_send(certificate_id=certificate.pk) == "no e-mail"


def test_a_failed_send_is_retried_and_leaves_no_marker_so_the_retry_sends_it(
    security_course, learner, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    # SMTP errors are OSErrors: the task asks Celery to retry it later.
    with pytest.raises(Retry, match="SMTPServerDisconnected"):
        _issue(learner, security_course, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(holder=learner)
    assert certificate.emailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.certificate_email_send(certificate_id=certificate.pk) == "sent"
    assert len(mail.outbox) == 1


def test_completing_a_course_ends_in_one_e_mail(
    security_course, learner, django_capture_on_commit_callbacks
):
    enrolment_id = exam_attempt_record(user=learner, course=security_course).enrolment_id
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):  # the signal arrives twice
            course_completed.send(
                sender=None,
                user=learner,
                course=security_course,
                enrolment_id=enrolment_id,
                completed_at=timezone.now(),
            )
    assert Certificate.objects.filter(holder=learner).count() == 1
    assert len(mail.outbox) == 1
