import hashlib

import pytest
from django.core.files.storage import default_storage

from certificates import selectors, services

pytestmark = pytest.mark.django_db


def _stored_hash(name: str) -> str:
    with default_storage.open(name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def test_every_handed_out_pdf_is_recorded_by_its_hash(certificate):
    name = services.certificate_pdf(certificate=certificate, language="fr")
    record = selectors.issued_file_for_sha256(sha256=_stored_hash(name))
    assert record is not None
    assert (record.certificate, record.language) == (certificate, "fr")


def test_each_language_and_each_re_render_is_recorded(certificate):
    services.certificate_pdf(certificate=certificate, language="nl")
    services.certificate_pdf(certificate=certificate, language="de")
    first = set(certificate.files.values_list("sha256", flat=True))
    name = services.certificate_pdf(certificate=certificate, language="nl", rerender=True)
    assert _stored_hash(name) in set(certificate.files.values_list("sha256", flat=True))
    assert first <= set(certificate.files.values_list("sha256", flat=True))
    assert {"nl", "de"} <= set(certificate.files.values_list("language", flat=True))


def test_a_file_we_did_not_hand_out_is_not_known():
    assert selectors.issued_file_for_sha256(sha256=hashlib.sha256(b"%PDF-1.7").hexdigest()) is None
