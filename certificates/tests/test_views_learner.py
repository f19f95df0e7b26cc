from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from audit.models import AuditEntry
from certificates import services
from certificates.models import Certificate
from certificates.tests.helpers import issue_after_exam
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(security_course, learner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return issue_after_exam(user=learner, course=security_course)


def test_the_learner_sees_their_certificate_with_share_and_linkedin_links(
    client, learner, certificate
):
    client.force_login(learner)
    page = client.get("/nl/me/certificates/").content.decode()
    assert "Veiligheidsdiploma: veilig online" in page
    assert certificate.display_code in page
    assert f"http://testserver/verify/?code={certificate.display_code}" in page
    assert "https://www.linkedin.com/profile/add?" in page


def test_the_linkedin_link_uses_the_documented_add_to_profile_parameters(learner, certificate):
    from certificates.views.learner import linkedin_url

    query = parse_qs(urlsplit(linkedin_url(certificate, "en")).query)
    assert query["startTask"] == ["CERTIFICATION_NAME"]
    assert query["name"] == ["Security diploma: safe online"]
    assert query["organizationName"] == ["Digiskills"]
    assert query["issueYear"] == [str(certificate.issued_at.year)]
    assert query["expirationYear"] == [str(certificate.expires_at.year)]
    assert query["certId"] == [certificate.display_code]
    assert query["certUrl"][0].endswith(certificate.display_code)


def test_the_certificates_page_needs_a_sign_in(client):
    response = client.get("/en/me/certificates/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_pdf_is_rendered_once_and_stored(client, learner, certificate, monkeypatch):
    client.force_login(learner)
    url = reverse("certificates:download", args=[certificate.public_id, "nl"])
    first = client.get(url)
    assert first["Content-Type"] == "application/pdf"
    assert b"".join(first.streaming_content).startswith(b"%PDF-")
    name = Certificate.objects.get(pk=certificate.pk).pdf_files["nl"]
    assert default_storage.exists(name)

    def no_render(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr("certificates.pdf.pdf_render", no_render)
    assert client.get(url).status_code == 200


def test_other_languages_can_be_downloaded(client, learner, certificate):
    client.force_login(learner)
    response = client.get(reverse("certificates:download", args=[certificate.public_id, "de"]))
    assert response.status_code == 200
    assert "de" in Certificate.objects.get(pk=certificate.pk).pdf_files


def test_nobody_else_can_download_a_learners_pdf(client, certificate):
    client.force_login(UserFactory())
    response = client.get(reverse("certificates:download", args=[certificate.public_id, "nl"]))
    assert response.status_code == 404


def test_nobody_else_can_stop_sharing_a_learners_certificate(client, certificate):
    client.force_login(UserFactory())
    response = client.post(reverse("certificates:sharing", args=[certificate.public_id]))
    assert response.status_code == 404
    assert Certificate.objects.get(pk=certificate.pk).withdrawn_at is None


def test_stopping_and_resuming_sharing(client, learner, certificate):
    client.force_login(learner)
    url = reverse("certificates:sharing", args=[certificate.public_id])
    client.post(url)
    assert Certificate.objects.get(pk=certificate.pk).withdrawn_at is not None
    assert AuditEntry.objects.filter(action="certificates.withdraw").exists()
    client.post(url, {"sharing": "on"})
    assert Certificate.objects.get(pk=certificate.pk).withdrawn_at is None


def test_the_learner_sees_who_checked_their_certificate(client, learner, certificate):
    services.receipt_record(certificate_id=certificate.pk, channel="code", organisation="ACME")
    client.force_login(learner)
    assert "ACME" in client.get("/en/me/certificates/").content.decode()


def test_re_rendering_happens_only_when_asked_and_covers_every_stored_language(
    client, learner, certificate, monkeypatch
):
    from certificates import pdf

    client.force_login(learner)
    for language in ("nl", "de"):
        client.get(reverse("certificates:download", args=[certificate.public_id, language]))
    rendered = []
    real_render = pdf.pdf_render

    def counting_render(certificate, language):
        rendered.append(language)
        return real_render(certificate, language)

    monkeypatch.setattr(pdf, "pdf_render", counting_render)
    client.get(reverse("certificates:download", args=[certificate.public_id, "nl"]))
    assert rendered == []  # stored: not rendered again
    response = client.post(reverse("certificates:rerender", args=[certificate.public_id]))
    assert response.status_code == 302
    assert sorted(rendered) == ["de", "nl"]
    assert set(Certificate.objects.get(pk=certificate.pk).pdf_files) == {"de", "nl"}


def test_nobody_else_can_re_render_a_learners_pdf(client, certificate, monkeypatch):
    from certificates import pdf

    def no_render(*args, **kwargs):
        raise AssertionError("rendered")

    monkeypatch.setattr(pdf, "pdf_render", no_render)
    client.force_login(UserFactory())
    response = client.post(reverse("certificates:rerender", args=[certificate.public_id]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("method", "name", "extra"),
    [
        ("get", "download", ["nl"]),
        ("get", "credential", []),
        ("post", "sharing", []),
        ("post", "rerender", []),
        ("post", "code_renew", []),
    ],
)
def test_an_anonymous_visitor_is_sent_to_sign_in(client, certificate, method, name, extra):
    url = reverse(f"certificates:{name}", args=[certificate.public_id, *extra])
    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_list_costs_the_same_queries_for_one_or_many_certificates(
    client, learner, security_course, basic_course, django_assert_max_num_queries
):
    issue_after_exam(user=learner, course=security_course)
    client.force_login(learner)
    # 13: one of them asks whether an earned certificate is still on its way.
    with django_assert_max_num_queries(13) as one:
        client.get("/en/me/certificates/")
    issue_after_exam(user=learner, course=basic_course)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get("/en/me/certificates/").content.decode()
    assert "Basic digital skills" in page


def test_the_learner_downloads_the_signed_credential(client, learner, certificate):
    client.force_login(learner)
    response = client.get(reverse("certificates:credential", args=[certificate.public_id]))
    assert response["Content-Type"] == "application/vc+jwt"
    assert response.content.decode() == certificate.credential_jwt


def test_nobody_else_downloads_a_learners_credential(client, certificate):
    client.force_login(UserFactory())
    response = client.get(reverse("certificates:credential", args=[certificate.public_id]))
    assert response.status_code == 404


def test_the_page_offers_copy_make_again_and_a_new_code_as_posts(client, learner, certificate):
    client.force_login(learner)
    page = client.get("/nl/me/certificates/").content.decode()
    # The copy button waits for its script; the link is selectable text anyway.
    assert f'data-copy-from="share-{certificate.public_id}"' in page
    assert "certificates/copy-link.js" in page
    assert "<script>" not in page  # no inline script (CSP)
    for name in ("rerender", "code_renew"):
        action = reverse(f"certificates:{name}", args=[certificate.public_id])
        assert f'<form method="post" action="{action}">' in page
    assert "Code vervangen" in page and "Pdf opnieuw maken" in page


def test_a_revoked_certificate_offers_no_new_code(client, learner, certificate):
    services.certificate_revoke(certificate=certificate, actor=UserFactory(), reason="Fraud")
    client.force_login(learner)
    page = client.get("/en/me/certificates/").content.decode()
    assert reverse("certificates:code_renew", args=[certificate.public_id]) not in page


def test_the_holder_gets_a_new_code_and_is_told_it(client, learner, certificate):
    client.force_login(learner)
    url = reverse("certificates:code_renew", args=[certificate.public_id])
    response = client.post(f"/fr{url[3:]}", follow=True)
    renewed = Certificate.objects.get(pk=certificate.pk)
    assert renewed.code != certificate.code
    page = response.content.decode()
    assert f"Votre certificat a un nouveau code de vérification : {renewed.display_code}" in page
    assert certificate.display_code not in page


def test_a_revoked_certificate_is_refused_a_new_code_with_a_reason(client, learner, certificate):
    services.certificate_revoke(certificate=certificate, actor=UserFactory(), reason="Fraud")
    client.force_login(learner)
    url = reverse("certificates:code_renew", args=[certificate.public_id])
    page = client.post(url, follow=True).content.decode()
    assert "A revoked certificate keeps its code" in page
    assert Certificate.objects.get(pk=certificate.pk).code == certificate.code


def test_nobody_else_can_renew_a_learners_code(client, certificate):
    client.force_login(UserFactory())
    response = client.post(reverse("certificates:code_renew", args=[certificate.public_id]))
    assert response.status_code == 404
    assert Certificate.objects.get(pk=certificate.pk).code == certificate.code
    assert not AuditEntry.objects.filter(action="certificates.code_renew").exists()


@pytest.mark.parametrize("name", ["code_renew", "rerender"])
def test_a_get_changes_nothing(client, learner, certificate, name):
    client.force_login(learner)
    response = client.get(reverse(f"certificates:{name}", args=[certificate.public_id]))
    assert response.status_code == 405
    assert Certificate.objects.get(pk=certificate.pk).code == certificate.code


def test_a_post_without_the_csrf_token_is_refused(learner, certificate):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post(reverse("certificates:code_renew", args=[certificate.public_id]))
    assert response.status_code == 403
    assert Certificate.objects.get(pk=certificate.pk).code == certificate.code
