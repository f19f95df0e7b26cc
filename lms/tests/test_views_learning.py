from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.models import Attempt, Enrolment, FocusEvent, ProgressEvent
from lms.services import quiz_attempt_start
from lms.signals import course_completed
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _start_url(tree, lesson):
    return reverse("lms:quiz_start", args=[lesson.pk, tree.quiz_key(lesson)])


def _post_answers(client, url, attempt, answers):
    data = {f"q-{key}": choices for key, choices in answers.items()}
    return client.post(url, data)


def _take(client, tree, lesson, *, right=True):
    response = client.post(_start_url(tree, lesson))
    attempt = Attempt.objects.get(public_id=response["Location"].rstrip("/").split("/")[-1])
    page = client.get(response["Location"]).content.decode()
    answers = {
        q["question"]: tree.correct[q["question"]] if right else [tree.wrong[q["question"]]]
        for q in attempt.questions
    }
    submit = reverse("lms:attempt_submit", args=[attempt.public_id])
    _post_answers(client, submit, attempt, answers)
    attempt.refresh_from_db()
    return attempt, page


def test_a_learner_goes_from_enrolment_to_a_passed_exam_and_completion(
    client, tree, learner, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    course_completed.connect(receiver)
    client.force_login(learner)

    course_page = client.get(tree.course.url).content.decode()
    assert "Enrol for free" in course_page
    response = client.post(reverse("lms:course_enrol", args=[tree.course.pk]))
    assert response["Location"] == tree.lessons[0].url

    for lesson in tree.lessons:
        assert client.get(lesson.url).status_code == 200
        if lesson.pk == tree.practice_lesson.pk:
            attempt, page = _take(client, tree, lesson)
            assert attempt.passed
            assert "Right answer" in page
        if lesson.pk == tree.exam_lesson.pk:
            attempt, _page = _take(client, tree, lesson)
            assert attempt.exam and attempt.passed
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("lms:lesson_complete", args=[lesson.pk]))
        assert response.status_code == 302

    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert len(received) == 1
    dashboard = client.get(reverse("lms:dashboard")).content.decode()
    assert "100%" in dashboard and "Completed on" in dashboard
    course_completed.disconnect(receiver)


def test_marking_a_lesson_done_twice_counts_once_and_goes_to_the_next_lesson(
    client, tree, enrolment, learner
):
    client.force_login(learner)
    url = reverse("lms:lesson_complete", args=[tree.lessons[0].pk])
    first = client.post(url)
    client.post(url)
    assert first["Location"] == tree.lessons[1].url
    assert ProgressEvent.objects.filter(enrolment=enrolment, kind="completed").count() == 1


def test_viewing_a_lesson_remembers_where_the_learner_left_off(client, tree, enrolment, learner):
    client.force_login(learner)
    client.get(tree.lessons[2].url)
    course_page = client.get(tree.course.url).content.decode()
    assert "Continue where you left off" in course_page
    assert tree.lessons[2].url in course_page


def test_the_quiz_page_never_shows_which_answer_is_correct(client, tree, enrolment, learner):
    client.force_login(learner)
    response = client.post(_start_url(tree, tree.practice_lesson))
    page = client.get(response["Location"]).content.decode()
    assert "Right answer" in page  # the choices are there...
    assert "correct" not in page.lower().replace("every correct answer", "")  # ...not the key
    assert "Because of reason" not in page


def test_the_exam_gives_no_per_answer_feedback(client, tree, enrolment, learner):
    client.force_login(learner)
    attempt, _ = _take(client, tree, tree.exam_lesson)
    page = client.get(reverse("lms:attempt", args=[attempt.public_id])).content.decode()
    assert "Your result" in page
    assert "correct answer</strong>" not in page


def test_a_tampered_question_id_gets_a_clear_error(client, tree, enrolment, learner):
    client.force_login(learner)
    response = client.post(_start_url(tree, tree.practice_lesson))
    attempt = Attempt.objects.get()
    bogus = {"q-00000000-0000-0000-0000-000000000000": "x"}
    response = client.post(reverse("lms:attempt_submit", args=[attempt.public_id]), bogus)
    page = client.get(response["Location"]).content.decode()
    assert "not part of your attempt" in page
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.OPEN


def test_double_submission_says_the_first_one_counts(client, tree, enrolment, learner):
    client.force_login(learner)
    attempt, _ = _take(client, tree, tree.practice_lesson)
    submit = reverse("lms:attempt_submit", args=[attempt.public_id])
    response = client.post(submit, follow=True)
    assert "the first submission counts" in response.content.decode()
    assert Attempt.objects.get(pk=attempt.pk).score == attempt.score


def test_a_submission_after_the_deadline_gets_a_clear_error(client, tree, enrolment, learner):
    client.force_login(learner)
    client.post(_start_url(tree, tree.exam_lesson))
    attempt = Attempt.objects.get()
    Attempt.objects.update(deadline=timezone.now() - timedelta(seconds=1))
    response = client.post(
        reverse("lms:attempt_submit", args=[attempt.public_id]), follow=True
    ).content.decode()
    assert "The time is up" in response
    assert Attempt.objects.get().status == Attempt.Status.EXPIRED


def test_exam_autosave_answers_in_json(client, tree, enrolment, learner):
    client.force_login(learner)
    client.post(_start_url(tree, tree.exam_lesson))
    attempt = Attempt.objects.get()
    question = attempt.questions[0]["question"]
    response = client.post(
        reverse("lms:attempt_save", args=[attempt.public_id]),
        {f"q-{question}": tree.correct[question]},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["saved"] is True
    assert Attempt.objects.get().answers == {question: tree.correct[question]}


def test_focus_loss_is_recorded(client, tree, enrolment, learner):
    client.force_login(learner)
    client.post(_start_url(tree, tree.exam_lesson))
    attempt = Attempt.objects.get()
    response = client.post(
        reverse("lms:attempt_focus", args=[attempt.public_id]), {"kind": "hidden"}
    )
    assert response.status_code == 204
    assert FocusEvent.objects.filter(attempt=attempt).count() == 1


def test_a_closed_course_offers_no_enrol_button_and_refuses_the_post(client, home_page, learner):
    from lms.tests.content import course_tree

    closed = course_tree(home_page, title="Partner only", self_enrolment=False)
    client.force_login(learner)
    assert "Enrol for free" not in client.get(closed.course.url).content.decode()
    response = client.post(reverse("lms:course_enrol", args=[closed.course.pk]), follow=True)
    assert "open only through a partner" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_leaving_a_course_from_the_dashboard(client, enrolment, learner):
    client.force_login(learner)
    client.post(reverse("lms:course_leave", args=[enrolment.pk]))
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED


def test_pages_are_translated(client, tree, enrolment, learner):
    client.force_login(learner)
    page = client.get("/nl/learning/").content.decode()
    assert "Mijn leertraject" in page


# --- Who may do what ---------------------------------------------------------


@pytest.mark.parametrize(
    "name,args",
    [
        ("lms:dashboard", []),
        ("lms:statements_export", []),
    ],
)
def test_anonymous_people_are_sent_to_sign_in(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_anonymous_people_cannot_enrol_mark_done_or_start(client, tree):
    for url in [
        reverse("lms:course_enrol", args=[tree.course.pk]),
        reverse("lms:lesson_complete", args=[tree.lessons[0].pk]),
        _start_url(tree, tree.practice_lesson),
    ]:
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_a_learner_who_is_not_enrolled_cannot_mark_done_or_start(client, tree, learner):
    client.force_login(learner)
    assert client.post(reverse("lms:lesson_complete", args=[tree.lessons[0].pk])).status_code == 403
    assert client.post(_start_url(tree, tree.practice_lesson)).status_code == 403
    assert not ProgressEvent.objects.exists() and not Attempt.objects.exists()


def test_another_learner_cannot_see_save_submit_or_report_on_my_attempt(client, tree, enrolment):
    attempt, _ = quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.exam_lesson,
        activity_key=tree.quiz_key(tree.exam_lesson),
    )
    intruder = UserFactory()
    client.force_login(intruder)
    question = attempt.questions[0]["question"]
    answers = {f"q-{question}": tree.correct[question]}
    assert client.get(reverse("lms:attempt", args=[attempt.public_id])).status_code == 404
    for name in ["lms:attempt_save", "lms:attempt_submit", "lms:attempt_focus"]:
        assert client.post(reverse(name, args=[attempt.public_id]), answers).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.OPEN and attempt.answers == {}
    assert not FocusEvent.objects.exists()


def test_another_learner_cannot_cancel_my_enrolment(client, enrolment):
    client.force_login(UserFactory())
    assert client.post(reverse("lms:course_leave", args=[enrolment.pk])).status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_state_changing_views_refuse_get(client, tree, enrolment, learner):
    client.force_login(learner)
    assert client.get(reverse("lms:lesson_complete", args=[tree.lessons[0].pk])).status_code == 405


def test_an_unpublished_lesson_cannot_be_marked_done(client, tree, enrolment, learner):
    tree.lessons[0].unpublish()
    client.force_login(learner)
    assert client.post(reverse("lms:lesson_complete", args=[tree.lessons[0].pk])).status_code == 404


def test_a_lesson_unpublished_after_it_was_read_cannot_be_marked_done(
    client, tree, enrolment, learner
):
    # The lesson's place and its course's lessons are kept once it is read;
    # unpublishing renews the page-tree version, so the kept copies are not used.
    client.force_login(learner)
    assert client.get(tree.lessons[0].url).status_code == 200
    tree.lessons[0].unpublish()
    assert client.post(reverse("lms:lesson_complete", args=[tree.lessons[0].pk])).status_code == 404
    assert not ProgressEvent.objects.filter(kind="completed").exists()


def test_marking_a_read_lesson_done_records_it_for_that_lesson_and_goes_to_the_next(
    client, tree, enrolment, learner
):
    client.force_login(learner)
    client.get(tree.lessons[1].url)
    response = client.post(reverse("lms:lesson_complete", args=[tree.lessons[1].pk]))
    assert response["Location"] == tree.lessons[2].url
    event = ProgressEvent.objects.get(enrolment=enrolment, kind="completed")
    assert event.lesson_key == tree.lessons[1].translation_key
    assert event.idempotency_key == f"completed:{tree.lessons[1].translation_key}"
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == tree.lessons[1].translation_key


def test_a_learner_enrolled_in_another_course_cannot_mark_this_one_done(
    client, tree, learner, home_page
):
    from lms.tests.content import course_tree

    other = course_tree(home_page, title="Other course")
    client.force_login(learner)
    client.post(reverse("lms:course_enrol", args=[other.course.pk]))
    client.get(tree.lessons[0].url)
    assert client.post(reverse("lms:lesson_complete", args=[tree.lessons[0].pk])).status_code == 403
    assert not ProgressEvent.objects.filter(kind="completed").exists()
