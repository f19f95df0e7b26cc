"""The whole certified journey on the real security diploma, as a person walks
it on a phone: sign up with the name on the identity card, enrol, sit the
final exam (30 questions drawn from the 150 of the exam bank, timed), see the
result per competence and never the key, and download a certificate that
carries that name. axe clean at every step."""

import pypdfium2
import pytest
from django.utils import translation

from certificates.models import Certificate
from courses import demo
from courses import selectors as content
from courses.models import CoursePage, LessonPage, Question
from lms.models import Attempt, Enrolment, User
from lms.services import lesson_progress_record
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-and-unusual-passphrase"


def _sign_up(page) -> User:
    page.goto("/en/accounts/signup/")
    page.get_by_label("Given name(s), as on your identity card").fill("Amina")
    page.get_by_label("Family name, as on your identity card").fill("El Idrissi-Van Damme")
    page.get_by_label("Email").fill("amina@example.be")
    page.get_by_label("Username").fill("amina")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_label("I accept the terms of use and the privacy notice.").check()
    assert_accessible(page)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_load_state()
    return User.objects.get(username="amina")


def _read_everything_but_the_exam(enrolment: Enrolment, course: CoursePage) -> LessonPage:
    """The lessons are read (their own journeys are tested elsewhere); returns
    the lesson that holds the final exam."""
    exam_lesson = None
    for lesson in LessonPage.objects.descendant_of(course).live().order_by("path"):
        activities = content.lesson_activities(lesson=lesson)
        if any(a.kind == "quiz" and a.is_exam for a in activities):
            exam_lesson = lesson
        lesson_progress_record(
            enrolment=enrolment, lesson=lesson, event="completed", idempotency_key=lesson.slug
        )
    assert exam_lesson is not None
    return exam_lesson


def _answer_key(attempt: Attempt) -> dict[str, set[str]]:
    keys = [q["question"] for q in attempt.questions]
    questions = {str(k): q for k, q in content.questions_by_key(keys=keys).items()}
    return {key: set(content.question_answer_key(question=questions[key])) for key in keys}


def test_a_new_learner_signs_up_passes_the_security_exam_and_downloads_a_certificate_in_their_name(
    page, live_server, home_page, settings, tmp_path
):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    demo.seed()
    course = CoursePage.objects.get(slug="security-diploma", locale__language_code="en")
    assert course.certificate_enabled

    learner = _sign_up(page)
    assert learner.legal_name == "Amina El Idrissi-Van Damme"

    # The course page: enrol for free.
    page.goto(course.url)
    page.get_by_role("button", name="Enrol for free").click()
    page.wait_for_load_state()
    enrolment = Enrolment.objects.get(learner=learner, course_key=course.translation_key)
    exam_lesson = _read_everything_but_the_exam(enrolment, course)
    assert not Certificate.objects.filter(holder=learner).exists()

    # The exam: 30 questions drawn for this attempt from the bank of 150, timed.
    page.goto(exam_lesson.url)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Start the exam").click()
    page.wait_for_url("**/learning/attempts/**")
    attempt = Attempt.objects.get(enrolment=enrolment, exam=True)
    assert len(attempt.questions) == 30
    assert attempt.deadline is not None
    assert (attempt.deadline - attempt.started_at).total_seconds() == 45 * 60
    bank = Question.objects.get(
        translation_key=attempt.questions[0]["question"], locale__language_code="en"
    ).bank
    assert bank.purpose == "exam" and bank.questions.count() >= 150
    assert_accessible(page)

    # She answers every question right (the test reads the key on the server,
    # where only the grader may; the page never carries it).
    key = _answer_key(attempt)
    html = page.content()
    for drawn in attempt.questions:
        # Every choice is offered alike: nothing on the page marks the right one.
        assert all(f'value="{choice}"' in html for choice in drawn["choices"])
    for question, choices in key.items():
        for choice in choices:
            page.locator(f'input[name="q-{question}"][value="{choice}"]').check()
    page.get_by_role("button", name="Hand in the exam").click()
    page.wait_for_load_state()

    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 30
    result = page.locator("main").inner_text()
    # The result per competence, in the learner's language...
    for code in ("4.1", "4.2", "2.6", "5.1"):
        assert code in result
    assert "10 of 10" in result and "5 of 5" in result
    # ... and never the key: no question, no correct answer, no explanation.
    with translation.override("en"):
        for question in Question.objects.filter(
            translation_key__in=list(key), locale__language_code="en"
        ):
            assert question.prompt not in result
            for choice in question.choices:
                if choice.value["correct"] and len(choice.value["text"]) > 12:
                    assert choice.value["text"] not in page.content()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The certificate carries the name she gave, and the PDF says so too.
    certificate = Certificate.objects.get(holder=learner)
    assert certificate.content["holder_name"] == "Amina El Idrissi-Van Damme"
    page.goto("/en/me/certificates/")
    assert "Amina El Idrissi-Van Damme" in page.locator("main").inner_text()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").first.click()
    path = tmp_path / "certificate.pdf"
    download.value.save_as(path)
    document = pypdfium2.PdfDocument(str(path))
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "Amina El Idrissi-Van Damme" in " ".join(text.split())
    assert "amina" not in text.replace("Amina", "")
