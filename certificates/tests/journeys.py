"""A learner completes a certificate course through the pages (enrol, practice
quiz, final exam, every lesson marked done), as the tests of broker outages
need it: every response is returned, so that a test can assert none failed."""

from django.urls import reverse

from lms.models import Attempt


def _quiz(client, tree, lesson) -> list:
    start = client.post(reverse("lms:quiz_start", args=[lesson.pk, tree.quiz_key(lesson)]))
    attempt = Attempt.objects.get(public_id=start["Location"].rstrip("/").split("/")[-1])
    answers = {f"q-{q['question']}": tree.correct[q["question"]] for q in attempt.questions}
    submit = client.post(reverse("lms:attempt_submit", args=[attempt.public_id]), answers)
    return [start, submit]


def course_complete_through_pages(client, tree, learner) -> list:
    """Every response, in order; the last one is the page that completes the course."""
    client.force_login(learner)
    responses = [client.post(reverse("lms:course_enrol", args=[tree.course.pk]))]
    for lesson in (tree.practice_lesson, tree.exam_lesson):
        responses += _quiz(client, tree, lesson)
    for lesson in tree.lessons:
        responses.append(client.post(reverse("lms:lesson_complete", args=[lesson.pk])))
    return responses
