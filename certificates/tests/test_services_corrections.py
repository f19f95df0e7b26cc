"""Name corrections: asked by the holder for their own certificates, decided by
staff with a permission; approval re-issues under a new code, the old code says
"replaced" and points to the new one."""

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.urls import reverse

from audit.models import AuditEntry
from certificates import selectors, verification
from certificates.exceptions import CertificateError
from certificates.models import Certificate, NameCorrection
from certificates.services_corrections import (
    name_correction_approve,
    name_correction_reject,
    name_correction_request,
)
from certificates.tests.helpers import issue_after_exam
from lms.models import User
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    """A certificate officer: the permission comes with the role's group."""
    person = UserFactory(username="karim")
    role_grant(user=person, role=Role.CERTIFICATE_OFFICER, granted_by=None)
    return User.objects.get(pk=person.pk)  # fresh permission cache


@pytest.fixture
def issued(security_course, learner):
    return issue_after_exam(user=learner, course=security_course)


def _ask(learner, certificate, given="Lotte", family="Peeters-Janssens"):
    return name_correction_request(
        holder=learner,
        certificates=[certificate],
        given_name=given,
        family_name=family,
        reason="My family name has two parts.",
    )


def test_the_officer_role_carries_the_permission(officer):
    assert officer.has_perm("certificates.review_name_correction")
    group = Group.objects.get(name="Certificate officers")
    assert group.permissions.filter(codename="review_name_correction").exists()


def test_a_holder_asks_for_a_correction(learner, issued):
    correction = _ask(learner, issued)
    assert correction.status == NameCorrection.Status.PENDING
    assert correction.previous_name == "Lotte Peeters"
    assert list(correction.certificates.all()) == [issued]
    assert AuditEntry.objects.filter(
        action="certificates.name_correction.request", subject_user=learner
    ).exists()


def test_a_correction_for_someone_elses_certificate_is_refused(learner, issued, security_course):
    other = UserFactory()
    with pytest.raises(CertificateError) as caught:
        _ask(other, issued)
    assert caught.value.code == "not_yours"
    assert not NameCorrection.objects.exists()


def test_a_second_open_request_is_refused(learner, issued):
    _ask(learner, issued)
    with pytest.raises(CertificateError) as caught:
        _ask(learner, issued, family="Janssens")
    assert caught.value.code == "already_pending"
    assert NameCorrection.objects.count() == 1


def test_asking_for_the_same_name_is_refused(learner, issued):
    with pytest.raises(CertificateError) as caught:
        _ask(learner, issued, given="Lotte", family="Peeters")
    assert caught.value.code == "same_name"


def test_approval_reissues_under_a_new_code_and_the_old_one_points_to_it(
    learner, issued, officer, django_capture_on_commit_callbacks, mailoutbox
):
    correction = _ask(learner, issued)
    with django_capture_on_commit_callbacks(execute=True):
        [renewed] = name_correction_approve(correction=correction, actor=officer, note="Checked.")
    old = Certificate.objects.get(pk=issued.pk)
    learner.refresh_from_db()
    assert learner.legal_name == "Lotte Peeters-Janssens"
    assert learner.legal_name_source == User.LegalNameSource.STAFF
    assert renewed.code != old.code
    assert renewed.credential_jwt != old.credential_jwt
    assert renewed.content["holder_name"] == "Lotte Peeters-Janssens"
    assert old.content["holder_name"] == "Lotte Peeters"  # frozen, as issued
    # Same achievement: dates, course texts and version stay.
    assert (renewed.issued_at, renewed.expires_at) == (old.issued_at, old.expires_at)
    assert renewed.content["course"] == old.content["course"]
    assert old.replaced_by_id == renewed.pk
    # Revoked in the status list, for machines; "replaced" for people.
    assert old.revoked_at is not None and old.revocation_reason == "replaced"
    assert old.status_index in selectors.revoked_indexes(status_list_id=old.status_list_id)
    assert renewed.status_index not in selectors.revoked_indexes(
        status_list_id=renewed.status_list_id
    )
    assert verification.verify_code(old.code).status == verification.REPLACED
    assert verification.verify_code(renewed.code).status == verification.VALID
    correction.refresh_from_db()
    assert (correction.status, correction.decided_by) == (NameCorrection.Status.APPROVED, officer)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "certificates.name_correction.request",
        "certificates.name_correction.approve",
        "certificates.reissue",
        "user.legal_name_set",
    } <= actions
    # The holder is told: the decision, and the new certificate with its PDF.
    subjects = [m.subject for m in mailoutbox]
    assert any("gecorrigeerd" in s or "verbeterd" in s for s in subjects), subjects
    assert any(m.attachments for m in mailoutbox)
    renewed.refresh_from_db()
    assert renewed.pdf_files


def test_the_unique_constraint_allows_the_replaced_one_only(
    learner, issued, officer, security_course
):
    name_correction_approve(correction=_ask(learner, issued), actor=officer)
    current = Certificate.objects.get(holder=learner, replaced_by__isnull=True)
    assert Certificate.objects.filter(holder=learner).count() == 2
    duplicate = Certificate.objects.get(pk=current.pk)
    duplicate.pk, duplicate.public_id, duplicate.code = None, None, "1" * 16
    duplicate.status_index = (current.status_index + 7) % 131072
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    # Issuing again finds the current one, not the replaced one.
    assert issue_after_exam(user=learner, course=security_course).pk == current.pk


def test_rejection_changes_nothing(
    learner, issued, officer, django_capture_on_commit_callbacks, mailoutbox
):
    correction = _ask(learner, issued)
    with django_capture_on_commit_callbacks(execute=True):
        name_correction_reject(correction=correction, actor=officer, note="Not as on the card.")
    learner.refresh_from_db()
    assert learner.legal_name == "Lotte Peeters"
    assert Certificate.objects.filter(holder=learner).count() == 1
    issued.refresh_from_db()
    assert issued.revoked_at is None and issued.replaced_by_id is None
    assert verification.verify_code(issued.code).status == verification.VALID
    correction.refresh_from_db()
    assert correction.status == NameCorrection.Status.REJECTED
    assert AuditEntry.objects.filter(action="certificates.name_correction.reject").exists()
    [mail] = mailoutbox
    assert "Not as on the card." in mail.body


def test_a_rejection_needs_a_note(learner, issued, officer):
    with pytest.raises(CertificateError):
        name_correction_reject(correction=_ask(learner, issued), actor=officer, note="  ")
    assert NameCorrection.objects.get().status == NameCorrection.Status.PENDING


def test_a_decided_request_cannot_be_decided_again(learner, issued, officer):
    correction = _ask(learner, issued)
    name_correction_reject(correction=correction, actor=officer, note="No.")
    with pytest.raises(CertificateError) as caught:
        name_correction_approve(correction=correction, actor=officer)
    assert caught.value.code == "decided"
    assert Certificate.objects.filter(holder=learner).count() == 1


def test_an_officer_cannot_decide_on_their_own_name(officer, security_course):
    own = issue_after_exam(user=officer, course=security_course)
    correction = _ask(officer, own, given="Karim", family="Benali")
    with pytest.raises(CertificateError) as caught:
        name_correction_approve(correction=correction, actor=officer)
    assert caught.value.code == "own_request"


def test_a_second_correction_links_the_first_code_to_the_newest(learner, issued, officer):
    [second] = name_correction_approve(correction=_ask(learner, issued), actor=officer)
    [third] = name_correction_approve(
        correction=_ask(learner, second, family="Peeters"), actor=officer
    )
    verdict = verification.verify_code(issued.code)
    from certificates.presenters import verdict_data

    assert verdict_data(verdict, "en")["certificate"]["replaced_by"]["code"] == third.display_code


# --- views --------------------------------------------------------------------


def test_the_holder_asks_through_the_page(client, learner, issued):
    client.force_login(learner)
    url = reverse("certificates:correction_request_for", args=[issued.public_id])
    page = client.get(url).content.decode()
    assert issued.display_code in page
    response = client.post(
        url,
        {
            "certificates": [issued.pk],
            "given_name": "Lotte",
            "family_name": "Peeters-Janssens",
            "reason": "Two family names.",
        },
    )
    assert response.status_code == 302
    assert NameCorrection.objects.get().requested_name == "Lotte Peeters-Janssens"


def test_the_page_of_someone_elses_certificate_is_not_found(client, learner, issued):
    stranger = UserFactory()
    client.force_login(stranger)
    url = reverse("certificates:correction_request_for", args=[issued.public_id])
    assert client.get(url).status_code == 404
    assert client.post(url, {"certificates": [issued.pk]}).status_code == 404
    assert not NameCorrection.objects.exists()


def test_a_forged_id_of_someone_elses_certificate_is_refused(
    client, learner, issued, security_course
):
    stranger = UserFactory()
    theirs = issue_after_exam(user=stranger, course=security_course)
    client.force_login(stranger)
    response = client.post(
        reverse("certificates:correction_request"),
        {
            "certificates": [theirs.pk, issued.pk],
            "given_name": "Eve",
            "family_name": "Forger",
            "reason": "Mine now.",
        },
    )
    assert response.status_code == 400
    assert not NameCorrection.objects.exists()


def test_a_bad_name_in_a_request_is_refused(client, learner, issued):
    client.force_login(learner)
    response = client.post(
        reverse("certificates:correction_request"),
        {
            "certificates": [issued.pk],
            "given_name": "Lotte\u202e",
            "family_name": "Peeters",
            "reason": "x",
        },
    )
    assert response.status_code == 400
    assert not NameCorrection.objects.exists()


def test_the_staff_pages_need_the_permission(client, learner, issued):
    correction = _ask(learner, issued)
    staff = UserFactory(is_staff=True)  # is_staff alone is not enough
    client.force_login(staff)
    assert client.get(reverse("certificates:corrections")).status_code == 403
    detail = reverse("certificates:correction", args=[correction.pk])
    assert client.get(detail).status_code == 403
    assert client.post(detail, {"decision": "approve"}).status_code == 403
    correction.refresh_from_db()
    assert correction.status == NameCorrection.Status.PENDING
    assert Certificate.objects.count() == 1


def test_the_holder_cannot_approve_their_own_request_by_url(client, learner, issued):
    correction = _ask(learner, issued)
    client.force_login(learner)
    detail = reverse("certificates:correction", args=[correction.pk])
    assert client.post(detail, {"decision": "approve"}).status_code == 403
    learner.refresh_from_db()
    assert learner.legal_name == "Lotte Peeters"


def test_anonymous_visitors_are_sent_to_sign_in(client, learner, issued):
    correction = _ask(learner, issued)
    response = client.post(
        reverse("certificates:correction", args=[correction.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    assert NameCorrection.objects.get().status == NameCorrection.Status.PENDING


def test_the_officer_approves_on_the_staff_page(client, learner, issued, officer):
    correction = _ask(learner, issued)
    client.force_login(officer)
    listing = client.get(reverse("certificates:corrections")).content.decode()
    assert "Lotte Peeters-Janssens" in listing
    response = client.post(
        reverse("certificates:correction", args=[correction.pk]),
        {"decision": "approve", "note": ""},
    )
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.replaced_by is not None


def test_a_rejection_without_a_note_is_refused_on_the_page(client, learner, issued, officer):
    correction = _ask(learner, issued)
    client.force_login(officer)
    response = client.post(
        reverse("certificates:correction", args=[correction.pk]), {"decision": "reject"}
    )
    assert response.status_code == 400
    assert NameCorrection.objects.get().status == NameCorrection.Status.PENDING


def test_the_public_page_and_json_of_a_replaced_certificate(client, learner, issued, officer):
    [renewed] = name_correction_approve(correction=_ask(learner, issued), actor=officer)
    data = client.get(f"/api/certificates/verify/{issued.display_code}?lang=en").json()
    assert data["status"] == "replaced"
    assert data["headline"] == "Replaced by a newer certificate"
    assert "revoked" not in data["headline"].lower()
    assert data["certificate"]["revoked_on"] is None
    assert "revocation_reason" not in data["certificate"]
    assert data["certificate"]["replaced_by"] == {
        "code": renewed.display_code,
        "verify_url": f"http://testserver/verify/?code={renewed.display_code}",
    }
    page = client.get(f"/en/verify/?code={issued.display_code}").content.decode()
    assert "Replaced by a newer certificate" in page
    assert f"/verify/?code={renewed.display_code}" in page
    assert "Revoked certificate" not in page
    fresh = client.get(f"/api/certificates/verify/{renewed.display_code}?lang=en").json()
    assert fresh["status"] == "valid"
    assert fresh["certificate"]["holder"] == "Lotte Peeters-Janssens"


def test_my_certificates_lists_only_the_current_one(client, learner, issued, officer):
    [renewed] = name_correction_approve(correction=_ask(learner, issued), actor=officer)
    client.force_login(learner)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert renewed.display_code in page
    assert issued.display_code not in page
