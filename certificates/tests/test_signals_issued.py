import pytest

from certificates.signals import certificate_issued
from certificates.tests.helpers import issue_after_exam

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    calls = []

    def listen(sender, **kwargs):
        calls.append(kwargs)

    certificate_issued.connect(listen, dispatch_uid="test.certificate_issued")
    yield calls
    certificate_issued.disconnect(dispatch_uid="test.certificate_issued")


def test_certificate_issued_is_sent_once_after_commit(
    security_course, learner, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        certificate = issue_after_exam(user=learner, course=security_course)
    assert heard == []  # nothing before the commit
    for callback in callbacks:
        callback()
    [call] = heard
    assert call["certificate_id"] == certificate.pk
    assert call["user"] == learner
    assert call["course_key"] == security_course.translation_key
    assert call["code"] == certificate.code


def test_issuing_again_sends_nothing_more(
    security_course, learner, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        issue_after_exam(user=learner, course=security_course)
    with django_capture_on_commit_callbacks(execute=True):
        issue_after_exam(user=learner, course=security_course)
    assert len(heard) == 1
