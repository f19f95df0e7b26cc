"""What an attempt page shows: the drawn questions, in the reader's language,
with feedback only once the attempt is closed."""

from dataclasses import dataclass, field

from courses import selectors as content
from courses.models import Question
from lms.models import Attempt

# Multiple-answer prompts in the course files often end with the instruction
# the attempt page already shows under every such question ("Choose every
# correct answer."): it is dropped from the prompt, so that it is said once.
MULTIPLE_INSTRUCTIONS = (
    "Choose every correct answer",
    "Choose all that apply",
    "Kies alle juiste antwoorden",
    "Kies alles wat klopt",
    "Choisissez toutes les bonnes réponses",
    "Wählen Sie alle richtigen Antworten",
    "Wählen Sie alle zutreffenden",
)


def prompt_without_instruction(prompt: str, *, multiple: bool) -> str:
    """The prompt without a trailing "choose every correct answer" (in any of
    the four languages) when the page says it anyway (multiple answers)."""
    if not multiple:
        return prompt
    text = prompt.rstrip()
    for phrase in MULTIPLE_INSTRUCTIONS:
        for ending in (f"{phrase}.", phrase):
            if text.endswith(ending) and text[: -len(ending)].strip():
                return text[: -len(ending)].rstrip()
    return prompt


@dataclass
class ChoiceView:
    id: str
    text: str
    checked: bool
    correct: bool | None = None  # only known once the attempt is closed
    feedback: str = ""


@dataclass
class QuestionView:
    key: str
    number: int
    prompt: str
    kind: str
    image: object = None
    image_alt: str = ""
    choices: list[ChoiceView] = field(default_factory=list)
    answered: bool = False
    is_correct: bool | None = None
    explanation: str = ""

    @property
    def multiple(self) -> bool:
        return self.kind == Question.Kind.MULTIPLE


def attempt_questions(*, attempt: Attempt, language: str | None = None) -> list[QuestionView]:
    """The questions of an attempt in the order drawn. While it is open only
    ids, texts and the learner's own answers; once a practice quiz is closed,
    the grading too. A closed exam shows no question at all (see
    lms.selectors.exams.attempt_competence_results)."""
    keys = [q["question"] for q in attempt.questions]
    questions = {
        str(k): q for k, q in content.questions_by_key(keys=keys, language=language).items()
    }
    closed = attempt.status != Attempt.Status.OPEN
    if closed and attempt.exam:
        return []
    views = []
    for number, drawn in enumerate(attempt.questions, start=1):
        question = questions.get(drawn["question"])
        if question is None:
            continue
        texts = {c["id"]: c["text"] for c in content.question_choices(question=question)}
        chosen = set(attempt.answers.get(drawn["question"], []))
        view = QuestionView(
            key=drawn["question"],
            number=number,
            prompt=prompt_without_instruction(
                question.prompt, multiple=drawn["kind"] == Question.Kind.MULTIPLE
            ),
            kind=drawn["kind"],
            image=question.image,
            image_alt=question.image_alt,
            answered=bool(chosen),
        )
        # After an exam, nothing per question: no key, no right or wrong, no
        # explanation (the result per competence is shown instead).
        graded = closed and not attempt.exam
        answer_key = content.question_answer_key(question=question) if graded else frozenset()
        feedback = content.question_feedback(question=question) if graded else {}
        for choice_id in drawn["choices"]:
            if choice_id not in texts:
                continue
            choice = ChoiceView(id=choice_id, text=texts[choice_id], checked=choice_id in chosen)
            if graded:
                choice.correct = choice_id in answer_key
                choice.feedback = feedback.get(choice_id, "") if choice.checked else ""
            view.choices.append(choice)
        if graded:
            view.is_correct = bool(chosen) and chosen == set(answer_key)
            view.explanation = question.explanation
        views.append(view)
    return views
