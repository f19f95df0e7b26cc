"""Every verdict of the issue's "Bad input" list, and the good ones."""

import copy
from datetime import timedelta

import pytest
from django.utils import timezone

from certificates import codes, services, verification
from certificates.pdf import pdf_render
from certificates.tests.helpers import (
    issue_after_exam,
    overlay_text,
    pdf_without_credential,
    sign_with_foreign_key,
    tamper_payload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(security_course, learner):
    return issue_after_exam(user=learner, course=security_course)


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


def test_a_credential_still_verifies_after_the_key_rotated(certificate):
    services.signing_key_rotate()
    assert verification.verify_jwt(certificate.credential_jwt).status == verification.VALID


def test_the_pdf_as_issued_is_valid_field_by_field(certificate):
    verdict = verification.verify_pdf(pdf_render(certificate, "nl"))
    assert verdict.status == verification.VALID, (verdict.unexpected_text, verdict.fields)
    assert {f.key for f in verdict.fields} >= {"holder", "course", "issued", "code"}
    assert all(f.matches for f in verdict.fields)


@pytest.mark.parametrize("language", ["fr", "de", "en"])
def test_the_pdf_in_another_language_is_valid_too(certificate, language):
    assert verification.verify_pdf(pdf_render(certificate, language)).status == "valid"


def test_a_pdf_edited_after_issue_is_caught_with_the_field_that_changed(certificate):
    forged = copy.deepcopy(certificate)
    forged.content["holder_name"] = "Jan Janssens"
    verdict = verification.verify_pdf(pdf_render(forged, "nl"))
    assert verdict.status == verification.EDITED
    holder = next(f for f in verdict.fields if f.key == "holder")
    assert holder.on_pdf == ("Jan Janssens",) and holder.on_record == ("Lotte Peeters",)


def test_a_pdf_with_text_painted_over_is_caught(certificate):
    forged = overlay_text(pdf_render(certificate, "en"), "Level 8 · Highly specialised")
    verdict = verification.verify_pdf(forged)
    assert verdict.status == verification.EDITED
    assert "Level 8 · Highly specialised" in verdict.unexpected_text


def test_a_pdf_with_no_credential_says_so():
    verdict = verification.verify_pdf(pdf_without_credential())
    assert verdict.status == verification.NO_CREDENTIAL


def test_a_file_that_is_not_a_pdf_says_so():
    assert verification.verify_pdf(b"\x89PNG\r\n\x1a\n...").status == verification.NOT_PDF
    assert verification.verify_pdf(b"%PDF-1.4 broken").status == verification.NOT_PDF


def test_a_revoked_certificates_pdf_says_revoked(certificate, learner):
    data = pdf_render(certificate, "nl")
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Mistake")
    assert verification.verify_pdf(data).status == verification.REVOKED


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
