"""An H5P exercise in a lesson, played in Chromium at 360 px from the player
origin: the live server answers as http://localhost:<port> (the platform) and
as http://127.0.0.1:<port> (the player), two origins and two sites. The frame
is sandboxed without allow-same-origin: it reads neither the platform's
cookies nor its DOM; its results reach the platform by postMessage only."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from lms.models import ActivityState, Attempt
from lms.services import enrolment_create
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from lms.tests.h5p import add_h5p_block
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def lesson(page, home_page, live_server, settings, tmp_path):
    port = urlsplit(live_server.url).port
    settings.SITE_URL = f"http://localhost:{port}"
    settings.H5P_PLAYER_ORIGIN = f"http://127.0.0.1:{port}"
    settings.MEDIA_ROOT = tmp_path / "media"
    setup = add_h5p_block(course_tree(home_page))
    learner = UserFactory(preferred_language="en")
    enrolment_create(learner=learner, course=setup.tree.course, source="self")
    sign_in(page, learner, live_server, url=f"http://localhost:{port}")
    page.csp_errors = []
    page.on("pageerror", lambda error: page.csp_errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            page.csp_errors.append(message.text)
            if "Content Security Policy" in message.text or "Uncaught" in message.text
            else None
        ),
    )
    page.goto(f"http://localhost:{port}{setup.lesson.url}")
    return setup


def _player(page):
    return next(f for f in page.frames if f.url.startswith(settings.H5P_PLAYER_ORIGIN))


def _answer_all(frame):
    frame.get_by_label("bike-cloud-table-rain").check()
    frame.get_by_role("button", name="Check").click()
    frame.get_by_role("button", name="Next question").click()
    frame.get_by_label("Yes, if it is strong").check()
    frame.get_by_role("button", name="Check").click()
    frame.get_by_role("button", name="Next question").click()
    frame.get_by_label("Two-step verification").check()
    frame.get_by_role("button", name="Check").click()
    frame.get_by_role("button", name="See my score").click()


def test_the_exercise_plays_from_the_player_origin_and_its_score_counts(page, lesson):
    frame = page.frame_locator("iframe.activity__player")

    _answer_all(frame)

    result = page.locator(f"#activity-{lesson.key}-result")
    result.get_by_text("Your result is saved: 67% (passed).").wait_for()
    attempt = Attempt.objects.get()
    assert (attempt.source, attempt.score, attempt.max_score) == ("h5p", 2, 3)
    assert _player(page).url.startswith(settings.H5P_PLAYER_ORIGIN + "/h5p/play/")
    assert page.csp_errors == []

    page.goto("/en/learning/")
    assert "Practise: strong passwords: 67%" in " ".join(page.locator("main").inner_text().split())


def test_the_frame_reads_neither_the_platforms_cookies_nor_its_dom(page, lesson):
    frame = page.frame_locator("iframe.activity__player")
    frame.get_by_role("button", name="Check").wait_for()
    player = _player(page)

    cookie = player.evaluate(
        "() => { try { return document.cookie; } catch (e) { return 'refused: ' + e.name; } }"
    )
    parent_dom = player.evaluate(
        "() => { try { return parent.document.title; } catch (e) { return 'refused: ' + e.name; } }"
    )
    origin = player.evaluate("() => self.origin")

    assert cookie in ("", "refused: SecurityError")
    assert parent_dom == "refused: SecurityError"
    assert origin == "null"  # sandboxed without allow-same-origin: an opaque origin
    assert page.evaluate("document.cookie") != ""  # the platform does have cookies
    attributes = page.locator("iframe.activity__player")
    assert attributes.get_attribute("sandbox") == "allow-scripts allow-forms"


def test_a_message_from_elsewhere_is_ignored(page, lesson):
    page.frame_locator("iframe.activity__player").get_by_role("button", name="Check").wait_for()

    # The lesson page's own window, not the player frame, posts a forged result.
    page.evaluate(
        """() => window.postMessage({source: 'digiskills-h5p', type: 'statement', resultId: 'x',
             statement: {verb: {id: 'http://adlnet.gov/expapi/verbs/completed'},
                         result: {score: {raw: 3, max: 3}}}}, '*')"""
    )
    page.wait_for_timeout(500)

    assert not Attempt.objects.exists()


def test_the_exercise_resumes_where_the_learner_left_it(page, lesson):
    frame = page.frame_locator("iframe.activity__player")
    frame.get_by_label("bike-cloud-table-rain").check()
    frame.get_by_role("button", name="Check").click()
    frame.get_by_role("button", name="Next question").click()
    for _ in range(50):
        state = ActivityState.objects.first()
        if state and '"index":1' in state.state:
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the state never reached the platform")

    page.reload()

    frame = page.frame_locator("iframe.activity__player")
    frame.get_by_text("Question 2 of 3").wait_for()


def test_the_lesson_with_its_exercise_is_accessible_and_fits_a_phone(page, lesson):
    frame = page.frame_locator("iframe.activity__player")
    frame.get_by_role("button", name="Check").wait_for()
    # The player sent its height: the frame is sized to its content.
    page.wait_for_function(
        "() => document.querySelector('iframe.activity__player').style.height !== ''"
    )

    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    title = page.locator("iframe.activity__player").get_attribute("title")
    assert title == "Interactive exercise: Strong passwords"


def test_the_exercise_is_reached_with_the_keyboard(page, lesson):
    page.frame_locator("iframe.activity__player").get_by_role("button", name="Check").wait_for()
    player = _player(page)

    for _ in range(80):
        page.keyboard.press("Tab")
        focused = player.evaluate("() => document.activeElement && document.activeElement.type")
        if focused == "radio":
            break
    else:
        raise AssertionError("the keyboard never reached the exercise")
    page.keyboard.press("ArrowDown")  # the second answer, the right one
    page.keyboard.press("Enter")

    expect(player.locator("[role=status]")).to_contain_text("Correct!")


def _player_bytes(page, url: str) -> dict[str, int]:
    """What the player frame's code costs on the wire when `url` is opened:
    bytes received (headers and body as sent) per script, style sheet and font."""
    received: dict[str, int] = {}

    def count(request):
        path = urlsplit(request.url).path
        if request.url.startswith(settings.H5P_PLAYER_ORIGIN) and path.startswith(
            ("/h5p/assets/", "/h5p/libraries/")
        ):
            sizes = request.sizes()
            received[path] = sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.on("requestfinished", count)
    page.goto(url)
    page.frame_locator("iframe.activity__player").get_by_role("button", name="Check").wait_for()
    page.wait_for_timeout(500)
    page.remove_listener("requestfinished", count)
    return received


def test_the_players_code_arrives_compressed(page, lesson):
    # The fixture's tab has played the lesson once: a new browser profile with
    # the same sign-in starts from an empty cache.
    context = page.context.browser.new_context(viewport={"width": 360, "height": 740})
    context.add_cookies(page.context.cookies())
    fresh = context.new_page()
    try:
        first = _player_bytes(fresh, page.url)
        second = _player_bytes(fresh, page.url)
    finally:
        context.close()

    core = next(path for path in first if path.endswith("/frame.bundle.js"))
    print(f"\nplayer code, first visit: {sum(first.values())} bytes {first}")
    # Chromium keeps nothing in its cache for a frame of an opaque origin
    # (sandbox without allow-same-origin): the second visit is printed, not
    # asserted; a proxy or CDN still keeps the immutable files.
    print(f"player code, second visit: {sum(second.values())} bytes {second}")
    # H5P core (144 KB as a file) arrives gzip-compressed, under 60 KB; the
    # whole of the player's code (about 200 KB as files) under 80 KB.
    assert first[core] < 60_000
    assert sum(first.values()) < 80_000
