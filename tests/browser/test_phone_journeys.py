"""The learner's journey on a 360 x 740 phone, in the four languages (issue
22): home, course, lesson, quiz, certificate. On each page the page's primary
action is on the first screen (no scrolling), nothing scrolls sideways and axe
finds nothing serious or critical. A screenshot of each screen is kept in
var/screenshots/ (the test output) to look at."""

import re
from pathlib import Path

import pytest

from certificates.tests.helpers import issue_after_exam
from courses.models import LessonPage
from courses.tests import factories
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREEN = {"width": 360, "height": 740}
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

WORDS = {
    "en": {
        "enrol": "Enrol for free",
        "continue": "Continue where you left off",
        "quiz": "Start the quiz",
        "check": "Check my answers",
        "download": "Download PDF",
    },
    "nl": {
        "enrol": "Gratis inschrijven",
        "continue": "Ga verder waar je gebleven was",
        "quiz": "Start de quiz",
        "check": "Controleer mijn antwoorden",
        "download": "Pdf downloaden",
    },
    "fr": {
        "enrol": "S’inscrire gratuitement",
        "continue": "Reprendre là où vous vous étiez arrêté",
        "quiz": "Commencer le quiz",
        "check": "Vérifier mes réponses",
        "download": "Télécharger le PDF",
    },
    "de": {
        "enrol": "Kostenlos anmelden",
        "continue": "Dort weitermachen, wo Sie aufgehört haben",
        "quiz": "Quiz beginnen",
        "check": "Meine Antworten prüfen",
        "download": "PDF herunterladen",
    },
}


def on_first_screen(page, locator) -> None:
    """The element is visible without scrolling: its box ends within 740 px
    (a screenshot of the first screen is kept when it does not)."""
    page.evaluate("window.scrollTo(0, 0)")
    locator.wait_for()
    box = locator.bounding_box()
    if box is None or box["y"] < 0 or box["y"] + box["height"] > SCREEN["height"]:
        SHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^a-z0-9]+", "-", page.url.lower())[-60:]
        page.screenshot(path=str(SHOTS / f"not-on-first-screen-{name}.png"))
        raise AssertionError(f"{locator} is at {box} on a {SCREEN['height']} px screen")


def checked(page, name: str) -> None:
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture
def phishing():
    data = factories.three_courses(modules=1, lessons=2)
    courses = {"en": data["phishing"]}
    courses.update({code: data["translated"][("phishing", code)] for code in ("nl", "fr", "de")})
    for code, course in courses.items():
        # (update: the in-memory page predates its children; publishing it
        # again would write numchild=0 and hide them from routing)
        type(course).objects.filter(pk=course.pk).update(certificate_enabled=True)
        course.refresh_from_db()
        bank = factories.QuestionBankFactory(
            title=f"Phishing practice {code}",
            locale=course.locale,
        )
        for n in range(3):
            factories.QuestionFactory(
                bank=bank,
                prompt=f"Question {n + 1} ({code}): is a message that rushes you suspect?",
                choices=factories.choices(("Yes", True), ("No", False)),
            )
        lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
        lesson.body = [
            ("paragraph", "<p>A message that rushes you is suspect.</p>"),
            ("quiz", {"title": "Phishing", "bank": bank, "mode": "practice", "question_count": 3}),
        ]
        lesson.save_revision().publish()
    return courses


@pytest.mark.parametrize("code", ["nl", "fr", "de", "en"])
def test_the_learner_journey_fits_the_first_screen_of_a_phone(page, live_server, phishing, code):
    words = WORDS[code]
    course = phishing[code]
    learner = UserFactory(preferred_language=code)
    sign_in(page, learner, live_server)
    page.set_viewport_size(SCREEN)

    # Home: the way to the courses.
    page.goto(f"/{code}/")
    on_first_screen(page, page.locator("#main .hero .btn"))
    checked(page, f"{code}-1-home")

    # The course page: enrol.
    page.goto(course.url)
    enrol = page.get_by_role("button", name=words["enrol"])
    on_first_screen(page, enrol)
    checked(page, f"{code}-2-course")
    enrol.click()

    # Enrolled, the learner is on the first lesson: its title and its exercise.
    page.wait_for_url(re.compile(r"/lesson-1-1/$"))
    on_first_screen(page, page.locator("h1"))
    quiz = page.get_by_role("button", name=words["quiz"])
    on_first_screen(page, quiz)
    checked(page, f"{code}-3-lesson")
    quiz.click()

    # The quiz: the first question's answers.
    page.wait_for_url("**/learning/attempts/**")
    on_first_screen(page, page.get_by_role("radio").first)
    checked(page, f"{code}-4-quiz")
    for question in page.locator("fieldset").all():
        question.get_by_role("radio").first.check()
    page.get_by_role("button", name=words["check"]).click()
    page.wait_for_load_state()
    assert_accessible(page)

    # Back on the course page, the way on.
    page.goto(course.url)
    on_first_screen(page, page.get_by_role("link", name=words["continue"]))

    # The certificate: download it.
    assert issue_after_exam(user=learner, course=course) is not None
    page.goto(f"/{code}/me/certificates/")
    on_first_screen(page, page.get_by_role("link", name=words["download"]).first)
    checked(page, f"{code}-5-certificates")
