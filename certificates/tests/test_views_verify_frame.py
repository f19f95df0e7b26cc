"""The verification page from its cached frame is the page the template
renders, byte for byte but the CSRF token's mask, in every language."""

import re

import pytest
from django.conf import settings

from certificates.views import frame

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'value="[A-Za-z0-9]{64}"')


def _normalise(html: bytes) -> str:
    return TOKEN.sub('value="csrf"', html.decode())


def _both(client, url, **kwargs):
    """The page from the frame (no session), then from the whole template (a
    visitor with a session cookie, here an unknown one)."""
    fast = client.get(url, **kwargs)
    client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    full = client.get(url, **kwargs)
    del client.cookies[settings.SESSION_COOKIE_NAME]
    return fast, full


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_the_framed_page_is_the_templates_page_in_every_language(client, certificate, language):
    url = f"/{language}/verify/?code={certificate.display_code}"
    fast, full = _both(client, url)
    assert fast.status_code == full.status_code == 200
    assert _normalise(fast.content) == _normalise(full.content)
    assert 'data-status="valid"' in fast.content.decode()
    assert frame.SLOT not in fast.content.decode()


@pytest.mark.parametrize(
    "query",
    ["", "code=0000", 'code=<script>&x="1"&lang=é', "code=AB%20CD&code=second"],
)
def test_the_language_switcher_returns_to_the_same_address(client, certificate, query):
    url = "/en/verify/" + (f"?{query}" if query else "")
    fast, full = _both(client, url)
    assert _normalise(fast.content) == _normalise(full.content)
    assert frame.QUERY not in fast.content.decode()
    assert frame.TOKEN not in fast.content.decode()


def test_the_receipt_form_and_the_switcher_carry_a_working_csrf_token(certificate):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = client.get("/en/verify/", {"code": certificate.code})
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"', page.text))
    assert len(tokens) == 1  # one token for the switcher's forms and the receipt's
    sent = client.post(
        "/en/verify/",
        {"code": certificate.code, "organisation": "ACME", "csrfmiddlewaretoken": tokens.pop()},
    )
    assert sent.status_code == 200
    assert "the holder will see that you checked" in sent.text


def test_a_signed_in_visitor_gets_the_whole_template(client, certificate, learner):
    client.force_login(learner)
    page = client.get("/en/verify/", {"code": certificate.code}).content.decode()
    assert "My learning" in page and "Sign out" in page


def test_the_frame_is_built_again_after_its_time(client, certificate, monkeypatch):
    client.get("/en/verify/")
    (expires, before, after) = next(iter(frame._frames.values()))
    frame._frames[next(iter(frame._frames))] = (expires, before.replace("Digiskills", "Old"), after)
    assert "Old" in client.get("/en/verify/").content.decode()
    now = frame.time.monotonic()
    monkeypatch.setattr(frame.time, "monotonic", lambda: now + frame.FRAME_SECONDS + 1)
    assert "Old" not in client.get("/en/verify/").content.decode()


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_a_revocation_shows_on_the_next_framed_page_in_every_language(
    client, certificate, learner, language
):
    from certificates import services

    url = f"/{language}/verify/?code={certificate.display_code}"
    assert 'data-status="valid"' in client.get(url).content.decode()
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Exam fraud xyz")
    fast, full = _both(client, url)
    assert 'data-status="revoked"' in fast.content.decode()
    assert "Exam fraud xyz" not in fast.content.decode()
    assert _normalise(fast.content) == _normalise(full.content)


def test_a_withdrawal_and_a_return_show_on_the_next_framed_page(client, certificate, learner):
    from certificates import services

    url = f"/en/verify/?code={certificate.display_code}"
    services.certificate_sharing_set(certificate=certificate, holder=learner, sharing=False)
    fast, full = _both(client, url)
    assert 'data-status="withdrawn"' in fast.content.decode()
    assert "Lotte Peeters" not in fast.content.decode()
    assert _normalise(fast.content) == _normalise(full.content)
    services.certificate_sharing_set(certificate=certificate, holder=learner, sharing=True)
    page = client.get(url).content.decode()
    assert 'data-status="valid"' in page and "Lotte Peeters" in page


def test_the_page_compiled_per_language_never_shows_another_languages_text(client, certificate):
    """Dutch first, then English, then Dutch again: each page in its own words,
    as the template renders it (its fixed texts are translated once per language)."""
    for language in ("nl", "en", "nl", "fr"):
        url = f"/{language}/verify/?code={certificate.display_code}"
        fast, full = _both(client, url)
        assert _normalise(fast.content) == _normalise(full.content)
    dutch = client.get(f"/nl/verify/?code={certificate.code}").content.decode()
    english = client.get(f"/en/verify/?code={certificate.code}").content.decode()
    assert "Check a certificate" in english and "Check a certificate" not in dutch
    assert "Awarded to" in english and "Awarded to" not in dutch


@pytest.mark.parametrize("code", ["", "0000", "7K3M-Q9XD-2HFA-BWNX", "<b>x</b>"])
def test_the_compiled_content_is_the_templates_for_every_kind_of_answer(client, db, code):
    fast, full = _both(client, "/de/verify/", data={"code": code})
    assert _normalise(fast.content) == _normalise(full.content)
    assert "&lt;b&gt;" in fast.content.decode() or "<b>" not in code
