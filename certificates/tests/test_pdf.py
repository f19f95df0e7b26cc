import io

import pypdfium2
import pytest
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from certificates.pdf import ATTACHMENT_NAME, pdf_render
from certificates.tests.helpers import issue_after_exam
from frontend.tests.pdf_reading import pdf_text, qr_texts

pytestmark = pytest.mark.django_db


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


def test_the_issuing_entity_is_printed_with_its_postal_address(security_course, learner, settings):
    settings.CERTIFICATES_ISSUER_ADDRESS = "Rue de la Loi 99, 1040 Etterbeek, Belgium"
    certificate = issue_after_exam(user=learner, course=security_course)
    settings.CERTIFICATES_ISSUER_ADDRESS = "Somewhere else"
    text = pdf_text(pdf_render(certificate, "en"), first_page_only=True)
    # Frozen at issue, like every word of the certificate.
    assert "Issued by\nDigiskills\nRue de la Loi 99, 1040 Etterbeek, Belgium" in text
    assert "Somewhere else" not in text


def test_the_exam_score_is_frozen_and_printed(security_course, learner):
    from lms.models import Attempt
    from lms.tests.factories import exam_attempt_record

    exam_attempt_record(user=learner, course=security_course)
    Attempt.objects.filter(enrolment__learner=learner).update(score=26, max_score=30)
    from certificates import services

    certificate = services.certificate_issue(user=learner, course=security_course)
    assert certificate.content["score"] == {"percent": 86, "pass_mark": 75}
    assert "Exam result\n86 % (pass mark 75 %)" in pdf_text(
        pdf_render(certificate, "en"), first_page_only=True
    )
    with translation.override("nl"):
        label = gettext("Exam result")
    assert label != "Exam result" and label in pdf_text(
        pdf_render(certificate, "nl"), first_page_only=True
    )


def test_an_older_certificate_without_a_score_prints_none(certificate):
    certificate.content.pop("score")
    assert "Exam result" not in pdf_text(pdf_render(certificate, "en"), first_page_only=True)


def test_the_pdf_links_its_accessible_html_twin(certificate):
    reader = PdfReader(io.BytesIO(pdf_render(certificate, "fr")))
    text = reader.pages[0].extract_text()
    twin = f"http://testserver/fr/verify/?code={certificate.display_code}"
    with translation.override("fr"):
        label = gettext("An accessible version of this certificate:")
    assert f"{label}\n{twin}" in text
    uris = [
        a.get_object()["/A"]["/URI"]
        for a in reader.pages[0]["/Annots"]
        if a.get_object()["/Subtype"] == "/Link"
    ]
    assert uris == [twin]


def _badge_pixels(certificate) -> bytes:
    document = pypdfium2.PdfDocument(pdf_render(certificate, "en"))
    try:
        image = document[0].render(scale=1).to_pil().convert("RGB")
    finally:
        document.close()
    width = image.width
    return image.crop((width - 56 - 112, 40, width - 56, 40 + 112)).tobytes()


def test_each_track_has_its_own_badge_drawn_on_the_page(certificate, basic_course, learner):
    security = _badge_pixels(certificate)
    basic = _badge_pixels(issue_after_exam(user=learner, course=basic_course))
    white = b"\xff" * len(security)
    assert security != white and basic != white
    assert security != basic


def test_no_base_14_font_is_used(certificate):
    data = pdf_render(certificate, "de")
    assert b"Helvetica" not in data and b"/Type1" not in data


def test_a_very_long_name_is_printed_in_full_left_of_the_badge(security_course):
    from lms.tests.factories import UserFactory

    person = UserFactory(
        first_name="Marie-Françoise Anne-Sophie Wilhelmina",
        last_name="Vandenberghe-De Smedt-Van Der Straeten",
    )
    certificate = issue_after_exam(user=person, course=security_course)
    page = PdfReader(io.BytesIO(pdf_render(certificate, "en"))).pages[0]
    rightmost = []

    def visit(text, cm, tm, font, size):
        if "Vandenberghe" in text:
            from reportlab.pdfbase import pdfmetrics

            rightmost.append(tm[4] + pdfmetrics.stringWidth(text, "VeraBd", size))

    text = page.extract_text(visitor_text=visit)
    assert certificate.content["holder_name"] in text
    assert rightmost and max(rightmost) < 842 - 56 - 112
