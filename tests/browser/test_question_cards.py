"""A quiz on a 360 px phone: a question that runs over several lines sits
inside its card, never crossed by the card's border, and "Choose every
correct answer" is said once per question."""

import pytest

from courses.models import Question
from lms.services import enrolment_create
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LONG = (
    "A message says your parcel could not be delivered and asks you to pay two euros "
    "through a link before midnight, or the parcel goes back to the sender. What do you do? "
    "Choose every correct answer."
)

BOXES = """() => [...document.querySelectorAll('fieldset.question')].map(f => {
    const box = f.getBoundingClientRect(), style = getComputedStyle(f);
    const legend = f.querySelector('legend').getBoundingClientRect();
    return {top: box.top + parseFloat(style.borderTopWidth), left: box.left, right: box.right,
            legendTop: legend.top, legendLeft: legend.left, legendRight: legend.right,
            legendHeight: legend.height, lineHeight: parseFloat(getComputedStyle(
                f.querySelector('legend')).lineHeight)};
})"""


def test_a_long_question_stays_inside_its_card_and_the_hint_is_said_once(
    page, home_page, live_server
):
    tree = course_tree(home_page)
    Question.objects.filter(bank__title__endswith="practice").update(
        kind=Question.Kind.MULTIPLE, prompt=LONG
    )
    learner = UserFactory(preferred_language="en")
    enrolment_create(learner=learner, course=tree.course, source="self")
    sign_in(page, learner, live_server)

    page.goto(tree.practice_lesson.url)
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url("**/learning/attempts/**")
    boxes = page.evaluate(BOXES)
    assert len(boxes) == 3
    for box in boxes:
        assert box["legendHeight"] > 2 * box["lineHeight"]  # more than two lines
        # Below the top border, not drawn across it; within the sides.
        assert box["legendTop"] > box["top"]
        assert box["left"] < box["legendLeft"] and box["legendRight"] < box["right"]
    assert page.get_by_text("Choose every correct answer.").count() == 3
    for legend in page.locator("fieldset.question legend").all():
        assert "Choose every correct answer" not in legend.inner_text()
        assert legend.inner_text().endswith("What do you do?")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
