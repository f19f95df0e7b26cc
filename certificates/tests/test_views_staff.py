import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from audit.models import AuditEntry
from certificates import services
from certificates.models import BulkIssueJob, Certificate
from lms.tests.factories import UserFactory, exam_attempt_record

pytestmark = pytest.mark.django_db


def _staff(codename: str):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_a_learner_cannot_revoke(client, learner, certificate):
    client.force_login(learner)
    url = reverse("certificates:revoke", args=[certificate.public_id])
    assert client.get(url).status_code == 403
    assert (
        client.post(url, {"reason": "mine", "step": "confirm", "confirm": "on"}).status_code == 403
    )
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None


def _revoke_url(certificate):
    return reverse("certificates:revoke", args=[certificate.public_id])


def _revoked(certificate) -> bool:
    return Certificate.objects.get(pk=certificate.pk).revoked_at is not None


def test_staff_with_the_permission_revoke_with_a_reason_written_to_the_journal(client, certificate):
    officer = _staff("revoke_certificate")
    client.force_login(officer)
    url = _revoke_url(certificate)
    assert client.post(url, {"reason": ""}).status_code == 200  # a reason is required
    assert not _revoked(certificate)
    client.post(url, {"reason": "Exam taken by someone else"})
    assert not _revoked(certificate)  # the reason alone only asks for confirmation
    response = client.post(
        url, {"reason": "Exam taken by someone else", "step": "confirm", "confirm": "on"}
    )
    assert response.status_code == 302
    revoked = Certificate.objects.get(pk=certificate.pk)
    assert revoked.revocation_reason == "Exam taken by someone else"
    entry = AuditEntry.objects.get(action="certificates.revoke")
    assert entry.actor == officer and entry.subject_user == certificate.holder
    assert entry.data == {"reason": "Exam taken by someone else"}


def test_the_revoke_page_shows_holder_course_and_code_before_anything_changes(client, certificate):
    client.force_login(_staff("revoke_certificate"))
    page = client.get(_revoke_url(certificate)).content.decode()
    assert "Lotte Peeters" in page
    assert "Security diploma: safe online" in page
    assert certificate.display_code in page
    assert 'name="reason"' in page and 'name="confirm"' not in page
    assert not _revoked(certificate)


def test_the_reason_leads_to_a_confirmation_page_that_revokes_nothing(client, certificate):
    client.force_login(_staff("revoke_certificate"))
    response = client.post(_revoke_url(certificate), {"reason": "Exam fraud"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Revoke this certificate?" in page and "Exam fraud" in page
    assert 'name="confirm"' in page and 'value="confirm"' in page
    assert "Lotte Peeters" in page and certificate.display_code in page
    assert not _revoked(certificate)


def test_a_confirmation_without_the_ticked_box_revokes_nothing(client, certificate):
    client.force_login(_staff("revoke_certificate"))
    response = client.post(_revoke_url(certificate), {"reason": "Exam fraud", "step": "confirm"})
    assert response.status_code == 200
    assert "Tick the box to confirm the revocation." in response.content.decode()
    assert not _revoked(certificate)
    assert not AuditEntry.objects.filter(action="certificates.revoke").exists()


def test_a_ticked_box_without_the_confirmation_step_revokes_nothing(client, certificate):
    client.force_login(_staff("revoke_certificate"))
    client.post(_revoke_url(certificate), {"reason": "Exam fraud", "confirm": "on"})
    assert not _revoked(certificate)


def test_a_confirmation_without_a_reason_revokes_nothing(client, certificate):
    client.force_login(_staff("revoke_certificate"))
    response = client.post(_revoke_url(certificate), {"step": "confirm", "confirm": "on"})
    assert response.status_code == 200 and 'name="reason"' in response.content.decode()
    assert not _revoked(certificate)


def test_a_revoked_certificate_cannot_be_revoked_twice(client, certificate):
    client.force_login(_staff("revoke_certificate"))
    url = _revoke_url(certificate)
    client.post(url, {"reason": "First", "step": "confirm", "confirm": "on"})
    first = Certificate.objects.get(pk=certificate.pk)
    response = client.post(url, {"reason": "Second", "step": "confirm", "confirm": "on"})
    assert response.status_code == 302
    again = Certificate.objects.get(pk=certificate.pk)
    assert (again.revoked_at, again.revocation_reason) == (first.revoked_at, "First")
    assert AuditEntry.objects.filter(action="certificates.revoke").count() == 1
    page = client.get(url).content.decode()
    assert "This certificate was already revoked." in page
    assert "cannot be revoked again" in page and 'name="reason"' not in page
    assert "First" in page  # staff see the reason


def test_revoking_needs_the_permission_even_for_staff(client, certificate):
    client.force_login(UserFactory(is_staff=True))
    url = _revoke_url(certificate)
    assert client.get(url).status_code == 403
    response = client.post(url, {"reason": "x", "step": "confirm", "confirm": "on"})
    assert response.status_code == 403
    assert not _revoked(certificate)


def test_an_anonymous_visitor_is_sent_to_sign_in(client, certificate):
    url = _revoke_url(certificate)
    response = client.post(url, {"reason": "x", "step": "confirm", "confirm": "on"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not _revoked(certificate)


def test_bulk_issuing_needs_the_permission(client, learner):
    client.force_login(learner)
    assert client.get(reverse("certificates:bulk_issue")).status_code == 403
    assert client.get(reverse("certificates:bulk_progress", args=[1])).status_code == 403


def test_bulk_issuing_issues_to_everyone_and_shows_progress(
    client, security_course, django_capture_on_commit_callbacks
):
    people = [UserFactory() for _ in range(3)]
    for person in people:
        exam_attempt_record(user=person, course=security_course)
    client.force_login(_staff("bulk_issue_certificate"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificates:bulk_issue"),
            {
                "course": security_course.pk,
                "usernames": "\n".join([p.username for p in people] + ["nobody-here"]),
            },
        )
    job = BulkIssueJob.objects.get()
    assert response["Location"] == reverse("certificates:bulk_progress", args=[job.pk])
    assert Certificate.objects.filter(holder__in=people).count() == 3
    page = client.get(response["Location"]).content.decode()
    assert 'aria-valuenow="100"' in page
    assert "nobody-here" in page


def test_a_bulk_job_run_twice_issues_nothing_twice(security_course):
    people = [UserFactory() for _ in range(2)]
    for person in people:
        exam_attempt_record(user=person, course=security_course)
    job = BulkIssueJob.objects.create(
        course_page=security_course, usernames=[p.username for p in people], total=2
    )
    services.bulk_job_run(job=job)
    job.done = 0
    services.bulk_job_run(job=job)
    assert Certificate.objects.count() == 2


def test_a_bulk_job_skips_whoever_has_not_passed_the_final_exam(security_course):
    passed, failed, never = UserFactory(), UserFactory(), UserFactory()
    exam_attempt_record(user=passed, course=security_course)
    exam_attempt_record(user=failed, course=security_course, passed=False)
    job = BulkIssueJob.objects.create(
        course_page=security_course,
        usernames=[passed.username, failed.username, never.username],
        total=3,
    )
    services.bulk_job_run(job=job)
    assert list(Certificate.objects.values_list("holder", flat=True)) == [passed.pk]
    assert BulkIssueJob.objects.get().issued == 1


def test_the_confirmation_speaks_the_staff_members_language(client, certificate):
    client.force_login(_staff("revoke_certificate"))
    url = f"/nl/certificates/{certificate.public_id}/revoke/"
    page = client.post(url, {"reason": "Fraude"}).content.decode()
    assert "Dit certificaat intrekken?" in page
    assert "Ik bevestig: trek dit certificaat in." in page
    assert not _revoked(certificate)
