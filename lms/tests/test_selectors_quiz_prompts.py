""" "Choose every correct answer" is said once: the attempt page shows it under
every multiple-answer question, so a prompt that ends with it loses it."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from lms.selectors.quizzes import MULTIPLE_INSTRUCTIONS, prompt_without_instruction

BANKS = Path(settings.BASE_DIR) / "courses" / "content" / "banks"


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        (
            "Which signs point to phishing? Choose every correct answer.",
            "Which signs point to phishing?",
        ),
        ("Welke tekens? Kies alles wat klopt.", "Welke tekens?"),
        ("Quels signes ? Choisissez toutes les bonnes réponses", "Quels signes ?"),
        ("Welche Anzeichen? Wählen Sie alle zutreffenden.  ", "Welche Anzeichen?"),
        ("Which signs point to phishing?", "Which signs point to phishing?"),
    ],
)
def test_a_multiple_answer_prompt_loses_its_trailing_instruction(prompt, expected):
    assert prompt_without_instruction(prompt, multiple=True) == expected


def test_a_single_answer_prompt_is_left_alone():
    prompt = "Is this safe? Choose every correct answer."
    assert prompt_without_instruction(prompt, multiple=False) == prompt


def test_a_prompt_that_is_only_the_instruction_is_kept():
    assert prompt_without_instruction("Choose all that apply.", multiple=True) == (
        "Choose all that apply."
    )


def _multiple_prompts():
    for path in sorted(BANKS.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        questions = data.get("questions", []) if isinstance(data, dict) else data or []
        for question in questions:
            if isinstance(question, dict) and question.get("kind") == "multiple":
                yield from (question.get("prompt") or {}).values()


def test_no_multiple_answer_question_of_the_courses_repeats_the_instruction():
    prompts = list(_multiple_prompts())
    assert len(prompts) > 100  # the banks were read
    repeated = [
        prompt
        for prompt in prompts
        if any(
            phrase in prompt_without_instruction(prompt, multiple=True)
            for phrase in MULTIPLE_INSTRUCTIONS
        )
    ]
    assert repeated == []
