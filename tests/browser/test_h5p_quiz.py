"""The project's H5P quiz library in Chromium at 360 px: answered with the
keyboard and the mouse, it reports its score by xAPI, and it passes axe.

Playback inside the sandboxed player comes with the learning engine; here the
library runs against the small part of H5P core it uses (EventDispatcher,
getPath), so that its own DOM, focus handling and events are tested."""

import base64
import io
import json
import zipfile

import pytest
from playwright.sync_api import expect

from courses.h5p.demo import LIBRARIES, padlock_png, quiz_package
from courses.h5p.demo_content import L10N
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUIZ = LIBRARIES / "H5P.DigiskillsQuiz-1.1"
RUNTIME = """
window.events = [];
window.H5P = {
  getPath: function () { return window.imageUrl; },
  EventDispatcher: function () {},
};
H5P.EventDispatcher.prototype.trigger = function () {};
H5P.EventDispatcher.prototype.triggerXAPI = function (verb) { events.push([verb]); };
H5P.EventDispatcher.prototype.triggerXAPIScored = function (score, max, verb, done, ok) {
  events.push([verb, score, max, done, ok]);
};
"""


def _parameters(language: str) -> dict:
    with zipfile.ZipFile(io.BytesIO(quiz_package(language))) as archive:
        return json.loads(archive.read("content/content.json"))


def _start(page, language: str = "en") -> None:
    image = base64.b64encode(padlock_png()).decode()
    page.set_content(
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Quiz</title></head><body><main><div id=quiz></div></main></body></html>"
    )
    page.add_style_tag(path=str(QUIZ / "quiz.css"))
    page.add_script_tag(content=RUNTIME + f"window.imageUrl = 'data:image/png;base64,{image}';")
    page.add_script_tag(path=str(QUIZ / "quiz.js"))
    page.evaluate(
        """params => {
            window.quiz = new H5P.DigiskillsQuiz(params, 1, {});
            quiz.attach(document.getElementById('quiz'));
        }""",
        _parameters(language),
    )


def test_quiz_answered_to_the_end_reports_its_score(page):
    _start(page)

    page.get_by_label("bike-cloud-table-rain").check()
    page.get_by_role("button", name="Check").click()
    expect(page.locator("[role=status]")).to_contain_text("Correct!")
    page.get_by_role("button", name="Next question").click()
    page.get_by_label("Yes, if it is strong").check()
    page.get_by_role("button", name="Check").click()
    expect(page.locator("[role=status]")).to_contain_text("Not quite.")
    page.get_by_role("button", name="Next question").click()
    page.get_by_label("Two-step verification").check()
    page.get_by_role("button", name="Check").click()
    page.get_by_role("button", name="See my score").click()

    expect(page.locator(".h5p-dsq-result")).to_contain_text("You scored 2 out of 3.")
    events = [event for event in page.evaluate("events") if len(event) > 1]
    assert events == [["answered", 2, 3, True, True], ["completed", 2, 3, True, True]]


def test_quiz_works_with_the_keyboard_alone(page):
    _start(page, "nl")

    page.locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")  # the second answer, the right one
    page.keyboard.press("Enter")  # submits the form: "Controleren"

    expect(page.locator("[role=status]")).to_contain_text("Juist!")
    assert page.evaluate("document.activeElement.textContent") == L10N["nl"]["next"]


def test_quiz_asks_for_an_answer_before_checking(page):
    _start(page, "fr")

    page.get_by_role("button", name="Vérifier").click()

    expect(page.locator("[role=status]")).to_contain_text(L10N["fr"]["chooseFirst"])
    assert page.evaluate("events.filter(e => e.length > 1).length") == 0


def test_quiz_resumes_from_its_saved_state(page):
    _start(page)
    page.get_by_label("bike-cloud-table-rain").check()
    page.get_by_role("button", name="Check").click()
    page.get_by_role("button", name="Next question").click()
    state = page.evaluate("quiz.getCurrentState()")

    page.evaluate(
        """([params, state]) => {
            window.quiz = new H5P.DigiskillsQuiz(params, 1, {previousState: state});
            quiz.attach(document.getElementById('quiz'));
        }""",
        [_parameters("en"), state],
    )

    expect(page.locator("legend")).to_contain_text("Question 2 of 3")
    assert page.evaluate("quiz.getScore()") == 1


def test_quiz_is_accessible_and_fits_a_phone(page):
    _start(page, "de")

    assert page.locator("img.h5p-dsq-image").get_attribute("alt").startswith("Ein Vorhängeschloss")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
