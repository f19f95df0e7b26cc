"""A new verification code at the holder's request: the old code stops
verifying, the new one verifies, the credential carries the new link, the
PDFs printing the old code are dropped, and the journal says so."""

import base64
import json

import pytest
from django.core.files.storage import default_storage

from audit.models import AuditEntry
from certificates import services, verification
from certificates.exceptions import CertificateError
from certificates.links import verify_url
from certificates.models import Certificate
from certificates.services_codes import certificate_code_renew
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_the_new_code_verifies_and_the_old_one_no_longer_does(certificate, learner):
    old = certificate.display_code
    renewed = certificate_code_renew(certificate=certificate, holder=learner)
    assert renewed.display_code != old
    assert verification.verify_code(old).status == verification.UNKNOWN
    verdict = verification.verify_code(renewed.display_code)
    assert verdict.status == verification.VALID
    assert verdict.certificate.pk == certificate.pk


def test_the_signed_credentials_carry_the_new_link_and_not_the_old(certificate, learner):
    old_link = verify_url(certificate.code)
    renewed = certificate_code_renew(certificate=certificate, holder=learner)
    stored = Certificate.objects.get(pk=certificate.pk)
    jwt_text = json.dumps(_claims(stored.credential_jwt))
    assert verify_url(renewed.code) in jwt_text
    assert old_link not in jwt_text
    assert old_link not in json.dumps(stored.credential_di)
    assert verify_url(renewed.code) in json.dumps(stored.credential_di)


def test_the_pdfs_printing_the_old_code_are_dropped_and_made_again_on_download(
    certificate, learner, stored, django_capture_on_commit_callbacks
):
    old_name = services.certificate_pdf(certificate=certificate, language="nl")
    assert default_storage.exists(old_name)
    with django_capture_on_commit_callbacks(execute=True):
        renewed = certificate_code_renew(certificate=certificate, holder=learner)
    assert not default_storage.exists(old_name)
    assert Certificate.objects.get(pk=certificate.pk).pdf_files == {}
    new_name = services.certificate_pdf(certificate=renewed, language="nl")
    assert renewed.code in new_name and new_name != old_name


def test_the_renewal_is_journaled_about_the_holder(certificate, learner):
    old = certificate.code
    renewed = certificate_code_renew(certificate=certificate, holder=learner)
    entry = AuditEntry.objects.get(action="certificates.code_renew")
    assert entry.actor == learner and entry.subject_user == learner
    assert entry.target_id == str(certificate.pk)
    assert entry.data == {"replaces": old, "code": renewed.code}


def test_someone_else_cannot_renew_the_code(certificate):
    code = certificate.code
    with pytest.raises(CertificateError) as refused:
        certificate_code_renew(certificate=certificate, holder=UserFactory())
    assert refused.value.code == "not_yours"
    assert Certificate.objects.get(pk=certificate.pk).code == code
    assert not AuditEntry.objects.filter(action="certificates.code_renew").exists()


def test_a_revoked_certificate_keeps_its_code(certificate, learner):
    services.certificate_revoke(certificate=certificate, actor=UserFactory(), reason="Fraud")
    code = certificate.code
    with pytest.raises(CertificateError) as refused:
        certificate_code_renew(certificate=certificate, holder=learner)
    assert refused.value.code == "revoked"
    assert Certificate.objects.get(pk=certificate.pk).code == code


def test_a_file_kept_from_before_the_new_code_shows_nothing_of_it(
    client, certificate, learner, stored
):
    """Whoever kept the old PDF or credential must not learn the new code from
    the check page or the API: the verdict says the code was replaced, and no
    more. The files made after the renewal verify as before."""
    from certificates.tests.helpers import issued_pdf

    old_pdf = issued_pdf(certificate, "en")
    old_jwt = certificate.credential_jwt
    assert verification.verify_pdf(old_pdf).status == verification.VALID
    renewed = certificate_code_renew(certificate=certificate, holder=learner)

    for verdict in (verification.verify_pdf(old_pdf), verification.verify_jwt(old_jwt)):
        assert verdict.status == verification.CODE_RENEWED
        assert verdict.certificate is None
    api = client.post("/api/certificates/verify", old_pdf, content_type="application/pdf")
    assert api.status_code == 200 and api.json()["status"] == "code_renewed"
    page = client.post("/en/verify/pdf/", {"file": _upload(old_pdf)}).content.decode()
    assert "This certificate&#x27;s code was replaced" in page
    for shown in (api.content.decode(), page):
        assert renewed.display_code not in shown and renewed.code not in shown
        assert certificate.content["holder_name"] not in shown

    fresh = Certificate.objects.get(pk=certificate.pk)
    assert verification.verify_jwt(fresh.credential_jwt).status == verification.VALID
    new_pdf = issued_pdf(fresh, "en")
    verdict = verification.verify_pdf(new_pdf)
    assert verdict.status == verification.VALID and verdict.issued_file


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("certificate.pdf", data, content_type="application/pdf")
