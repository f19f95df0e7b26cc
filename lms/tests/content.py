"""Course trees for lms tests, built the way editors build them: a catalogue
under the home page, a course, modules, lessons with quiz blocks, and question
banks with questions (the correct answers known only to the test)."""

from dataclasses import dataclass, field

from wagtail.models import Locale
from wagtail.rich_text import RichText

from courses.models import (
    CatalogPage,
    CoursePage,
    DigCompCompetence,
    HomePage,
    LessonPage,
    ModulePage,
    Question,
    QuestionBank,
)


@dataclass
class CourseTree:
    course: CoursePage
    lessons: list[LessonPage]
    practice_bank: QuestionBank
    exam_bank: QuestionBank
    # question translation_key (str) -> correct choice ids
    correct: dict[str, list[str]] = field(default_factory=dict)
    # question translation_key (str) -> a wrong choice id
    wrong: dict[str, str] = field(default_factory=dict)

    @property
    def practice_lesson(self) -> LessonPage:
        return self.lessons[1]

    @property
    def exam_lesson(self) -> LessonPage:
        return self.lessons[-1]

    def quiz_key(self, lesson: LessonPage) -> str:
        lesson = LessonPage.objects.get(pk=lesson.pk)
        return next(block.id for block in lesson.body if block.block_type == "quiz")


def _bank(
    tree_correct,
    tree_wrong,
    *,
    title,
    locale,
    count,
    competence_codes,
    difficulty=1,
    purpose=QuestionBank.Purpose.PRACTICE,
):
    bank = QuestionBank.objects.create(title=title, locale=locale, purpose=purpose)
    for n in range(count):
        code = competence_codes[n % len(competence_codes)]
        question = Question.objects.create(
            bank=bank,
            locale=locale,
            kind=Question.Kind.SINGLE,
            prompt=f"{title}: question {n + 1}?",
            choices=[
                ("choice", {"text": f"Right answer {n + 1}", "correct": True, "feedback": "Yes."}),
                ("choice", {"text": f"Wrong answer {n + 1}", "correct": False, "feedback": "No."}),
                ("choice", {"text": f"Other answer {n + 1}", "correct": False, "feedback": ""}),
            ],
            explanation=f"Because of reason {n + 1}.",
            competence=DigCompCompetence.objects.get(code=code),
            difficulty=difficulty,
        )
        question.refresh_from_db()
        ids = [child.id for child in question.choices]
        tree_correct[str(question.translation_key)] = [ids[0]]
        tree_wrong[str(question.translation_key)] = ids[1]
    return bank


def blueprint(*cells) -> list[dict]:
    """An exam blueprint from (competence, difficulty, count) triples."""
    return [
        {"competence": code, "difficulty": str(difficulty), "count": count}
        for code, difficulty, count in cells
    ]


def quiz(bank, **settings) -> tuple:
    value = {
        "title": "Check what you know",
        "bank": bank,
        "mode": "practice",
        "question_count": 3,
        "competences": "",
        "difficulty": "",
        "pass_mark_percent": 70,
        "max_attempts": None,
        "cooldown_minutes": 0,
        "grading_policy": "best",
        "time_limit_minutes": None,
        "required": True,
    }
    value.update(settings)
    return ("quiz", value)


def course_tree(
    home: HomePage,
    *,
    title: str = "Safe online",
    practice: dict | None = None,
    exam: dict | None = None,
    self_enrolment: bool = True,
) -> CourseTree:
    """Catalogue > course > 2 modules > 2 lessons each. Lesson 2 holds a
    practice quiz, lesson 4 the final exam."""
    locale = Locale.objects.get(language_code="en")
    catalog = CatalogPage.objects.child_of(home).first()
    if catalog is None:
        catalog = home.add_child(instance=CatalogPage(title="Courses", slug="courses"))
    course = catalog.add_child(
        instance=CoursePage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            track="security",
            audience="adults",
            summary="Protect your accounts and spot phishing.",
            self_enrolment=self_enrolment,
            certificate_enabled=True,  # lesson 4 holds the final exam
        )
    )
    correct: dict = {}
    wrong: dict = {}
    practice_bank = _bank(
        correct, wrong, title=f"{title} practice", locale=locale, count=5, competence_codes=["4.1"]
    )
    exam_bank = _bank(
        correct,
        wrong,
        title=f"{title} exam",
        locale=locale,
        count=6,
        competence_codes=["4.1", "4.2"],
        purpose=QuestionBank.Purpose.EXAM,
    )
    lessons = []
    for m in range(2):
        module = course.add_child(
            instance=ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}")
        )
        for n in range(2):
            number = 2 * m + n + 1
            body = [("paragraph", RichText(f"<p>Lesson {number} content.</p>"))]
            if number == 2:
                body.append(quiz(practice_bank, **(practice or {})))
            if number == 4:
                settings = {
                    "title": "Final exam",
                    "mode": "exam",
                    "question_count": 4,
                    "blueprint": blueprint(("4.1", 1, 2), ("4.2", 1, 2)),
                    "time_limit_minutes": 30,
                    **(exam or {}),
                }
                body.append(quiz(exam_bank, **settings))
            lesson = module.add_child(
                instance=LessonPage(title=f"Lesson {number}", slug=f"lesson-{number}", body=body)
            )
            lessons.append(LessonPage.objects.get(pk=lesson.pk))
    return CourseTree(
        course=CoursePage.objects.get(pk=course.pk),
        lessons=lessons,
        practice_bank=practice_bank,
        exam_bank=exam_bank,
        correct=correct,
        wrong=wrong,
    )
