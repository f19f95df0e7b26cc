"""Every date a page or an API shows of a certificate is the day printed on it:
the Brussels day. 23:30 UTC is 01:30 the next day in summer (UTC+2) and 00:30
in winter (UTC+1)."""

from datetime import UTC, date, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from certificates.dates import issuer_date, issuer_datetime
from certificates.models import Certificate
from certificates.tests.helpers import issue_after_exam

pytestmark = pytest.mark.django_db

SUMMER = datetime(2026, 7, 14, 23, 30, tzinfo=UTC)  # 15 July, 01:30 in Brussels
WINTER = datetime(2026, 1, 14, 23, 30, tzinfo=UTC)  # 15 January, 00:30 in Brussels


def _api(client, certificate, language="en") -> dict:
    url = reverse("certificates_public:api_verify_code", args=[certificate.code])
    return client.get(url, {"lang": language}).json()["certificate"]


@pytest.mark.parametrize(
    ("moment", "day"), [(SUMMER, date(2026, 7, 15)), (WINTER, date(2026, 1, 15))]
)
def test_the_issuer_date_is_the_brussels_day(moment, day):
    assert issuer_date(moment) == day
    assert issuer_datetime(moment).isoformat().startswith(f"{day.isoformat()}T0")


@pytest.mark.parametrize(
    ("moment", "issued", "until", "text"),
    [
        (SUMMER, "2026-07-15", "2028-07-15", "15 juli 2026"),
        (WINTER, "2026-01-15", "2028-01-15", "15 januari 2026"),
    ],
)
def test_the_json_api_gives_the_brussels_dates(
    client, security_course, learner, moment, issued, until, text
):
    certificate = issue_after_exam(user=learner, course=security_course, completed_at=moment)
    data = _api(client, certificate, "nl")
    assert data["issued_on"] == issued
    assert data["valid_until"] == until
    assert data["issued_on_text"] == text


def test_the_verification_page_prints_the_brussels_day(client, security_course, learner):
    certificate = issue_after_exam(user=learner, course=security_course, completed_at=SUMMER)
    page = client.get("/nl/verify/", {"code": certificate.code}).content.decode()
    assert "15 juli 2026" in page and "14 juli 2026" not in page


def test_the_revocation_date_is_the_brussels_day(client, security_course, learner):
    certificate = issue_after_exam(user=learner, course=security_course, completed_at=WINTER)
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=datetime(2026, 3, 2, 23, 30, tzinfo=UTC), revocation_reason="Fraud"
    )
    data = _api(client, certificate, "nl")
    assert data["revoked_on"] == "2026-03-03"
    assert data["revoked_on_text"] == "3 maart 2026"


def test_the_linkedin_link_gives_the_brussels_month(security_course, learner):
    from certificates.views.learner import linkedin_url

    new_year = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 1 January 2027 in Brussels
    certificate = issue_after_exam(user=learner, course=security_course, completed_at=new_year)
    query = parse_qs(urlsplit(linkedin_url(certificate, "en")).query)
    assert (query["issueYear"], query["issueMonth"]) == (["2027"], ["1"])
    assert (query["expirationYear"], query["expirationMonth"]) == (["2029"], ["1"])
