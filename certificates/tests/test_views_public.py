import json
import re

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from certificates import receipts, services
from certificates.models import Certificate, VerificationReceipt
from certificates.pdf import pdf_render
from certificates.tests.helpers import issue_after_exam, issued_pdf, pdf_without_credential

pytestmark = pytest.mark.django_db


def _verify_url(language="en"):
    return f"/{language}/verify/"


def test_the_qr_link_leads_to_the_verification_page_with_the_code_filled_in(client, certificate):
    response = client.get(f"/verify/?code={certificate.display_code}", follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/verify/?code={certificate.display_code}")
    assert response.status_code == 200
    assert certificate.display_code in response.content.decode()
    assert 'data-status="valid"' in response.content.decode()


def test_the_verification_page_shows_every_field_in_the_visitors_language(client, certificate):
    page = client.get(_verify_url("fr"), {"code": certificate.display_code}).content.decode()
    assert "Lotte Peeters" in page
    assert "Diplôme sécurité : en sécurité en ligne" in page
    assert "4.1" in page and "4.2" in page
    assert "lotte" not in page.lower().replace("lotte peeters", "")  # no username, no e-mail
    assert "@example.be" not in page


def test_a_child_has_no_certificate_to_show(client, security_course, child):
    assert issue_after_exam(user=child, course=security_course) is None
    assert not Certificate.objects.filter(holder=child).exists()


def test_a_mistyped_code_gets_a_hint(client, certificate):
    code = certificate.code
    wrong = code[:3] + ("X" if code[3] != "X" else "Y") + code[4:]
    page = client.get(_verify_url(), {"code": wrong}).content.decode()
    assert 'data-status="mistyped"' in page
    assert "last character does not match" in page


def test_a_revoked_certificate_shows_the_date_but_never_the_reason(client, certificate, learner):
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud xyz")
    revoked = Certificate.objects.get(pk=certificate.pk)
    page = client.get(_verify_url(), {"code": certificate.code}).content.decode()
    assert 'data-status="revoked"' in page
    assert "Revoked on" in page
    assert formats.date_format(timezone.localtime(revoked.revoked_at), "DATE_FORMAT") in page
    assert "Exam fraud xyz" not in page


def test_the_json_api_gives_the_revocation_date_but_never_the_reason(client, certificate, learner):
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud xyz")
    response = client.get(reverse("certificates_public:api_verify_code", args=[certificate.code]))
    data = response.json()
    assert data["status"] == "revoked"
    assert data["certificate"]["revoked_on"] == timezone.localdate().isoformat()
    assert "revocation_reason" not in data["certificate"]
    assert "Exam fraud xyz" not in response.content.decode()


def test_the_holder_sees_the_reason_on_my_certificates(client, certificate, learner):
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud xyz")
    client.force_login(learner)
    page = client.get("/en/me/certificates/").content.decode()
    assert "Revoked on" in page and "Exam fraud xyz" in page


def test_a_withdrawn_certificate_shows_no_details(client, certificate, learner):
    services.certificate_sharing_set(certificate=certificate, holder=learner, sharing=False)
    page = client.get(_verify_url(), {"code": certificate.code}).content.decode()
    assert 'data-status="withdrawn"' in page
    assert "Lotte Peeters" not in page


def test_a_flood_of_lookups_gets_429(client, certificate, settings, sessions_opened):
    settings.CERTIFICATES_VERIFY_RATE = "5/60"
    for _ in range(5):
        assert client.get(_verify_url(), {"code": certificate.code}).status_code == 200
    response = client.get(_verify_url(), {"code": certificate.code})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "You checked many certificates in a short time." in page
    assert "Wait 1 minute, then try again." in page
    # Counted and refused in the page lane: no session opened, the fifth
    # lookup of five answered, the sixth refused.
    assert sessions_opened == []
    api = client.get(reverse("certificates_public:api_verify_code", args=[certificate.code]))
    assert api.status_code == 429


def test_employers_behind_one_proxy_each_have_their_own_budget(certificate, settings):
    from django.test import Client

    settings.TRUSTED_PROXY_COUNT = 1
    settings.CERTIFICATES_VERIFY_RATE = "2/60"
    first = Client(HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = Client(HTTP_X_FORWARDED_FOR="198.51.100.2")
    statuses = [first.get(_verify_url(), {"code": certificate.code}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert second.get(_verify_url(), {"code": certificate.code}).status_code == 200
    # A made-up address in front of the proxy's own entry changes nothing.
    spoofed = Client(HTTP_X_FORWARDED_FOR="192.0.2.9, 198.51.100.1")
    assert spoofed.get(_verify_url(), {"code": certificate.code}).status_code == 429


def test_a_flood_of_pdf_checks_gets_429_on_the_page_and_the_api(client, certificate, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.CERTIFICATES_VERIFY_RATE = "2/60"
    data = pdf_render(certificate, "en")
    statuses = [
        client.post("/en/verify/pdf/", {"file": SimpleUploadedFile("c.pdf", data)}).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    api = client.post(
        reverse("certificates_public:api_verify_document"), data, content_type="application/pdf"
    )
    assert api.status_code == 429
    assert api.json() == {"status": "rate_limited"}
    assert int(api["Retry-After"]) > 0


def test_the_employer_can_leave_their_organisation_as_a_receipt(client, certificate):
    client.get(_verify_url(), {"code": certificate.code})
    client.post(_verify_url(), {"code": certificate.code, "organisation": "ACME Brussels"})
    receipts.receipts_drain()
    found = list(VerificationReceipt.objects.filter(certificate=certificate))
    assert {r.organisation for r in found} == {"", "ACME Brussels"}


def test_reloading_the_page_does_not_multiply_receipts(client, certificate):
    for _ in range(3):
        client.get(_verify_url(), {"code": certificate.code})
    receipts.receipts_drain()
    assert VerificationReceipt.objects.filter(certificate=certificate).count() == 1


LANE = "config.stateless.SessionlessPageMiddleware"
CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[A-Za-z0-9]{64}"')
NONCE = re.compile(r'nonce(=|-)"?[A-Za-z0-9+/=_-]{16,}"?')


def _answer(response) -> tuple:
    """A page's status, body and headers, without what changes on every
    request (the form token, the CSP nonce, the time)."""
    body = NONCE.sub("nonce", CSRF_VALUE.sub("token", response.content.decode()))
    headers = {
        name: NONCE.sub("nonce", value)
        for name, value in response.items()
        if name not in ("Expires", "Date")
    }
    cookies = {
        name: dict(morsel.items()) | {"expires": ""} for name, morsel in response.cookies.items()
    }
    return response.status_code, body, headers, cookies


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_a_scanned_qr_code_is_answered_in_the_page_lane_as_by_the_whole_stack(
    certificate, settings, sessions_opened, language
):
    """No session is opened for a visitor without one (config/stateless.py),
    and the page, its headers and its cookie are those of the whole stack."""
    from django.test import Client

    url = f"/{language}/verify/?code={certificate.display_code}"
    in_lane = Client().get(url)
    assert sessions_opened == []
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != LANE]
    whole = Client().get(url)
    assert sessions_opened == [f"/{language}/verify/"]
    assert _answer(in_lane) == _answer(whole)
    assert in_lane["Content-Language"] == language
    assert "csrftoken" in in_lane.cookies
    assert 'data-status="valid"' in in_lane.content.decode()


def test_the_lanes_token_lets_the_employer_leave_their_organisation(certificate, sessions_opened):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = client.get(_verify_url(), {"code": certificate.code}).content.decode()
    assert sessions_opened == []
    token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"', page)[1]
    data = {"code": certificate.code, "organisation": "ACME Brussels", "csrfmiddlewaretoken": token}
    assert client.post(_verify_url(), data).status_code == 200
    # The POST goes through the whole stack; without the token it is refused.
    assert sessions_opened == ["/en/verify/"]
    del data["csrfmiddlewaretoken"]
    assert Client(enforce_csrf_checks=True).post(_verify_url(), data).status_code == 403
    receipts.receipts_drain()
    found = VerificationReceipt.objects.filter(
        certificate=certificate, organisation="ACME Brussels"
    )
    assert found.count() == 1


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_visitor_with_a_session_or_a_message_gets_the_whole_stack(
    client, certificate, sessions_opened, cookie
):
    client.cookies[cookie] = "x" * 32
    page = client.get(_verify_url("de"), {"code": certificate.code})
    assert page.status_code == 200 and 'data-status="valid"' in page.content.decode()
    assert sessions_opened == ["/de/verify/"]


def test_the_page_lane_refuses_an_unknown_host_and_a_head_as_the_site_does(
    client, certificate, settings, sessions_opened
):
    settings.ALLOWED_HOSTS = ["testserver"]
    url = f"{_verify_url()}?code={certificate.code}"
    refused = client.get(url, HTTP_HOST="attacker.example")
    assert refused.status_code == 400
    assert certificate.code not in refused.content.decode()
    assert client.head(url).status_code == 405
    # The PDF check starts like the page's address, but is not in the lane.
    assert client.get(reverse("certificates:verify_pdf")).status_code == 200
    assert sessions_opened == ["/en/verify/pdf/"]


def test_dropping_the_pdf_as_issued_gives_valid(client, certificate):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("c.pdf", issued_pdf(certificate, "nl"), "application/pdf")
    page = client.post("/en/verify/pdf/", {"file": upload}).content.decode()
    assert 'data-status="valid"' in page
    assert "fingerprint (SHA-256) matches our record" in page


@pytest.mark.parametrize(
    ("payload", "status"),
    [(b"hello, I am a text file", "not_pdf"), (pdf_without_credential(), "no_credential")],
)
def test_dropping_a_bad_file_gives_its_own_verdict(client, payload, status):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/en/verify/pdf/", {"file": SimpleUploadedFile("x.pdf", payload)})
    assert response.status_code == 200
    assert f'data-status="{status}"' in response.content.decode()


def test_the_json_api_answers_with_one_query_per_lookup(
    client, certificate, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = reverse("certificates_public:api_verify_code", args=[certificate.display_code])
    # Even the first lookup: one query, no task for the broker.
    with django_capture_on_commit_callbacks() as callbacks, django_assert_num_queries(1):
        response = client.get(url, {"lang": "de"})
    assert callbacks == []
    data = response.json()
    assert data["status"] == "valid"
    assert data["certificate"]["holder"] == "Lotte Peeters"
    assert data["certificate"]["course"] == "Sicherheitsdiplom: sicher online"
    assert "email" not in json.dumps(data)


def test_the_json_api_and_the_published_keys_are_answered_in_the_stateless_lane(
    client, certificate, sessions_opened
):
    """No session, no cookie, a policy for an answer that is no page
    (config/stateless.py); the verification page, for a visitor with a session,
    goes through the whole stack (its own lane is for visitors without one)."""
    from config.stateless import STATELESS_CSP

    client.cookies["sessionid"] = "s" * 32
    url = reverse("certificates_public:api_verify_code", args=[certificate.display_code])
    for address in (
        url,
        "/.well-known/did.json",
        f"/certificates/status/{certificate.status_list_id}",
    ):
        response = client.get(address, HTTP_ACCEPT_LANGUAGE="de")
        assert response.status_code == 200, address
        assert response["Content-Security-Policy"] == STATELESS_CSP
        assert response["X-Frame-Options"] == "DENY"
        assert response.cookies == {}
    assert response["Access-Control-Allow-Origin"] == "*"
    assert sessions_opened == []
    assert client.get(url).json()["status"] == "valid"
    page = client.get("/en/verify/", {"code": certificate.display_code})
    assert sessions_opened == ["/en/verify/"]
    assert page["Content-Security-Policy"] != STATELESS_CSP


def test_the_api_in_the_stateless_lane_answers_up_to_the_limit_then_429(
    client, certificate, settings
):
    from config.stateless import STATELESS_CSP

    settings.CERTIFICATES_VERIFY_RATE = "3/60"
    url = reverse("certificates_public:api_verify_code", args=[certificate.display_code])
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused.json() == {"status": "rate_limited"}
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused["Content-Security-Policy"] == STATELESS_CSP


def test_an_anonymous_api_lookup_leaves_no_receipt(client, certificate):
    url = reverse("certificates_public:api_verify_code", args=[certificate.display_code])
    client.get(url)
    assert receipts.receipts_waiting() == 0
    receipts.receipts_drain()
    assert not VerificationReceipt.objects.filter(certificate=certificate).exists()


def test_an_api_lookup_naming_its_organisation_leaves_one_receipt_an_hour(client, certificate):
    url = reverse("certificates_public:api_verify_code", args=[certificate.display_code])
    for _ in range(3):
        assert client.get(url, {"organisation": " ACME Brussels "}).status_code == 200
    receipts.receipts_drain()
    found = list(VerificationReceipt.objects.filter(certificate=certificate))
    assert [(r.channel, r.organisation) for r in found] == [("api", "ACME Brussels")]


def test_the_json_api_speaks_the_asked_language_and_is_never_cached(client, certificate):
    url = reverse("certificates_public:api_verify_code", args=[certificate.display_code])
    response = client.get(url, {"lang": "fr"})
    assert response.json()["certificate"]["course"] == "Diplôme sécurité : en sécurité en ligne"
    assert response["Content-Language"] == "fr"
    assert "no-store" in response["Cache-Control"]


def test_without_lang_the_json_api_follows_accept_language(client, certificate):
    url = reverse("certificates_public:api_verify_code", args=[certificate.display_code])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9")
    assert response.json()["certificate"]["course"] == "Veiligheidsdiploma: veilig online"
    assert response["Content-Language"] == "nl"
    assert "Accept-Language" in response["Vary"]


def test_a_revocation_shows_at_once_in_the_json_api(client, certificate, learner):
    url = reverse("certificates_public:api_verify_code", args=[certificate.display_code])
    assert client.get(url).json()["status"] == "valid"
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud")
    data = client.get(url).json()
    assert data["status"] == "revoked"
    assert data["certificate"]["revoked_on"] == timezone.localdate().isoformat()


def test_the_verification_page_is_never_cached(client, certificate):
    response = client.get(_verify_url(), {"code": certificate.display_code})
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/en/verify/?code={code}", "/api/certificates/verify/{code}"])
def test_the_verdicts_say_never_cache_exactly_as_django_would(client, certificate, path):
    from django.http import HttpResponse
    from django.utils.cache import add_never_cache_headers
    from django.utils.http import parse_http_date

    response = client.get(path.format(code=certificate.display_code))
    django = HttpResponse()
    add_never_cache_headers(django)
    assert response["Cache-Control"] == django["Cache-Control"]
    # Now, in the same format (HTTP date, GMT).
    assert abs(parse_http_date(response["Expires"]) - parse_http_date(django["Expires"])) <= 5
    assert response["Expires"].endswith(" GMT")


def test_the_json_api_checks_a_posted_jwt_and_a_posted_pdf(client, certificate):
    url = reverse("certificates_public:api_verify_document")
    jwt = client.post(url, certificate.credential_jwt, content_type="application/vc+jwt").json()
    assert jwt["status"] == "valid" and jwt["signature_checked"]
    pdf = client.post(url, issued_pdf(certificate, "en"), content_type="application/pdf").json()
    assert pdf["status"] == "valid"
    assert pdf["file"] == {"issued": True, "language": "en"}


def test_the_json_api_gives_400_for_a_malformed_code_and_never_500(client):
    response = client.get(reverse("certificates_public:api_verify_code", args=["nope"]))
    assert response.status_code == 400
    assert response.json()["status"] == "malformed"
    garbage = client.post(
        reverse("certificates_public:api_verify_document"),
        b"\xff\xfe\x00",
        content_type="application/octet-stream",
    )
    assert garbage.status_code == 200
    assert garbage.json()["status"] == "not_a_credential"


def test_the_json_api_says_a_posted_status_list_is_a_status_list(client, certificate):
    token = client.get(f"/certificates/status/{certificate.status_list_id}").content
    data = client.post(
        "/api/certificates/verify?lang=en", token, content_type="application/vc+jwt"
    ).json()
    assert data["status"] == "status_list"
    assert data["headline"] == "This is a status list, not a certificate"
    assert data["certificate"] is None and data["level"] == "error"


@pytest.mark.parametrize(
    ("language", "headline"),
    [
        ("nl", "Dit is een statuslijst, geen certificaat"),
        ("fr", "Ceci est une liste de statut, pas un certificat"),
        ("de", "Dies ist eine Statusliste, kein Zertifikat"),
    ],
)
def test_the_status_list_verdict_speaks_every_language(client, certificate, language, headline):
    token = client.get(f"/certificates/status/{certificate.status_list_id}").content
    url = f"/api/certificates/verify?lang={language}"
    data = client.post(url, token, content_type="application/vc+jwt").json()
    assert data["headline"] == headline
