"""The demo content: three courses in four languages, loaded through the
services, safe to load twice, with block ids aligned across languages; and the
exam-integrity page on it (lms). One module, so that the content, slow to load,
is loaded once for both."""

import re

import pytest
from django.urls import reverse

from conftest import module_rows
from courses import demo
from courses.models import CoursePage, LessonPage, ModulePage, Question, QuestionBank
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = {"en", "nl", "fr", "de"}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with module_rows(django_db_blocker):
        demo.seed()
        yield


def modules_of(slug: str, code: str) -> int:
    course = CoursePage.objects.get(slug=slug, locale__language_code=code)
    return ModulePage.objects.child_of(course).live().count()


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_course_exists_in_every_language_with_its_modules(seeded, code):
    assert modules_of("basic-digital-skills", code) >= 4
    assert modules_of("security-diploma", code) >= 6
    assert modules_of("coding-for-kids", code) >= 2


def _exam_quizzes(code: str):
    for lesson in LessonPage.objects.filter(locale__language_code=code):
        for block in lesson.body:
            if block.block_type == "quiz" and block.value["mode"] == "exam":
                yield lesson, block


def _bank_questions(bank: QuestionBank):
    return Question.objects.filter(bank=bank)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_exam_draws_its_blueprint_from_an_exam_bank_five_times_larger(seeded, code):
    slugs = {lesson.get_parent().get_parent().slug for lesson, _b in _exam_quizzes(code)}
    assert {"security-diploma", "basic-digital-skills"} <= slugs
    for lesson, block in _exam_quizzes(code):
        quiz = block.value
        bank = quiz["bank"]
        assert bank.purpose == QuestionBank.Purpose.EXAM
        assert bank.locale.language_code == code
        cells = [(c["competence"], int(c["difficulty"]), c["count"]) for c in quiz["blueprint"]]
        assert sum(count for _c, _d, count in cells) == quiz["question_count"]
        assert _bank_questions(bank).count() >= 5 * quiz["question_count"]
        for competence, difficulty, count in cells:
            held = _bank_questions(bank).filter(competence__code=competence, difficulty=difficulty)
            assert held.count() >= 5 * count, (lesson.slug, competence, difficulty)


def test_the_security_exam_draws_30_of_150_with_a_75_percent_pass_mark_and_a_time_limit(seeded):
    lesson = LessonPage.objects.get(slug="exam", locale__language_code="nl")
    quiz = next(block.value for block in lesson.body if block.block_type == "quiz")
    assert quiz["question_count"] == 30
    assert quiz["pass_mark_percent"] == 75
    assert quiz["time_limit_minutes"] == 45
    assert quiz["bank"].questions.count() >= 150


def test_the_basic_final_test_draws_20_of_100(seeded):
    lesson = LessonPage.objects.get(slug="final-test", locale__language_code="de")
    quiz = next(block.value for block in lesson.body if block.block_type == "quiz")
    assert quiz["mode"] == "exam"
    assert quiz["question_count"] == 20
    assert quiz["bank"].questions.count() >= 100


def test_no_practice_quiz_draws_from_an_exam_bank(seeded):
    for lesson in LessonPage.objects.all():
        for block in lesson.body:
            if block.block_type == "quiz" and block.value["mode"] == "practice":
                assert block.value["bank"].purpose == QuestionBank.Purpose.PRACTICE, lesson.url_path


def test_exam_questions_share_nothing_with_practice_questions(seeded):
    exam = Question.objects.filter(bank__purpose=QuestionBank.Purpose.EXAM)
    practice = Question.objects.filter(bank__purpose=QuestionBank.Purpose.PRACTICE)
    assert exam.exists() and practice.exists()
    assert not set(exam.values_list("prompt", flat=True)) & set(
        practice.values_list("prompt", flat=True)
    )
    assert not set(exam.values_list("key", flat=True)) & set(practice.values_list("key", flat=True))


def test_every_exam_question_has_a_stable_id_the_same_in_every_language(seeded):
    for question in Question.objects.filter(
        bank__purpose=QuestionBank.Purpose.EXAM, locale__language_code="en"
    ):
        assert question.key
        keys = set(
            Question.objects.filter(translation_key=question.translation_key).values_list(
                "key", flat=True
            )
        )
        assert keys == {question.key}


def test_exams_hold_scenario_questions_drawn_in_each_language_with_a_text_alternative(seeded):
    scenarios = Question.objects.filter(
        bank__purpose=QuestionBank.Purpose.EXAM, kind=Question.Kind.SCENARIO
    ).select_related("image", "locale")
    assert scenarios.filter(locale__language_code="fr").count() >= 10
    for question in scenarios:
        assert question.image is not None
        assert len(question.image_alt) > 40
        assert question.image.title.endswith(f"({question.locale.language_code})")


def test_the_final_exam_is_an_exam_mode_quiz(seeded):
    lesson = LessonPage.objects.get(slug="exam", locale__language_code="fr")
    quiz = next(block for block in lesson.body if block.block_type == "quiz")
    assert quiz.value["mode"] == "exam"
    assert quiz.value["bank"].locale.language_code == "fr"
    assert quiz.value["question_count"] <= quiz.value["bank"].questions.count()


def test_lesson_blocks_keep_their_ids_across_languages(seeded):
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        ids = [block.id for block in lesson.body]
        for translated in LessonPage.objects.filter(translation_key=lesson.translation_key):
            assert [block.id for block in translated.body] == ids, translated.url_path
        assert (
            len(
                set(
                    LessonPage.objects.filter(translation_key=lesson.translation_key).values_list(
                        "locale", flat=True
                    )
                )
            )
            == 4
        )


def test_question_choices_keep_their_ids_and_correct_answers_across_languages(seeded):
    for question in Question.objects.filter(locale__language_code="en"):
        expected = [(c.id, c.value["correct"]) for c in question.choices]
        translations = Question.objects.filter(translation_key=question.translation_key)
        assert translations.count() == 4
        for translated in translations:
            assert [(c.id, c.value["correct"]) for c in translated.choices] == expected
            translated.full_clean()


def test_the_texts_differ_between_languages(seeded):
    titles = set(CoursePage.objects.filter(slug="security-diploma").values_list("title", flat=True))
    assert titles == {
        "Security diploma",
        "Veiligheidsdiploma",
        "Diplôme de sécurité",
        "Sicherheitsdiplom",
    }


def test_loading_twice_changes_nothing(seeded):
    counts = (CoursePage.objects.count(), LessonPage.objects.count(), Question.objects.count())
    demo.seed()
    assert (
        CoursePage.objects.count(),
        LessonPage.objects.count(),
        Question.objects.count(),
    ) == counts


def test_loading_twice_publishes_no_new_revision(seeded):
    from wagtail.models import Revision

    revisions = Revision.objects.count()
    report = demo.seed()
    assert not report.changed and not report.kept, report.lines()
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_the_sitemap_lists_the_lessons_of_both_adult_courses_in_every_language(
    seeded, client, code
):
    import re

    xml = client.get("/sitemap.xml").content.decode()
    paths = re.findall(rf"<loc>[^<]*?(/{code}/[^<]*)</loc>", xml)

    def lessons(slug: str) -> int:
        # /<code>/<catalogue>/<course>/<module>/<lesson>/
        return sum(1 for p in paths if p.split("/")[3:4] == [slug] and p.count("/") == 6)

    assert lessons("basic-digital-skills") >= 32
    assert lessons("security-diploma") >= 24


# --- the exam-integrity page on the real demo courses --------------------------
# The security diploma and basic skills are in order in four languages, with a
# bank five times larger in every blueprint cell and nothing shared with practice.


@pytest.mark.parametrize(
    ("slug", "drawn", "cells"), [("security-diploma", 30, 12), ("basic-digital-skills", 20, 12)]
)
def test_the_demo_exams_are_in_order_in_four_languages(seeded, client, slug, drawn, cells):
    editor = UserFactory(username=f"editor-{slug}")
    role_grant(user=editor, role=Role.EDITOR, granted_by=None)
    client.force_login(editor)
    course = CoursePage.objects.get(slug=slug, locale__language_code="en")
    page = client.get(reverse("exam_integrity_course", args=[course.pk])).content.decode()

    assert "in order" in page and "needs attention" not in page
    assert f"{drawn} questions per attempt" in page
    sizes = re.findall(r'data-cell="([\d.]+)-(\d)-(\w\w)">(\d+)', page)
    assert {lang for _c, _d, lang, _n in sizes} == {"en", "nl", "fr", "de"}
    assert len(sizes) == cells * 4
    assert "✗" not in page
    overlaps = re.findall(r'data-overlap="(\d+)"', page)
    assert overlaps and set(overlaps) == {"0"}
