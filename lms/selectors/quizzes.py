"""What an attempt page shows: the drawn questions, in the reader's language,
with feedback only once the attempt is closed."""

from dataclasses import dataclass, field

from courses import selectors as content
from lms.models import Attempt


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
        return self.kind == "multiple"


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
            prompt=question.prompt,
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
