"""The PDF-drop page and the JSON API for files: the same verdict codes, the
certificate as issued beside a file that is not ours, refusals as 4xx and
never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from benchmarks import hostile_pdfs
from certificates import links, services_previews, verification
from certificates.models import Certificate, VerificationReceipt
from certificates.receipts import receipts_drain
from certificates.tests.helpers import (
    issued_pdf,
    pdf_with_attachment,
    png_image,
    scanned_pdf,
    sign_with_foreign_key,
    status_list_jwt,
)
from certificates.tests.test_verification_pdf import painted

pytestmark = pytest.mark.django_db

PAGE = "/en/verify/pdf/"


@pytest.fixture
def api_url():
    return reverse("certificates_public:api_verify_document")


def _drop(client, data: bytes, name: str = "certificate.pdf"):
    return client.post(PAGE, {"file": SimpleUploadedFile(name, data, "application/pdf")})


def _as_issued_image(page: str) -> str:
    start = page.index("/certificates/as-issued/")
    return page[start : page.index('"', start)]


def test_a_painted_pdf_is_not_valid_and_shows_the_certificate_as_issued(client, certificate):
    response = _drop(client, painted(certificate, "nl"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-status="not_issued"' in page
    assert "This is not a file Digiskills issued" in page
    assert "Valid certificate</h2>" not in page
    assert 'data-certificate-status="valid"' in page
    # Beside it: our page image (alt text lists the fields) and the printed
    # fields in the file's language, with the name as issued.
    assert "data-as-issued-image" in page and "data-uploaded-slot" in page
    assert 'alt="The certificate as Digiskills issued it. Uitgereikt aan: Lotte Peeters' in page
    assert "Jan Janssens" not in page
    assert "Veiligheidsdiploma: veilig online" in page


def test_the_image_of_the_certificate_as_issued_is_drawn_once_from_our_own_pdf(
    client, certificate, monkeypatch
):
    page = _drop(client, painted(certificate, "fr")).content.decode()
    url = _as_issued_image(page)
    drawn = []
    real = services_previews.page_png
    monkeypatch.setattr(services_previews, "page_png", lambda pdf: drawn.append(pdf) or real(pdf))
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "image/png"
    assert b"".join(first.streaming_content).startswith(b"\x89PNG\r\n\x1a\n")
    assert client.get(url).status_code == 200
    assert drawn == [issued_pdf(certificate, "fr")]


def test_the_image_address_cannot_be_forged_or_used_for_long(client, certificate, monkeypatch):
    url = links.as_issued_image_path(certificate.code, "en")
    assert client.get(url[:-6] + "x.png").status_code == 404
    other_code = links.as_issued_image_path("7K3MQ9XD2HFABWNC", "en")
    assert client.get(other_code).status_code == 404
    monkeypatch.setattr(links, "AS_ISSUED_MAX_AGE", -1)
    assert client.get(url).status_code == 404


def test_no_image_of_a_withdrawn_or_nameless_certificate(client, certificate, learner):
    from certificates import services

    url = links.as_issued_image_path(certificate.code, "en")
    # As erasure leaves it: the frozen name emptied.
    Certificate.objects.filter(pk=certificate.pk).update(
        content={**certificate.content, "holder_name": ""}
    )
    assert client.get(url).status_code == 404
    page = _drop(client, painted(certificate, "en")).content.decode()
    assert "data-as-issued-image" not in page and "Lotte Peeters" not in page
    Certificate.objects.filter(pk=certificate.pk).update(content=certificate.content)
    certificate.refresh_from_db()
    services.certificate_sharing_set(certificate=certificate, holder=learner, sharing=False)
    assert client.get(url).status_code == 404


def test_the_untouched_file_is_valid_with_its_fields(client, certificate):
    page = _drop(client, issued_pdf(certificate, "en")).content.decode()
    assert 'data-status="valid"' in page
    assert "fingerprint (SHA-256) matches our record" in page
    assert "Lotte Peeters" in page and "Security diploma: safe online" in page


@pytest.mark.parametrize(
    ("make", "status"),
    [
        (png_image, "not_pdf"),
        (scanned_pdf, "no_credential"),
        (hostile_pdfs.attachment_bomb, "too_complex"),
        (lambda: hostile_pdfs.many_pages(pages=3000), "too_complex"),
        (lambda: pdf_with_attachment(status_list_jwt().encode()), "status_list"),
    ],
    ids=["png", "scan", "compression-bomb", "3000-pages", "status-list"],
)
def test_bad_files_get_their_own_verdict_on_the_page_and_in_the_api(
    client, certificate, api_url, make, status
):
    data = make()
    page = _drop(client, data)
    assert page.status_code == 200
    assert f'data-status="{status}"' in page.content.decode()
    api = client.post(api_url, data, content_type="application/pdf")
    assert api.status_code < 500
    assert api.json()["status"] == status
    assert api.json()["next_step"]


def test_a_credential_signed_by_another_key_gets_the_same_verdict_as_jwt_and_as_pdf(
    client, certificate, api_url
):
    foreign = sign_with_foreign_key(certificate.credential_jwt, kid="did:web:evil.example#k1")
    as_jwt = client.post(api_url, foreign, content_type="application/vc+jwt").json()
    as_pdf = client.post(
        api_url, pdf_with_attachment(foreign.encode()), content_type="application/pdf"
    ).json()
    page = _drop(client, pdf_with_attachment(foreign.encode())).content.decode()
    assert as_jwt["status"] == as_pdf["status"] == "unknown_key"
    assert 'data-status="unknown_key"' in page


def test_a_status_list_gets_the_same_verdict_as_jwt_and_as_pdf(client, certificate, api_url):
    token = status_list_jwt()
    as_jwt = client.post(api_url, token, content_type="application/vc+jwt").json()
    assert as_jwt["status"] == "status_list" and as_jwt["certificate"] is None


def test_the_api_for_a_painted_pdf_names_the_certificate_and_its_fields(
    client, certificate, api_url
):
    answer = client.post(api_url, painted(certificate, "de"), content_type="application/pdf")
    data = answer.json()
    assert answer.status_code == 200
    assert data["status"] == "not_issued"
    assert data["file"] == {"issued": False, "language": "de"}
    assert data["certificate_status"] == "valid"
    assert data["certificate"]["code"] == certificate.display_code
    holder = next(f for f in data["as_issued"]["fields"] if f["field"] == "holder")
    assert holder["values"] == ["Lotte Peeters"]
    assert data["as_issued"]["image_path"].startswith("/certificates/as-issued/")


def test_the_api_gives_4xx_for_files_it_refuses(client, api_url):
    assert client.post(api_url, png_image(), content_type="image/png").status_code == 415
    broken = client.post(api_url, b"%PDF-1.4 broken", content_type="application/pdf")
    assert (broken.status_code, broken.json()["status"]) == (422, "unreadable")
    bomb = client.post(api_url, hostile_pdfs.attachment_bomb(), content_type="application/pdf")
    assert (bomb.status_code, bomb.json()["status"]) == (422, "too_complex")


def test_a_body_over_the_limit_is_refused_before_it_is_read(client, api_url, monkeypatch):
    monkeypatch.setattr(verification, "verify_pdf", pytest.fail)
    big = b"%PDF-1.7\n" + bytes(verification.MAX_PDF_BYTES + 70 * 1024)
    api = client.post(api_url, big, content_type="application/pdf")
    assert (api.status_code, api.json()["status"]) == (413, "too_large")
    page = _drop(client, big)
    assert page.status_code == 413
    assert 'data-status="too_large"' in page.content.decode()


def test_a_file_just_over_5_mb_in_a_small_enough_body_is_413_not_500(client, api_url):
    big = b"%PDF-1.7\n" + bytes(verification.MAX_PDF_BYTES)
    page = _drop(client, big)
    assert page.status_code == 413
    assert "too large to be a certificate" in page.content.decode()
    upload = SimpleUploadedFile("c.pdf", big, "application/pdf")
    api = client.post(api_url, {"file": upload})
    assert (api.status_code, api.json()["status"]) == (413, "too_large")


def test_a_raw_pdf_over_django_memory_limit_is_still_checked(client, certificate, api_url):
    # 3 MB > DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB): read from the stream, not refused.
    data = hostile_pdfs.huge_xref(size=3 * 1024 * 1024)
    answer = client.post(api_url, data, content_type="application/pdf")
    assert answer.json()["status"] in {"no_credential", "too_complex"}


def test_the_page_without_a_file_is_400(client):
    response = client.post(PAGE, {})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()


def test_a_painted_pdf_leaves_the_holder_one_receipt(client, certificate):
    forged = painted(certificate, "en")
    _drop(client, forged)
    _drop(client, forged)
    receipts_drain()
    receipts = VerificationReceipt.objects.filter(certificate=certificate)
    assert [r.channel for r in receipts] == [VerificationReceipt.Channel.PDF]


def test_the_page_loads_its_script_and_works_without_it(client):
    page = client.get(PAGE).content.decode()
    assert "certificates/verify-pdf.js" in page
    assert "data-pdf-check" in page


@pytest.mark.parametrize(
    ("language", "headline"),
    [
        ("nl", "Dit is geen bestand dat Digiskills uitreikte"),
        ("fr", "Ce n’est pas un fichier délivré par Digiskills"),
        ("de", "Das ist keine von Digiskills ausgestellte Datei"),
    ],
)
def test_the_verdict_on_a_painted_pdf_speaks_the_visitors_language(
    client, certificate, language, headline
):
    upload = SimpleUploadedFile("c.pdf", painted(certificate, "en"), "application/pdf")
    page = client.post(f"/{language}/verify/pdf/", {"file": upload}).content.decode()
    assert headline in page


def test_a_painted_pdf_of_a_revoked_certificate_says_both(client, certificate, learner):
    from certificates import services

    forged = painted(certificate, "en")
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud")
    page = _drop(client, forged).content.decode()
    assert 'data-status="not_issued"' in page
    assert 'data-certificate-status="revoked"' in page
