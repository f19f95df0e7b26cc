"""Every verdict of the issue's "Bad input" list, and the good ones."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates import codes, services, verification
from certificates.tests.helpers import (
    issue_after_exam,
    sign_with_foreign_key,
    status_list_jwt,
    tamper_payload,
)

pytestmark = pytest.mark.django_db


def test_a_valid_code_is_valid(certificate):
    verdict = verification.verify_code(certificate.display_code)
    assert verdict.status == verification.VALID
    assert verdict.certificate.pk == certificate.pk


def test_a_code_with_one_character_wrong_is_caught_before_any_lookup(
    certificate, django_assert_num_queries
):
    code = certificate.code
    wrong = ("A" if code[5] != "A" else "B").join([code[:5], code[6:]])
    with django_assert_num_queries(0):
        assert verification.verify_code(wrong).status == verification.MISTYPED


def test_a_well_formed_code_that_was_never_issued_is_unknown(certificate):
    other = codes.generate()
    assert verification.verify_code(other).status == verification.UNKNOWN


def test_text_that_is_no_code_is_malformed():
    assert verification.verify_code("hello").status == verification.MALFORMED


def test_a_revoked_certificate_says_so(certificate, learner):
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud")
    verdict = verification.verify_code(certificate.code)
    assert verdict.status == verification.REVOKED
    assert verdict.certificate.revocation_reason == "Exam fraud"


def test_an_expired_certificate_says_so(security_course, learner):
    long_ago = timezone.now() - timedelta(days=3 * 365)
    certificate = issue_after_exam(user=learner, course=security_course, completed_at=long_ago)
    assert verification.verify_code(certificate.code).status == verification.EXPIRED
    assert verification.verify_jwt(certificate.credential_jwt).status == verification.EXPIRED


def test_a_withdrawn_certificate_says_the_holder_withdrew_it(certificate, learner):
    services.certificate_sharing_set(certificate=certificate, holder=learner, sharing=False)
    assert verification.verify_code(certificate.code).status == verification.WITHDRAWN


def test_the_signed_credential_verifies(certificate):
    verdict = verification.verify_jwt(certificate.credential_jwt)
    assert verdict.status == verification.VALID
    assert verdict.signature_checked


def test_a_tampered_jwt_fails_its_signature(certificate):
    forged = tamper_payload(certificate.credential_jwt, name="Master of Everything")
    assert verification.verify_jwt(forged).status == verification.BAD_SIGNATURE


def test_a_jwt_signed_with_another_key_under_our_key_id_fails_its_signature(certificate):
    forged = sign_with_foreign_key(certificate.credential_jwt)
    assert verification.verify_jwt(forged).status == verification.BAD_SIGNATURE


def test_a_jwt_signed_with_a_key_we_never_published_is_not_ours(certificate):
    forged = sign_with_foreign_key(certificate.credential_jwt, kid="did:web:evil.example#k1")
    assert verification.verify_jwt(forged).status == verification.UNKNOWN_KEY


def test_garbage_is_not_a_credential():
    assert verification.verify_jwt("not.a.jwt").status == verification.NOT_A_CREDENTIAL
    assert verification.verify_jwt("").status == verification.NOT_A_CREDENTIAL


def test_a_status_list_is_not_taken_for_a_certificate(certificate):
    verdict = verification.verify_jwt(status_list_jwt())
    assert verdict.status == verification.STATUS_LIST
    assert verdict.certificate is None


def test_a_credential_still_verifies_after_the_key_rotated(certificate):
    services.signing_key_rotate()
    assert verification.verify_jwt(certificate.credential_jwt).status == verification.VALID


def test_revoked_beats_expired_in_every_verdict(security_course, learner, client):
    # Expired three years ago (valid 24 months) and revoked: the verdict is
    # "revoked", by code, by signed credential and on the public page.
    long_ago = timezone.now() - timedelta(days=3 * 365)
    certificate = issue_after_exam(user=learner, course=security_course, completed_at=long_ago)
    assert verification.certificate_status(certificate) == verification.EXPIRED
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud")
    certificate.refresh_from_db()
    assert verification.certificate_status(certificate) == verification.REVOKED
    assert verification.verify_code(certificate.code).status == verification.REVOKED
    assert verification.verify_jwt(certificate.credential_jwt).status == verification.REVOKED
    page = client.get("/en/verify/", {"code": certificate.code}).content.decode()
    assert 'data-status="revoked"' in page and 'data-status="expired"' not in page


def test_withdrawn_beats_expired_but_not_revoked(security_course, learner):
    long_ago = timezone.now() - timedelta(days=3 * 365)
    certificate = issue_after_exam(user=learner, course=security_course, completed_at=long_ago)
    services.certificate_sharing_set(certificate=certificate, holder=learner, sharing=False)
    certificate.refresh_from_db()
    assert verification.certificate_status(certificate) == verification.WITHDRAWN
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud")
    certificate.refresh_from_db()
    assert verification.certificate_status(certificate) == verification.REVOKED


def test_a_status_list_submitted_as_a_certificate_is_a_status_list(client, certificate):
    token = client.get(f"/certificates/status/{certificate.status_list_id}").content.decode()
    verdict = verification.verify_jwt(token)
    assert verdict.status == verification.STATUS_LIST
    assert verdict.certificate is None and not verdict.is_valid
