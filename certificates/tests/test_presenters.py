"""The public data of a verdict in the visitor's language: the texts and dates
kept per language (presenters._texts, _day_text) never cross languages."""

from datetime import UTC, date, datetime

from django.utils import formats, translation

from certificates import verification
from certificates.dates import issuer_date
from certificates.models import Certificate
from certificates.presenters import verdict_data

CONTENT = {
    "holder_name": "Lotte Peeters",
    "issuer": "Digiskills",
    "course": {"en": "Security diploma", "nl": "Veiligheidsdiploma"},
    "track": {"en": "Security", "nl": "Veiligheid"},
    "level": {"en": "3", "nl": "3"},
    "competences": [{"code": "4.1", "title": {"en": "Protecting devices"}}],
}


def _verdict(**dates) -> verification.Verdict:
    certificate = Certificate(
        code="7K3MQ9XD2HFABWNC",
        content=CONTENT,
        issued_at=datetime(2026, 3, 4, 10, tzinfo=UTC),
        **dates,
    )
    return verification.Verdict(verification.certificate_status(certificate), certificate)


def test_dates_and_headlines_follow_the_language_back_and_forth():
    verdict = _verdict(revoked_at=datetime(2026, 5, 6, 23, 30, tzinfo=UTC))
    seen = {}
    for language in ("nl", "en", "nl", "fr", "en"):
        with translation.override(language):
            data = verdict_data(verdict, language)
            day = issuer_date(verdict.certificate.revoked_at)
            assert data["certificate"]["revoked_on_text"] == formats.date_format(day, "DATE_FORMAT")
            assert data["headline"] == str(translation.gettext("Revoked certificate"))
        seen.setdefault(language, data["headline"])
        assert seen[language] == data["headline"]
    assert len({seen["nl"], seen["en"], seen["fr"]}) == 3
    # 23:30 UTC on 6 May is 7 May in Brussels: the issuer's day, as printed.
    with translation.override("en"):
        text = verdict_data(verdict, "en")["certificate"]["revoked_on_text"]
        assert text == formats.date_format(date(2026, 5, 7), "DATE_FORMAT")


def test_a_status_change_changes_the_kept_texts_it_uses():
    with translation.override("en"):
        valid = verdict_data(_verdict(), "en")
        withdrawn = verdict_data(_verdict(withdrawn_at=datetime(2026, 4, 1, tzinfo=UTC)), "en")
    assert valid["headline"] == "Valid certificate"
    assert withdrawn["headline"] == "Withdrawn by the holder"
    assert withdrawn["certificate"] == {"code": "7K3M-Q9XD-2HFA-BWNC"}
