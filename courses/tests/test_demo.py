"""The demo content: three courses in four languages, loaded through the
services, safe to load twice, with block ids aligned across languages."""

import pytest
from django.db import transaction

from courses import demo
from courses.models import CoursePage, LessonPage, ModulePage, Question, QuestionBank

pytestmark = pytest.mark.django_db

LANGUAGES = {"en", "nl", "fr", "de"}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        demo.seed()
        yield
        transaction.set_rollback(True)


def modules_of(slug: str, code: str) -> int:
    course = CoursePage.objects.get(slug=slug, locale__language_code=code)
    return ModulePage.objects.child_of(course).live().count()


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_course_exists_in_every_language_with_its_modules(seeded, code):
    assert modules_of("basic-digital-skills", code) >= 4
    assert modules_of("security-diploma", code) >= 6
    assert modules_of("coding-for-kids", code) >= 2


def test_the_security_exam_bank_has_at_least_forty_questions_in_each_language(seeded):
    for bank in QuestionBank.objects.filter(title__icontains="exam").select_related("locale"):
        assert bank.questions.count() >= 40, bank.locale
    banks = QuestionBank.objects.filter(
        translation_key=QuestionBank.objects.get(
            title="Security diploma: final exam"
        ).translation_key
    )
    assert {bank.locale.language_code for bank in banks} == LANGUAGES


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
