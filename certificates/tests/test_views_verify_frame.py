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


# --- The page's own part, kept per language and shape -------------------------


def _shapes(certificate, security_course, basic_course, learner):
    """Certificates in every shape the verdict can take: each address with what
    it must show."""
    from datetime import timedelta

    from django.utils import timezone

    from certificates import services
    from certificates.models import Certificate
    from certificates.personal_data import certificates_erase_for
    from certificates.tests.helpers import issue_after_exam
    from lms.tests.factories import UserFactory

    # Characters to escape, and a stand-in's own text, in a name.
    odd = UserFactory(username="zoe", first_name="Zoë <b>\"&'", last_name=f"{frame.STAND_IN}0x")
    odd_certificate = issue_after_exam(user=odd, course=basic_course)  # one competence, no end
    # No name shown (a young learner's, as older certificates were issued).
    young = issue_after_exam(user=UserFactory(username="young"), course=basic_course)
    young.content["holder_name"] = ""
    young.save(update_fields=["content"])
    verified = issue_after_exam(user=learner, course=basic_course)
    verified.content["identity_verified"] = {
        "service": "itsme",
        "verified_on": "2026-03-02",
        "text": {lang: f"Identity verified ({lang}) <itsme>" for lang in ("nl", "fr", "de", "en")},
    }
    verified.content["competences"] = []
    verified.save(update_fields=["content"])
    expired = issue_after_exam(user=UserFactory(username="old"), course=security_course)
    Certificate.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(days=1))
    erased = issue_after_exam(user=UserFactory(username="gone"), course=security_course)
    certificates_erase_for(user=erased.holder, actor=learner, reason="asked")
    replaced = issue_after_exam(user=UserFactory(username="renamed"), course=security_course)
    newer = issue_after_exam(user=UserFactory(username="renamed2"), course=basic_course)
    Certificate.objects.filter(pk=replaced.pk).update(
        revoked_at=timezone.now(), replaced_by=newer, revocation_reason="name corrected"
    )
    withdrawn = issue_after_exam(user=UserFactory(username="shy"), course=basic_course)
    services.certificate_sharing_set(certificate=withdrawn, holder=withdrawn.holder, sharing=False)
    made = [odd_certificate, young, verified, expired, erased, replaced, newer, withdrawn]
    assert None not in made
    return {
        certificate: ['data-status="valid"', "Lotte Peeters"],
        odd_certificate: ["Zoë &lt;b&gt;&quot;&amp;&#x27; certificatesframestandin0x"],
        young: ["young learner"],
        verified: ["Identity verified (LANG) &lt;itsme&gt;", 'data-identity-verified="itsme"'],
        expired: ['data-status="expired"'],
        erased: ['data-status="revoked"', "data-revoked-because"],
        replaced: ['data-status="replaced"', newer.display_code],
        withdrawn: ['data-status="withdrawn"'],
    }


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_every_shape_of_verdict_is_the_templates_in_every_language(
    client, settings, certificate, security_course, basic_course, learner, language
):
    settings.CERTIFICATES_VERIFY_RATE = "1000/60"  # 32 checks from one address
    shapes = _shapes(certificate, security_course, basic_course, learner)
    for _ in range(2):  # the first time renders each shape, the second fills it
        for found, shows in shapes.items():
            url = f"/{language}/verify/?code={found.display_code}"
            fast, full = _both(client, url)
            assert _normalise(fast.content) == _normalise(full.content), found.holder_name
            page = fast.content.decode()
            for text in shows:
                if "young learner" in text and language != "en":
                    continue
                assert text.replace("LANG", language) in page
            assert frame.STAND_IN not in page.replace("certificatesframestandin0x", "")
    assert 0 < len(frame._contents) <= len(shapes)


def test_a_certificate_of_a_kept_shape_shows_its_own_facts(client, certificate, security_course):
    from certificates.tests.helpers import issue_after_exam
    from lms.tests.factories import UserFactory

    eva = UserFactory(username="eva", first_name="Eva", last_name="Janssens")
    other = issue_after_exam(user=eva, course=security_course)
    first = client.get(f"/en/verify/?code={certificate.display_code}").content.decode()
    kept = dict(frame._contents)
    second = client.get(f"/en/verify/?code={other.display_code}").content.decode()
    assert "Lotte Peeters" in first and "Eva Janssens" not in first
    assert "Eva Janssens" in second and "Lotte Peeters" not in second
    assert other.display_code in second and certificate.display_code not in second
    assert len(kept) == 1 and frame._contents == kept  # the same shape, rendered once


def test_a_filter_that_changes_a_printed_value_leaves_the_part_to_the_template(monkeypatch):
    from django.template import Context, Template
    from django.utils import translation

    template = Template("<p>{{ verdict.certificate.holder|upper }} {{ csrf_token }}</p>")

    def render(context):
        return template.render(Context(context, autoescape=True))

    monkeypatch.setattr(frame, "_template_render", render)
    context = {"verdict": {"certificate": {"holder": "Lotte <P>"}}, "csrf_token": "t0k"}
    with translation.override("en"):
        assert frame.content_render(context) == "<p>LOTTE &lt;P&gt; t0k</p>"
        assert list(frame._contents.values()) == [None]
        other = {"verdict": {"certificate": {"holder": "Eva"}}, "csrf_token": "t1k"}
        assert frame.content_render(other) == "<p>EVA t1k</p>"


def test_a_value_the_walk_does_not_know_is_rendered_by_the_template(monkeypatch):
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    rendered = []
    monkeypatch.setattr(frame, "_template_render", lambda context: rendered.append(context) or "x")
    context = {"verdict": {"certificate": {"holder": gettext_lazy("Lotte")}}}
    with translation.override("en"):
        assert frame.content_render(context) == "x"
    assert rendered == [context] and frame._contents == {}


def test_shapes_are_kept_per_language_and_bounded(client, certificate, monkeypatch):
    monkeypatch.setattr(frame, "MAX_SHAPES", 2)
    for language in ("nl", "fr"):
        client.get(f"/{language}/verify/?code={certificate.display_code}")
    assert len(frame._contents) == 2
    page = client.get(f"/de/verify/?code={certificate.display_code}").content.decode()
    assert len(frame._contents) == 1 and "Lotte Peeters" in page


def test_a_shape_is_kept_per_language_even_with_nothing_translated_in_it():
    from django.utils import translation

    context = {"form": frame._Rendered("<input name=code>"), "csrf_token": "t0k"}
    with translation.override("nl"):
        dutch = frame.content_render(dict(context))
    with translation.override("en"):
        english = frame.content_render(dict(context))
    assert "Check a certificate" in english and "Check a certificate" not in dutch
    assert "<input name=code>" in dutch and "<input name=code>" in english
