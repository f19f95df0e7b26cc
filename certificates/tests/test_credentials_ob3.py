"""Open Badges 3.0, strictly: the VC-JWT's header and claims (OB 3.0 §8.2), the
holder's pairwise subject id, Brussels dates, and both forms of the credential
valid against 1EdTech's JSON schema."""

import copy
from datetime import UTC, datetime

import pytest
from django.test import override_settings

from certificates import credentials, offline, services_credentials
from certificates.models import Certificate
from certificates.tests.helpers import issue_after_exam
from certificates.tests.ob3 import credential_errors, jwt_parts

pytestmark = pytest.mark.django_db


def test_the_jwt_header_is_typ_jwt_rs256_with_the_did_key(certificate):
    header, _claims = jwt_parts(certificate.credential_jwt)
    assert header == {
        "alg": "RS256",
        "typ": "JWT",
        "kid": f"did:web:testserver#{certificate.signing_key.kid}",
    }


def test_the_jwt_claims_are_those_ob3_asks(certificate):
    _header, claims = jwt_parts(certificate.credential_jwt)
    subject_id = claims["credentialSubject"]["id"]
    assert subject_id.startswith("urn:uuid:")
    assert claims["sub"] == subject_id
    assert subject_id != claims["id"]
    assert claims["jti"] == claims["id"] == f"urn:uuid:{certificate.public_id}"
    assert claims["iss"] == claims["issuer"]["id"] == "did:web:testserver"
    assert claims["nbf"] == claims["iat"] == int(certificate.issued_at.timestamp())
    assert claims["exp"] == int(certificate.expires_at.timestamp())


def test_the_jwt_verifies_with_the_keys_of_the_published_did_document(client, certificate):
    document = client.get("/.well-known/did.json").json()
    pinned = offline.Source("pinned", "did.json", document)
    claims, _kid, _source = offline.check_jws(certificate.credential_jwt, [pinned])
    assert claims["sub"] == certificate.subject_id


def test_the_subject_id_is_the_same_on_every_certificate_of_a_holder(
    security_course, basic_course, learner
):
    first = issue_after_exam(user=learner, course=security_course)
    # Even if the platform secret changed in between: the stored one is reused.
    with override_settings(CERTIFICATES_KEY_SECRET="another secret entirely"):
        second = issue_after_exam(user=learner, course=basic_course)
    assert first.subject_id == second.subject_id
    assert jwt_parts(second.credential_jwt)[1]["sub"] == first.subject_id


def test_the_subject_id_differs_between_holders_and_hides_the_user_id(
    security_course, learner, assisted_person
):
    mine = issue_after_exam(user=learner, course=security_course)
    theirs = issue_after_exam(user=assisted_person, course=security_course)
    assert mine.subject_id != theirs.subject_id
    # Not derivable from the account id without the secret.
    with override_settings(CERTIFICATES_KEY_SECRET="a guess"):
        assert credentials.pairwise_subject_id(learner.pk) != mine.subject_id
    assert credentials.pairwise_subject_id(learner.pk) == mine.subject_id


def test_a_name_correction_keeps_the_subject_id(certificate, learner):
    from certificates.services_corrections import certificate_reissue

    learner.first_name = "Charlotte"
    learner.save()
    new = certificate_reissue(certificate=certificate, actor=learner)
    assert new.pk != certificate.pk
    assert new.subject_id == certificate.subject_id
    assert jwt_parts(new.credential_jwt)[1]["sub"] == certificate.subject_id
    assert new.credential_di["credentialSubject"]["id"] == certificate.subject_id


@pytest.mark.parametrize(
    ("issued", "valid_from"),
    [
        # After midnight in Brussels, before it in UTC: the Brussels date.
        (datetime(2026, 6, 30, 22, 30, tzinfo=UTC), "2026-07-01T00:30:00+02:00"),
        (datetime(2026, 12, 31, 23, 15, tzinfo=UTC), "2027-01-01T00:15:00+01:00"),
    ],
)
def test_dates_are_brussels_time_with_their_offset(security_course, learner, issued, valid_from):
    certificate = issue_after_exam(user=learner, course=security_course, completed_at=issued)
    _header, claims = jwt_parts(certificate.credential_jwt)
    assert claims["validFrom"] == valid_from
    assert claims["validUntil"][-6:] in ("+01:00", "+02:00")
    assert certificate.credential_di["validFrom"] == valid_from


def test_the_jwt_payload_is_valid_against_the_1edtech_schema(certificate):
    _header, claims = jwt_parts(certificate.credential_jwt)
    assert credential_errors(claims) == []


def test_the_data_integrity_credential_is_valid_against_the_1edtech_schema(certificate):
    assert credential_errors(certificate.credential_di) == []


def test_the_schema_check_can_fail(certificate):
    _header, claims = jwt_parts(certificate.credential_jwt)
    broken = copy.deepcopy(claims)
    broken["credentialSubject"]["achievement"]["name"] = {"en": "A", "nl": "B"}
    del broken["validFrom"]
    errors = credential_errors(broken)
    assert any("validFrom" in error for error in errors)
    assert any("achievement/name" in error for error in errors)


def test_a_certificate_without_the_holders_name_carries_no_name(certificate):
    # As erasure leaves it: the frozen name emptied.
    Certificate.objects.filter(pk=certificate.pk).update(
        content={**certificate.content, "holder_name": ""}, credential_di=None
    )
    hidden = Certificate.objects.get(pk=certificate.pk)
    document = services_credentials.certificate_credential_di(certificate=hidden)
    name = certificate.content["holder_name"]
    assert name not in str(credentials.credential_build(hidden))
    assert name not in str(document)
    assert document["credentialSubject"]["identifier"][0]["identityType"] == "identifier"
    assert credential_errors(document) == []


def test_a_certificate_issued_before_keeps_its_signed_jwt(certificate):
    # Issued before subjects had an id: nothing signs its JWT again.
    Certificate.objects.filter(pk=certificate.pk).update(subject_id="", credential_di=None)
    older = Certificate.objects.get(pk=certificate.pk)
    services_credentials.certificate_credential_di(certificate=older)
    older.refresh_from_db()
    assert older.credential_jwt == certificate.credential_jwt
