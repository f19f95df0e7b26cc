"""After an exam: the score, passed or not and the result per competence,
never the key; the start button gives way to the date of the next try."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localtime

from courses.models import Question
from lms.models import Attempt

pytestmark = pytest.mark.django_db


def _start_url(tree, lesson):
    return reverse("lms:quiz_start", args=[lesson.pk, tree.quiz_key(lesson)])


def _take_exam(client, tree, *, right: bool):
    client.post(_start_url(tree, tree.exam_lesson))
    attempt = Attempt.objects.get(status=Attempt.Status.OPEN)
    data = {
        f"q-{q['question']}": tree.correct[q["question"]] if right else [tree.wrong[q["question"]]]
        for q in attempt.questions
    }
    client.post(reverse("lms:attempt_submit", args=[attempt.public_id]), data)
    attempt.refresh_from_db()
    return attempt


def _leaks(page: str, attempt, tree) -> list[str]:
    found = []
    for drawn in attempt.questions:
        question = Question.objects.get(translation_key=drawn["question"])
        correct_ids = tree.correct[drawn["question"]]
        texts = [c.value["text"] for c in question.choices if c.id in correct_ids]
        for needle in [*correct_ids, *texts, question.explanation, drawn["question"]]:
            if needle and needle in page:
                found.append(needle)
    return found


@pytest.mark.parametrize("right", [True, False])
def test_after_an_exam_the_page_shows_competences_and_never_the_key(
    client, tree, enrolment, learner, right
):
    client.force_login(learner)
    attempt = _take_exam(client, tree, right=right)
    page = client.get(reverse("lms:attempt", args=[attempt.public_id])).content.decode()
    assert "Your result per competence" in page
    assert "4.1" in page and "4.2" in page
    assert ("2 of 2" in page) is right and ("0 of 2" in page) is not right
    assert ("Passed." in page) is right
    assert _leaks(page, attempt, tree) == []
    assert "Not correct." not in page and "Correct." not in page
    assert "correct answer" not in page


def test_an_expired_exam_shows_no_key_either(client, tree, enrolment, learner):
    client.force_login(learner)
    client.post(_start_url(tree, tree.exam_lesson))
    attempt = Attempt.objects.get()
    first = attempt.questions[0]["question"]
    client.post(
        reverse("lms:attempt_save", args=[attempt.public_id]), {f"q-{first}": tree.correct[first]}
    )
    Attempt.objects.update(deadline=timezone.now() - timedelta(seconds=1))
    page = client.get(reverse("lms:attempt", args=[attempt.public_id])).content.decode()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED
    assert "Your result per competence" in page
    assert _leaks(page, attempt, tree) == []


def test_the_exam_autosave_json_says_nothing_of_the_key(client, tree, enrolment, learner):
    client.force_login(learner)
    attempt = _take_exam(client, tree, right=False)
    response = client.post(
        reverse("lms:attempt_save", args=[attempt.public_id]),
        {f"q-{attempt.questions[0]['question']}": "x"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 409
    assert set(response.json()) == {"saved", "error"}
    assert _leaks(response.content.decode(), attempt, tree) == []


def test_a_practice_quiz_keeps_its_feedback(client, tree, enrolment, learner):
    client.force_login(learner)
    client.post(_start_url(tree, tree.practice_lesson))
    attempt = Attempt.objects.get()
    client.post(reverse("lms:attempt_submit", args=[attempt.public_id]), {})
    page = client.get(reverse("lms:attempt", args=[attempt.public_id])).content.decode()
    assert "correct answer" in page and "Because of reason" in page


def test_during_the_cooldown_the_lesson_shows_when_instead_of_the_start_button(
    client, home_page, learner
):
    from lms.services import enrolment_create
    from lms.tests.content import course_tree

    tree = course_tree(home_page, exam={"cooldown_minutes": 60})
    enrolment_create(learner=learner, course=tree.course, source="self")
    client.force_login(learner)
    attempt = _take_exam(client, tree, right=False)
    page = client.get(tree.exam_lesson.url).content.decode()
    start = _start_url(tree, tree.exam_lesson)
    assert start not in page
    when = localtime(attempt.submitted_at + timedelta(minutes=60))
    assert "You can try again " in page and f"at {when:%H:%M}" in page
    Attempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=60))
    assert start in client.get(tree.exam_lesson.url).content.decode()


def test_the_exam_result_and_the_wait_are_in_the_learners_language(client, home_page, learner):
    from django.utils import translation

    from lms.services import enrolment_create
    from lms.tests.content import course_tree

    tree = course_tree(home_page, exam={"cooldown_minutes": 60})
    enrolment_create(learner=learner, course=tree.course, source="self")
    client.force_login(learner)
    attempt = _take_exam(client, tree, right=False)
    with translation.override("nl"):
        url = reverse("lms:attempt", args=[attempt.public_id])
        page = client.get(url).content.decode()
        assert "Je resultaat per competentie" in page
        when = localtime(attempt.submitted_at + timedelta(minutes=60))
        response = client.post(
            reverse("lms:quiz_start", args=[tree.exam_lesson.pk, tree.quiz_key(tree.exam_lesson)]),
            follow=True,
        )
    assert f"om {when:%H:%M} opnieuw proberen" in response.content.decode()


def test_the_lesson_announces_the_blueprints_number_of_questions(client, home_page, learner):
    from lms.services import enrolment_create
    from lms.tests.content import course_tree

    tree = course_tree(home_page, exam={"question_count": 10})  # blueprint: 2 + 2
    enrolment_create(learner=learner, course=tree.course, source="self")
    client.force_login(learner)
    page = client.get(tree.exam_lesson.url).content.decode()
    assert "4 questions" in page and "10 questions" not in page


def _exam_course(client, home_page, learner, **exam):
    """A course whose exam waits an hour after a failure; the learner enrolled
    and signed in."""
    from lms.services import enrolment_create
    from lms.tests.content import course_tree

    tree = course_tree(home_page, exam={"cooldown_minutes": 60, **exam})
    enrolment_create(learner=learner, course=tree.course, source="self")
    client.force_login(learner)
    return tree


def test_after_a_failed_exam_the_result_says_when_to_try_again_and_the_tries_left(
    client, home_page, learner
):
    tree = _exam_course(client, home_page, learner, max_attempts=3)
    attempt = _take_exam(client, tree, right=False)
    when = localtime(attempt.submitted_at + timedelta(minutes=60))
    result = client.get(reverse("lms:attempt", args=[attempt.public_id])).content.decode()
    assert f"at {when:%H:%M}" in result and "You have 2 attempts left." in result
    lesson = client.get(tree.exam_lesson.url).content.decode()
    assert f"at {when:%H:%M}" in lesson and "You have 2 attempts left." in lesson
    assert _start_url(tree, tree.exam_lesson) not in lesson


def test_when_the_wait_is_over_the_start_button_comes_back_with_the_tries_left(
    client, home_page, learner
):
    tree = _exam_course(client, home_page, learner, max_attempts=3)
    _take_exam(client, tree, right=False)
    Attempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=60))
    lesson = client.get(tree.exam_lesson.url).content.decode()
    assert _start_url(tree, tree.exam_lesson) in lesson
    assert "You have 2 attempts left." in lesson and "You can try again" not in lesson


def test_the_last_failed_try_says_no_attempts_are_left_and_offers_no_start(
    client, home_page, learner
):
    tree = _exam_course(client, home_page, learner, max_attempts=1)
    attempt = _take_exam(client, tree, right=False)
    result = client.get(reverse("lms:attempt", args=[attempt.public_id])).content.decode()
    assert "You have used all your attempts for this activity." in result
    assert "You can try again" not in result
    lesson = client.get(tree.exam_lesson.url).content.decode()
    assert _start_url(tree, tree.exam_lesson) not in lesson
    assert "You have used all your attempts for this activity." in lesson


def test_a_passed_exam_says_nothing_about_trying_again(client, home_page, learner):
    tree = _exam_course(client, home_page, learner, max_attempts=3)
    attempt = _take_exam(client, tree, right=True)
    result = client.get(reverse("lms:attempt", args=[attempt.public_id])).content.decode()
    assert "You can try again" not in result and "attempts left" not in result
