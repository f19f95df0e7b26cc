import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from certificates.pdf import ATTACHMENT_NAME, pdf_render
from certificates.tests.helpers import issue_after_exam

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(security_course, learner):
    return issue_after_exam(user=learner, course=security_course)


def qr_texts(data: bytes) -> list[str]:
    """Rasterise the page as a printer would (150 dpi) and read every QR code on it."""
    document = pypdfium2.PdfDocument(data)
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    return [
        b.text for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode
    ]


def test_the_printed_qr_code_deep_links_to_the_verification_page(certificate):
    assert qr_texts(pdf_render(certificate, "nl")) == [
        f"http://testserver/verify/?code={certificate.display_code}"
    ]


def test_the_pdf_is_real_text_in_the_learners_language(certificate):
    reader = PdfReader(io.BytesIO(pdf_render(certificate, "nl")))
    text = reader.pages[0].extract_text()
    assert "Lotte Peeters" in text
    assert "Veiligheidsdiploma: veilig online" in text
    assert certificate.display_code in text
    assert reader.metadata.title.endswith("Veiligheidsdiploma: veilig online")
    assert reader.trailer["/Root"]["/Lang"] == "nl"


def test_the_signed_credential_is_attached_to_the_pdf(certificate):
    reader = PdfReader(io.BytesIO(pdf_render(certificate, "en")))
    assert reader.attachments[ATTACHMENT_NAME] == [certificate.credential_jwt.encode()]


def test_names_beyond_latin_1_are_printed_as_text(security_course):
    from lms.tests.factories import UserFactory

    person = UserFactory(first_name="Łukasz", last_name="Yılmaz Ğenç")
    certificate = issue_after_exam(user=person, course=security_course)
    text = PdfReader(io.BytesIO(pdf_render(certificate, "en"))).pages[0].extract_text()
    assert "Łukasz Yılmaz Ğenç" in text
