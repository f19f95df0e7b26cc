"""A learner on a phone takes a quiz with the keyboard only; the lesson, quiz
and dashboard pages pass axe."""

import pytest
from playwright.sync_api import expect

from lms.models import Attempt
from lms.services import enrolment_create
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FOCUSED = (
    "() => { const e = document.activeElement;"
    " return [e.tagName, e.type || '', (e.innerText || '').trim()]; }"
)


@pytest.fixture
def signed_in(page, home_page, live_server):
    tree = course_tree(home_page)
    learner = UserFactory(preferred_language="en")
    enrolment_create(learner=learner, course=tree.course, source="self")
    sign_in(page, learner, live_server)
    return tree


def _tab_to(page, predicate, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        tag, kind, text = page.evaluate(FOCUSED)
        if predicate(tag, kind, text):
            return tag, kind, text
    raise AssertionError("the keyboard never reached the element")


def test_a_learner_takes_a_quiz_with_the_keyboard_only(page, signed_in):
    tree = signed_in
    page.goto(tree.practice_lesson.url)
    _tab_to(page, lambda tag, kind, text: tag == "BUTTON" and text == "Start the quiz")
    page.keyboard.press("Enter")
    page.wait_for_url("**/learning/attempts/**")
    assert_no_horizontal_scroll(page)

    answered = 0
    while True:
        tag, kind, text = _tab_to(
            page,
            lambda tag, kind, text: (
                kind == "radio" or (tag == "BUTTON" and text == "Check my answers")
            ),
        )
        if kind != "radio":
            break
        # The first choice of each fixture question is the right one; Tab lands on it.
        page.keyboard.press("Space")
        answered += 1
    assert answered == 3
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "100%" in page.locator("main").inner_text()
    attempt = Attempt.objects.get()
    assert attempt.passed and attempt.score == 3


def test_the_lesson_page_is_accessible(page, signed_in):
    page.goto(signed_in.practice_lesson.url)
    expect(page.get_by_role("button", name="Mark as done")).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_quiz_and_result_pages_are_accessible(page, signed_in):
    page.goto(signed_in.exam_lesson.url)
    page.get_by_role("button", name="Start the exam").click()
    page.wait_for_url("**/learning/attempts/**")
    assert page.locator("fieldset").count() == 4
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("button", name="Hand in the exam").click()
    page.wait_for_load_state()
    assert "Your result" in page.locator("main").inner_text()
    assert_accessible(page)


def test_exam_answers_are_saved_as_the_learner_goes(page, signed_in):
    page.goto(signed_in.exam_lesson.url)
    page.get_by_role("button", name="Start the exam").click()
    page.wait_for_url("**/learning/attempts/**")
    with page.expect_response("**/save/"):
        page.locator("input[type=radio]").first.check()
    attempt = Attempt.objects.get()
    assert len(attempt.answers) == 1
    # A lost connection: the learner comes back and finds the answer again.
    page.reload()
    assert page.locator("input[type=radio]").first.is_checked()


def test_the_dashboard_is_accessible(page, signed_in):
    page.goto("/en/learning/")
    assert page.locator("h1").inner_text() == "My learning"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
