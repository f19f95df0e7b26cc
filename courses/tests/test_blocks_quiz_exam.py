"""The quiz block refuses, on publish, an exam that would not hold: the wrong
kind of bank, no blueprint, or a bank under five times a blueprint cell."""

import pytest
from wagtail.blocks import StructBlockValidationError

from courses.blocks import QuizBlock
from courses.models import DigCompCompetence
from courses.tests.factories import QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _bank(purpose: str, *, per_cell: int = 5):
    bank = QuestionBankFactory(purpose=purpose)
    competence = DigCompCompetence.objects.get(code="4.1")
    for _ in range(per_cell):
        QuestionFactory(bank=bank, competence=competence, difficulty=2)
    return bank


def _value(bank, *, mode="exam", cells=(("4.1", "2", 1),)):
    return QuizBlock().to_python(
        {
            "title": "Final exam",
            "instructions": "",
            "bank": bank.pk,
            "mode": mode,
            "question_count": 5,
            "blueprint": [{"competence": c, "difficulty": d, "count": n} for c, d, n in cells],
            "pass_mark_percent": 75,
        }
    )


def _errors(value) -> set[str]:
    with pytest.raises(StructBlockValidationError) as error:
        QuizBlock().clean(value)
    return set(error.value.block_errors)


def test_an_exam_on_an_exam_bank_five_times_the_blueprint_is_accepted():
    bank = _bank("exam", per_cell=5)
    assert QuizBlock().clean(_value(bank))["mode"] == "exam"


def test_a_blueprint_cell_one_short_of_five_times_is_refused():
    bank = _bank("exam", per_cell=9)
    with pytest.raises(StructBlockValidationError) as error:
        QuizBlock().clean(_value(bank, cells=(("4.1", "2", 2),)))
    message = str(error.value.block_errors["blueprint"].messages[0])
    assert "4.1 / 2: 9 < 10" in message


def test_a_cell_the_bank_does_not_have_is_refused():
    bank = _bank("exam", per_cell=5)
    assert _errors(_value(bank, cells=(("4.1", "2", 1), ("4.2", "3", 1)))) == {"blueprint"}


def test_an_exam_without_a_blueprint_is_refused():
    assert _errors(_value(_bank("exam"), cells=())) == {"blueprint"}


def test_an_exam_on_a_practice_bank_is_refused():
    assert "bank" in _errors(_value(_bank("practice")))


def test_a_practice_quiz_on_an_exam_bank_is_refused():
    assert _errors(_value(_bank("exam"), mode="practice", cells=())) == {"bank"}


def test_a_practice_quiz_on_a_practice_bank_needs_no_blueprint():
    bank = _bank("practice")
    assert QuizBlock().clean(_value(bank, mode="practice", cells=()))["mode"] == "practice"
