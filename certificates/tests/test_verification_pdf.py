"""A dropped file: exactly a file we issued has its certificate's status; any
other file is never valid. Every file of the issue's "Bad input" list gets its
own verdict, and hostile files stop within the budget (timed by the benchmark
`python -m benchmarks.certificates hostile`, not here)."""

import copy

import pytest

from benchmarks import hostile_pdfs
from certificates import selectors, services, verification
from certificates.pdf import pdf_fields, pdf_render
from certificates.tests.helpers import (
    issue_after_exam,
    issued_pdf,
    paint_over,
    pdf_with_attachment,
    pdf_without_credential,
    png_image,
    scanned_pdf,
    sign_with_foreign_key,
    status_list_jwt,
)

pytestmark = pytest.mark.django_db


def _printed(certificate, key: str, language: str) -> str:
    return next(f for f in pdf_fields(certificate, language) if f.key == key).values[0]


def painted(certificate, language: str = "nl", *, incremental: bool = False) -> bytes:
    """Another name and a later "valid until" painted over the issued file."""
    return paint_over(
        issued_pdf(certificate, language),
        {
            _printed(certificate, "holder", language): "Jan Janssens",
            _printed(certificate, "valid_until", language): "31 december 2099",
        },
        incremental=incremental,
    )


def test_the_file_as_issued_is_valid_in_its_own_language(certificate):
    verdict = verification.verify_pdf(issued_pdf(certificate, "de"))
    assert verdict.status == verification.VALID
    assert verdict.certificate.pk == certificate.pk
    assert verdict.issued_file and verdict.language == "de"


def test_the_file_after_re_rendering_is_valid_and_so_is_the_earlier_one(certificate):
    earlier = issued_pdf(certificate, "nl")
    later = issued_pdf(certificate, "nl", rerender=True)
    assert set(certificate.files.values_list("sha256", flat=True)) >= {
        verification.hashlib.sha256(earlier).hexdigest(),
        verification.hashlib.sha256(later).hexdigest(),
    }
    assert verification.verify_pdf(earlier).status == verification.VALID
    assert verification.verify_pdf(later).status == verification.VALID


@pytest.mark.parametrize("incremental", [False, True], ids=["page-merge", "incremental-update"])
def test_a_painted_overlay_is_not_a_file_we_issued_and_names_the_certificate(
    certificate, incremental
):
    forged = painted(certificate, "nl", incremental=incremental)
    verdict = verification.verify_pdf(forged)
    assert verdict.status == verification.NOT_ISSUED
    assert not verdict.is_valid and not verdict.issued_file
    assert verdict.certificate.pk == certificate.pk
    # The language the file claims: the certificate is shown as issued in Dutch.
    assert verdict.language == "nl"


def test_the_overlay_really_shows_another_name(certificate):
    import pypdfium2

    document = pypdfium2.PdfDocument(painted(certificate))
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "Jan Janssens" in text and "31 december 2099" in text


def test_a_pdf_rendered_with_other_text_but_never_handed_out_is_not_ours(certificate):
    forged = copy.deepcopy(certificate)
    forged.content["holder_name"] = "Jan Janssens"
    verdict = verification.verify_pdf(pdf_render(forged, "en"))
    assert verdict.status == verification.NOT_ISSUED
    assert verdict.certificate.content["holder_name"] == "Lotte Peeters"


def test_the_pdf_of_another_certificate_is_that_certificate(certificate, basic_course, learner):
    other = issue_after_exam(user=learner, course=basic_course)
    issued = verification.verify_pdf(issued_pdf(other, "fr"))
    assert (issued.status, issued.certificate.pk) == (verification.VALID, other.pk)
    forged = verification.verify_pdf(painted(other, "fr"))
    assert (forged.status, forged.certificate.pk) == (verification.NOT_ISSUED, other.pk)


def test_a_revoked_certificates_file_says_revoked_and_its_overlay_is_still_not_ours(
    certificate, learner
):
    data = issued_pdf(certificate, "nl")
    forged = painted(certificate, "nl")
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Mistake")
    assert verification.verify_pdf(data).status == verification.REVOKED
    verdict = verification.verify_pdf(forged)
    assert verdict.status == verification.NOT_ISSUED
    assert verification.certificate_status(verdict.certificate) == verification.REVOKED


def test_a_png_and_a_text_file_are_not_pdfs():
    assert verification.verify_pdf(png_image()).status == verification.NOT_PDF
    assert verification.verify_pdf(b"hello, I am a text file").status == verification.NOT_PDF


def test_a_file_over_5_mb_is_refused_unread(monkeypatch):
    monkeypatch.setattr(selectors, "issued_file_for_sha256", pytest.fail)
    data = b"%PDF-1.7\n" + bytes(verification.MAX_PDF_BYTES)
    assert verification.verify_pdf(data).status == verification.TOO_LARGE


def test_a_scan_carries_no_credential():
    assert verification.verify_pdf(scanned_pdf()).status == verification.NO_CREDENTIAL
    assert verification.verify_pdf(pdf_without_credential()).status == verification.NO_CREDENTIAL


def test_a_broken_pdf_is_unreadable():
    assert verification.verify_pdf(b"%PDF-1.4 broken").status == verification.UNREADABLE


def test_a_status_list_attached_as_the_credential_is_a_status_list(certificate):
    data = pdf_with_attachment(status_list_jwt().encode())
    verdict = verification.verify_pdf(data)
    assert verdict.status == verification.STATUS_LIST
    assert verdict.certificate is None


def test_a_credential_signed_by_a_key_that_is_not_ours_says_so(certificate):
    foreign = sign_with_foreign_key(certificate.credential_jwt, kid="did:web:evil.example#k1")
    verdict = verification.verify_pdf(pdf_with_attachment(foreign.encode()))
    assert verdict.status == verification.UNKNOWN_KEY
    assert verdict.certificate is None


def test_a_credential_re_signed_under_our_key_id_fails_its_signature(certificate):
    forged = sign_with_foreign_key(certificate.credential_jwt)
    assert (
        verification.verify_pdf(pdf_with_attachment(forged.encode())).status
        == verification.BAD_SIGNATURE
    )


def test_an_attachment_that_is_not_text_is_not_a_credential():
    data = pdf_with_attachment(b"\xff\xfe" + bytes(100))
    assert verification.verify_pdf(data).status == verification.NOT_A_CREDENTIAL


def test_a_3000_page_pdf_is_too_complex():
    data = hostile_pdfs.many_pages(pages=3000)
    assert verification.verify_pdf(data).status == verification.TOO_COMPLEX


# Some of the 5 MB hostile files are stopped by a limit (pages, nodes, sizes),
# others by the clock, and which comes first depends on the machine: each has
# the verdicts it may get, never a valid one and never an exception.
HOSTILE_VERDICTS = {
    "many-pages": {verification.TOO_COMPLEX},
    "deep-chain": {verification.UNREADABLE, verification.TOO_COMPLEX},
    "deep-nesting": {verification.NO_CREDENTIAL},
    "content-bomb": {verification.NO_CREDENTIAL},
    "attachment-bomb": {verification.TOO_COMPLEX},
    "objstm-bomb": {verification.TOO_COMPLEX},
    "huge-xref": {verification.NO_CREDENTIAL, verification.TOO_COMPLEX},
    "declared-xref": {verification.NO_CREDENTIAL, verification.TOO_COMPLEX},
    "broken-xref": {verification.UNREADABLE, verification.TOO_COMPLEX},
    "name-tree-maze": {verification.TOO_COMPLEX},
    "incremental": {verification.UNREADABLE, verification.TOO_COMPLEX},
}


@pytest.mark.parametrize("name", sorted(hostile_pdfs.HOSTILE))
def test_each_hostile_5_mb_pdf_gets_its_verdict(name):
    data = hostile_pdfs.HOSTILE[name]()
    assert len(data) <= verification.MAX_PDF_BYTES
    assert verification.verify_pdf(data).status in HOSTILE_VERDICTS[name]


def test_every_hostile_file_has_an_expected_verdict():
    assert set(HOSTILE_VERDICTS) == set(hostile_pdfs.HOSTILE)


def test_no_page_content_is_ever_read(certificate, monkeypatch):
    from pypdf import PageObject

    forged = painted(certificate)

    def refuse(*args, **kwargs):
        raise AssertionError("page content read")

    # The child process inherits the patch: reading a page would make the
    # verdict "unreadable" instead of "not issued".
    for method in ("extract_text", "get_contents", "_get_contents_as_bytes"):
        monkeypatch.setattr(PageObject, method, refuse, raising=False)
    assert verification.verify_pdf(forged).status == verification.NOT_ISSUED
