"""Questions refuse to be saved in a shape that cannot be graded fairly."""

import pytest
from django.core.exceptions import ValidationError

from courses.content.mockups import mockup_png
from courses.models import Question
from courses.services import image_ensure
from courses.tests.factories import QuestionFactory, choices

pytestmark = pytest.mark.django_db


def errors_of(question) -> dict:
    with pytest.raises(ValidationError) as caught:
        question.full_clean()
    return caught.value.message_dict


def test_a_single_choice_question_with_one_right_answer_is_valid():
    QuestionFactory.build(bank=QuestionFactory().bank).full_clean()


def test_a_question_needs_at_least_two_answers():
    question = QuestionFactory(choices=choices(("Yes", True)))
    assert "choices" in errors_of(question)


def test_a_single_choice_question_with_two_right_answers_is_refused():
    question = QuestionFactory(choices=choices(("A", True), ("B", True), ("C", False)))
    assert "exactly one" in errors_of(question)["choices"][0]


def test_a_multiple_choice_question_needs_a_right_answer():
    question = QuestionFactory(
        kind=Question.Kind.MULTIPLE, choices=choices(("A", False), ("B", False))
    )
    assert "at least one" in errors_of(question)["choices"][0]


def test_a_multiple_choice_question_may_have_several_right_answers():
    QuestionFactory(
        kind=Question.Kind.MULTIPLE, choices=choices(("A", True), ("B", True), ("C", False))
    ).full_clean()


def test_a_true_or_false_question_has_exactly_two_answers():
    question = QuestionFactory(
        kind=Question.Kind.TRUE_FALSE,
        choices=choices(("True", True), ("False", False), ("?", False)),
    )
    assert "exactly two" in errors_of(question)["choices"][0]


def test_a_scenario_question_needs_an_image():
    question = QuestionFactory(kind=Question.Kind.SCENARIO)
    assert "image" in errors_of(question)


def test_an_image_needs_a_description_for_people_who_cannot_see_it():
    image = image_ensure(
        title="Phishing",
        data=mockup_png(spec={"type": "sms", "from": "bpost", "body": "Pay 1.99"}, language="en"),
        filename="p.png",
    )
    question = QuestionFactory(kind=Question.Kind.SCENARIO, image=image, image_alt=" ")
    assert "image_alt" in errors_of(question)
    question.image_alt = "An e-mail asking to pay customs fees through a strange link."
    question.full_clean()
