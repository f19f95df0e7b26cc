"""The H5P player origin: one activity per signed token, a strict CSP, no
cookies, only the activity's own media and installed library files."""

import json
import re
import time

import pytest
from django.core import signing

from courses.h5p import tokens as player
from lms.services.h5p import h5p_state_save

pytestmark = pytest.mark.django_db

PLAYER = {"HTTP_HOST": "player.testserver"}


def _get(client, path, **extra):
    return client.get(path, **PLAYER, **extra)


def _integration(response) -> dict:
    match = re.search(
        r'<script id="h5p-integration" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    return json.loads(match.group(1))


def test_player_page_plays_the_activity_the_token_names(client, h5p, learner):
    response = _get(client, f"/h5p/play/{h5p.token(learner)}/")

    assert response.status_code == 200
    contents = _integration(response)["contents"]
    entry = contents["cid-1"]
    assert entry["library"] == "H5P.DigiskillsQuiz 1.1"
    assert json.loads(entry["jsonContent"])["questions"][0]["answers"]
    library = (
        f"/h5p/libraries/H5P.DigiskillsQuiz-1.1.0@{h5p.content.main_library.checksum[:16]}/quiz.js"
    )
    assert entry["scripts"] == [library]
    html = response.content.decode()
    assert re.search(r'<script src="/h5p/assets/v[0-9a-f]{16}/frame\.bundle\.js"></script>', html)
    assert f'<script src="{library}"></script>' in html


def test_player_page_has_a_strict_content_security_policy(client, h5p, learner):
    response = _get(client, f"/h5p/play/{h5p.token(learner)}/")

    policy = dict(
        item.strip().split(" ", 1) for item in response["Content-Security-Policy"].split(";")
    )
    assert policy == {
        "default-src": "'none'",
        "script-src": "'self' 'unsafe-eval'",
        "style-src": "'self'",
        "style-src-attr": "'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "media-src": "'self' data: blob: https:",
        "font-src": "'self' data:",
        "connect-src": "'none'",
        "frame-ancestors": "http://testserver",
        "form-action": "'none'",
        "base-uri": "'none'",
    }
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "no-store"
    # Nothing inline that the policy would have to allow.
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*(src=|application/json))", html)
    assert " style=" not in html


def test_player_origin_never_sets_or_reads_a_cookie(client, h5p, learner):
    client.force_login(learner)  # the browser holds a platform session cookie

    response = _get(client, f"/h5p/play/{h5p.token(learner)}/")

    assert response.status_code == 200
    assert "Set-Cookie" not in response
    assert not response.cookies
    assert "csrftoken" not in response.content.decode()


def test_player_origin_refuses_other_methods(client, h5p, learner):
    response = client.post(f"/h5p/play/{h5p.token(learner)}/", **PLAYER)

    assert response.status_code == 405
    assert "Set-Cookie" not in response


def test_player_origin_serves_nothing_of_the_platform(client, h5p, learner):
    for path in ("/en/", "/en/learning/", "/cms/", "/healthz", "/django-admin/"):
        response = _get(client, path)
        assert response.status_code == 404, path
        assert "Content-Security-Policy" in response


def test_platform_origin_serves_no_player_page(client, h5p, learner):
    response = client.get(f"/h5p/play/{h5p.token(learner)}/")

    assert response.status_code == 404


def test_expired_token_is_refused(client, h5p, learner, monkeypatch):
    token = h5p.token(learner)
    later = time.time() + player.PAGE_MAX_AGE + 1
    monkeypatch.setattr(signing.time, "time", lambda: later)

    response = _get(client, f"/h5p/play/{token}/")

    assert response.status_code == 403
    assert "expired" in response.content.decode()


def test_forged_token_is_refused(client, h5p, learner):
    forged = signing.dumps(
        {"u": learner.pk, "l": h5p.lesson.pk, "a": h5p.key, "c": str(h5p.content.uuid), "s": "x"},
        key="not-the-secret-key",
        salt=player.SALT,
    )

    assert _get(client, f"/h5p/play/{forged}/").status_code == 403


def test_altered_token_is_refused(client, h5p, learner):
    token = h5p.token(learner)
    altered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")

    assert _get(client, f"/h5p/play/{altered}/").status_code == 403


def test_token_signed_for_another_purpose_is_refused(client, h5p, learner):
    other = signing.dumps(
        {"u": learner.pk, "l": h5p.lesson.pk, "a": h5p.key, "c": str(h5p.content.uuid), "s": "x"}
    )

    assert _get(client, f"/h5p/play/{other}/").status_code == 403


def test_media_of_the_activity_are_served_with_their_type(client, h5p, learner):
    response = _get(client, f"/h5p/play/{h5p.token(learner)}/content/images/padlock.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "../content.json",
        "images/../../../../settings.py",
        "%2e%2e/%2e%2e/h5p.json",
        "images/padlock.png/",
        "/etc/passwd",
        "images\\padlock.png",
        "content.json",
    ],
)
def test_media_outside_the_declared_files_are_not_found(client, h5p, learner, path):
    response = _get(client, f"/h5p/play/{h5p.token(learner)}/content/{path}")

    assert response.status_code == 404


def test_media_need_a_valid_token(client, h5p, learner):
    response = _get(client, "/h5p/play/not-a-token/content/images/padlock.png")

    assert response.status_code == 403


def test_library_files_are_served_by_their_installed_name(client, h5p):
    response = _get(client, "/h5p/libraries/H5P.DigiskillsQuiz-1.1.0/quiz.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert b"H5P.DigiskillsQuiz" in response.content


@pytest.mark.parametrize(
    "path",
    [
        "H5P.DigiskillsQuiz-1.1.0/../H5P.DigiskillsQuiz-1.1.0/quiz.js",
        "H5P.DigiskillsQuiz-1.1.0/missing.js",
        "H5P.DigiskillsQuiz-1.1.9/quiz.js",
        "H5P.DigiskillsQuiz-1.1/quiz.js",
        "..%2F..%2Fsettings/quiz.js",
        "H5P.DigiskillsQuiz-1.1.0/%2e%2e/%2e%2e/%2e%2e/config/settings/base.py",
    ],
)
def test_library_traversal_is_not_found(client, h5p, path):
    assert _get(client, f"/h5p/libraries/{path}").status_code == 404


def test_core_assets_are_served_from_the_player_origin(client, h5p):
    script = _get(client, "/h5p/assets/frame.bundle.js")
    bridge = _get(client, "/h5p/assets/player/bridge.js")

    assert script.status_code == bridge.status_code == 200
    assert script["Content-Type"] == "text/javascript; charset=utf-8"
    assert b"postMessage(message, target)" in bridge.content


@pytest.mark.parametrize(
    "path",
    [
        "../../../manage.py",
        "player/../../courses/h5p/views.py",
        "player/../lesson.js",
        "lesson.js",
        "styles/x.py",
    ],
)
def test_assets_outside_the_fixed_set_are_not_found(client, h5p, path):
    assert _get(client, f"/h5p/assets/{path}").status_code == 404


def test_saved_state_is_given_to_the_player(client, h5p, learner, enrolment):
    state = json.dumps({"answers": [1, None, None], "checked": [True, False, False], "index": 1})
    h5p_state_save(
        enrolment=enrolment,
        lesson=h5p.lesson,
        activity_key=h5p.key,
        content_uuid=h5p.content.uuid,
        state=state,
    )

    response = _get(client, f"/h5p/play/{h5p.token(learner)}/")

    entry = _integration(response)["contents"]["cid-1"]
    assert entry["contentUserData"] == [{"state": state}]


def test_another_learners_state_is_not_given(client, h5p, learner, enrolment):
    from lms.models import Enrolment
    from lms.services import enrolment_create
    from lms.tests.factories import UserFactory

    other = UserFactory()
    theirs = enrolment_create(learner=other, course=h5p.tree.course, source=Enrolment.Source.SELF)
    h5p_state_save(
        enrolment=theirs,
        lesson=h5p.lesson,
        activity_key=h5p.key,
        content_uuid=h5p.content.uuid,
        state='{"index": 2}',
    )

    response = _get(client, f"/h5p/play/{h5p.token(learner)}/")

    assert "contentUserData" not in _integration(response)["contents"]["cid-1"]


def test_the_player_page_takes_four_queries(
    client, h5p, learner, enrolment, django_assert_num_queries
):
    """The activity, its libraries (read once, for the approval check and the
    load order), the lesson and the saved state: however many libraries."""
    token = h5p.token(learner)
    client.get(f"/h5p/play/{token}/", HTTP_HOST="player.testserver")

    with django_assert_num_queries(4):
        response = client.get(f"/h5p/play/{token}/", HTTP_HOST="player.testserver")

    assert response.status_code == 200
