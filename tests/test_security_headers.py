"""Every platform page carries a Content-Security-Policy without inline
scripts, a Permissions-Policy and a Referrer-Policy; the H5P player origin
keeps its own policy; violation reports are taken in, bounded."""

import json
import logging

import pytest
from django.core.cache import cache

from lms.models import Enrolment
from lms.services import enrolment_create
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PLAYER = "http://player.testserver"


def _directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def journeys(home_page, settings, tmp_path):
    """The main journeys' pages, for a learner enrolled in a course with an H5P
    exercise, and staff for the admin sites."""
    from courses.puzzles.demo import seed
    from lms.tests.h5p import add_h5p_block

    seed()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.H5P_PLAYER_ORIGIN = PLAYER
    tree = course_tree(home_page)
    h5p = add_h5p_block(tree)
    learner = UserFactory(preferred_language="en")
    enrolment_create(learner=learner, course=tree.course, source=Enrolment.Source.SELF)
    staff = UserFactory(is_staff=True, is_superuser=True)
    return {"tree": tree, "h5p_lesson": h5p.lesson, "learner": learner, "staff": staff}


def _platform_urls(journeys) -> list[tuple[str, str | None]]:
    tree = journeys["tree"]
    return [
        ("/en/", None),
        (tree.course.url, None),
        (tree.lessons[0].url, "learner"),
        (journeys["h5p_lesson"].url, "learner"),
        (tree.exam_lesson.url, "learner"),
        ("/en/puzzles/", None),
        ("/en/puzzles/1/", None),
        ("/en/learning/", "learner"),
        ("/en/me/", "learner"),
        ("/en/me/certificates/", "learner"),
        ("/en/verify/", None),
        ("/en/accounts/login/", None),
        ("/en/accounts/signup/", None),
        ("/en/no-such-page/", None),
        ("/cms/", "staff"),
        ("/cms/pages/", "staff"),
        (f"/cms/pages/{tree.lessons[0].pk}/edit/", "staff"),
        ("/cms/images/", "staff"),
        ("/django-admin/", "staff"),
        ("/django-admin/login/", None),
        ("/healthz", None),
    ]


def test_every_page_of_the_main_journeys_has_the_policies(client, journeys):
    seen = []
    for url, who in _platform_urls(journeys):
        client.logout()
        if who:
            client.force_login(journeys[who])
        response = client.get(url)
        assert response.status_code in (200, 302, 404), (url, response.status_code)
        csp = response.get("Content-Security-Policy")
        assert csp, url
        directives = _directives(csp)
        assert directives["default-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"], url
        assert directives["frame-ancestors"] == ["'self'"], url
        assert directives["base-uri"] == ["'self'"], url
        assert directives["form-action"][0] == "'self'", url
        assert directives["report-uri"] == ["/csp-report"], url
        assert PLAYER in directives["frame-src"], url
        if not url.startswith("/cms/"):
            assert "'unsafe-inline'" not in directives["script-src"], url
            assert "'unsafe-eval'" not in directives["script-src"], url
        policy = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in policy, url
        assert f'fullscreen=(self "{PLAYER}")' in policy, url
        assert response["Referrer-Policy"] == "same-origin", url
        seen.append(url)
    assert len(seen) == len(_platform_urls(journeys))


def test_the_h5p_lesson_frames_the_player_allowed_by_the_policy(client, journeys):
    client.force_login(journeys["learner"])
    response = client.get(journeys["h5p_lesson"].url)
    assert f'src="{PLAYER}/h5p/play/' in response.content.decode()
    assert PLAYER in _directives(response["Content-Security-Policy"])["frame-src"]


def test_no_inline_style_on_platform_pages_but_blocklys(client, journeys):
    lesson = client.get(journeys["tree"].lessons[0].url)
    assert "'unsafe-inline'" not in _directives(lesson["Content-Security-Policy"])["style-src"]
    puzzle = client.get("/en/puzzles/1/")
    styles = _directives(puzzle["Content-Security-Policy"])["style-src"]
    assert "'unsafe-inline'" in styles
    assert "'unsafe-inline'" not in _directives(puzzle["Content-Security-Policy"])["script-src"]


def test_the_player_origin_keeps_its_own_policy(client, settings):
    from courses.h5p.origin import player_csp

    settings.H5P_PLAYER_ORIGIN = PLAYER
    response = client.get("/h5p/play/nothing/", HTTP_HOST="player.testserver")
    assert response["Content-Security-Policy"] == player_csp()
    assert response["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in response["Permissions-Policy"]


def test_sign_in_providers_are_form_targets(client, home_page, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {"provider_id": "itsme", "settings": {"server_url": "https://idp.itsme.be/v1"}}
            ]
        }
    }
    response = client.get("/en/accounts/login/")
    form_action = _directives(response["Content-Security-Policy"])["form-action"]
    assert form_action == ["'self'", "https://idp.itsme.be"]


# --- violation reports -----------------------------------------------------------

REPORT = {
    "csp-report": {
        "document-uri": "https://digiskills.example.be/en/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "source-file": "https://digiskills.example.be/en/",
        "line-number": 12,
        "script-sample": "alert(document.cookie)" * 50,
    }
}


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def test_a_report_is_logged_in_short(client, caplog):
    with caplog.at_level(logging.WARNING, logger="digiskills.csp"):
        response = client.post(
            "/csp-report", json.dumps(REPORT), content_type="application/csp-report"
        )
    assert response.status_code == 204
    [record] = caplog.records
    logged = json.loads(record.getMessage().split(" ", 2)[2])
    assert logged["blocked-uri"] == "inline"
    assert logged["line-number"] == "12"
    assert "script-sample" not in logged


def test_reports_of_the_reporting_api_are_read(client, caplog):
    body = [{"type": "csp-violation", "body": {"blockedURL": "https://evil.example/x.js"}}]
    with caplog.at_level(logging.WARNING, logger="digiskills.csp"):
        response = client.post(
            "/csp-report", json.dumps(body), content_type="application/reports+json"
        )
    assert response.status_code == 204
    assert "evil.example" in caplog.records[0].getMessage()


@pytest.mark.parametrize(
    "body", [b"not json", b"\xff\xfe", b"[1, 2, 3]", b'{"csp-report": 5}', b"null", b"{}"]
)
def test_junk_is_answered_quietly(client, body):
    response = client.post("/csp-report", body, content_type="application/csp-report")
    assert response.status_code == 204


def test_an_empty_post_is_refused_without_an_error(client):
    assert client.post("/csp-report").status_code == 415


def test_a_large_report_is_refused_unread(client):
    body = json.dumps({"csp-report": {"blocked-uri": "x" * 20_000}})
    response = client.post("/csp-report", body, content_type="application/csp-report")
    assert response.status_code == 413


def test_other_content_types_and_methods_are_refused(client):
    assert client.post("/csp-report", "a=b", content_type="text/plain").status_code == 415
    assert client.get("/csp-report").status_code == 405


def test_reports_are_rate_limited_per_client(client, settings):
    settings.SECURITY_CSP_REPORT_RATE = "3/60"
    codes = [
        client.post(
            "/csp-report", json.dumps(REPORT), content_type="application/csp-report"
        ).status_code
        for _ in range(5)
    ]
    assert codes == [204, 204, 204, 429, 429]


def test_the_pdf_check_page_may_frame_the_dropped_file_and_others_may_not(client, home_page):
    pdf_page = client.get("/en/verify/pdf/")
    assert "blob:" in _directives(pdf_page["Content-Security-Policy"])["frame-src"]
    verify = client.get("/en/verify/")
    assert "blob:" not in _directives(verify["Content-Security-Policy"])["frame-src"]


# --- the policy kept per process ---------------------------------------------------


def _middleware_pair():
    """The platform's middleware and django-csp's own process_response over the
    same policy parts: what the platform keeps must be what django-csp builds."""
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    from config.security import PlatformCSPMiddleware

    class Built(PlatformCSPMiddleware):
        process_response = CSPMiddleware.process_response

    return PlatformCSPMiddleware(lambda request: HttpResponse()), Built(
        lambda request: HttpResponse()
    )


def _answer(middleware, path, *, nonce=False, response=None):
    from django.http import HttpResponse
    from django.test import RequestFactory

    request = RequestFactory().get(path)
    middleware.process_request(request)
    used = str(request.csp_nonce) if nonce else None
    answered = middleware.process_response(request, response or HttpResponse())
    return request, answered, used


@pytest.mark.parametrize("path", ["/en/", "/en/verify/", "/cms/pages/", "/nl/puzzles/1/"])
def test_a_kept_policy_is_the_one_django_csp_builds(path, settings):
    settings.H5P_PLAYER_ORIGIN = PLAYER
    kept, built = _middleware_pair()
    expected = _answer(built, path)[1]["Content-Security-Policy"]
    for _ in range(3):  # built once, then kept
        assert _directives(_answer(kept, path)[1]["Content-Security-Policy"]) == _directives(
            expected
        )
    assert ("'unsafe-inline'" in _directives(expected)["script-src"]) == path.startswith("/cms/")


def test_the_admin_and_the_platform_keep_their_own_policies(settings):
    settings.H5P_PLAYER_ORIGIN = PLAYER  # a fresh start: nothing kept yet
    kept, _ = _middleware_pair()
    for _ in range(2):  # built, then kept, one after the other
        for path, inline in (("/en/", False), ("/cms/", True), ("/en/verify/", False)):
            policy = _directives(_answer(kept, path)[1]["Content-Security-Policy"])
            assert ("'unsafe-inline'" in policy["script-src"]) is inline, path


def test_a_nonce_is_never_kept_and_each_page_gets_its_own(settings):
    kept, _ = _middleware_pair()
    _answer(kept, "/en/")  # a policy without a nonce is kept
    nonces = []
    for _ in range(2):
        _, response, nonce = _answer(kept, "/en/", nonce=True)
        assert f"'nonce-{nonce}'" in _directives(response["Content-Security-Policy"])["script-src"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    assert "nonce-" not in _answer(kept, "/en/")[1]["Content-Security-Policy"]


def test_a_nonce_asked_for_after_a_kept_header_is_an_error(settings):
    from csp.exceptions import CSPNonceError

    kept, _ = _middleware_pair()
    _answer(kept, "/en/")
    request, _, _ = _answer(kept, "/en/")
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_a_response_with_its_own_policy_keeps_it(settings):
    from django.http import HttpResponse

    kept, _ = _middleware_pair()
    _answer(kept, "/en/verify/")
    own = HttpResponse()
    own._csp_update = {"frame-src": ["blob:"]}
    assert (
        "blob:"
        in _directives(_answer(kept, "/en/verify/", response=own)[1]["Content-Security-Policy"])[
            "frame-src"
        ]
    )
    exempt = HttpResponse()
    exempt._csp_exempt = True
    assert "Content-Security-Policy" not in _answer(kept, "/en/verify/", response=exempt)[1]
    assert (
        "blob:"
        not in _directives(_answer(kept, "/en/verify/")[1]["Content-Security-Policy"])["frame-src"]
    )


def test_a_changed_setting_changes_the_kept_policies(settings):
    kept, _ = _middleware_pair()
    settings.H5P_PLAYER_ORIGIN = PLAYER
    assert PLAYER in _directives(_answer(kept, "/en/")[1]["Content-Security-Policy"])["frame-src"]
    from config.security import permissions_policy

    assert f'"{PLAYER}"' in permissions_policy()
    settings.H5P_PLAYER_ORIGIN = "http://other.testserver"
    frames = _directives(_answer(kept, "/en/")[1]["Content-Security-Policy"])["frame-src"]
    assert PLAYER not in frames and "http://other.testserver" in frames
    assert '"http://other.testserver"' in permissions_policy()
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    report_only = _answer(kept, "/en/")[1]["Content-Security-Policy-Report-Only"]
    assert _directives(report_only)["default-src"] == ["'none'"]
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "EXCLUDE_URL_PREFIXES": ["/en/excluded/"],
    }
    assert "Content-Security-Policy" not in _answer(kept, "/en/excluded/page/")[1]
    assert "Content-Security-Policy" in _answer(kept, "/en/")[1]
