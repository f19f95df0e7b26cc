"""A learner on a phone finds a course in the catalogue, opens it and reads a
lesson, in French, with the keyboard-friendly, accessible pages."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from courses.tests import factories
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def catalogue(db):
    data = factories.three_courses(modules=1, lessons=1)
    bank = factories.QuestionBankFactory(title="Phishing practice")
    french_lesson = LessonPage.objects.descendant_of(data["translated"][("phishing", "fr")]).get()
    french_lesson.body = [
        ("heading", "Reconnaître un faux message"),
        ("paragraph", "<p>Un message qui vous presse est suspect.</p>"),
        (
            "callout",
            {
                "kind": "warning",
                "title": "Attention",
                "text": "<p>Votre banque ne demande jamais vos codes.</p>",
            },
        ),
        (
            "steps",
            {
                "title": "Vérifier un message",
                "steps": [{"text": "<p>Stop.</p>"}, {"text": "<p>Regardez.</p>"}],
            },
        ),
        (
            "accordion",
            {
                "title": "Questions",
                "items": [{"question": "Que faire ?", "answer": "<p>Signalez-le.</p>"}],
            },
        ),
        (
            "quiz",
            {
                "title": "Vérifiez ce que vous savez",
                "bank": bank,
                "mode": "practice",
                "question_count": 3,
            },
        ),
    ]
    french_lesson.save_revision().publish()
    return data


def test_a_learner_walks_from_the_catalogue_to_a_lesson_on_a_phone(page, catalogue):
    page.goto("/fr/cours/")
    assert page.locator("h1").inner_text() == "Cours"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    page.get_by_label("Parcours").select_option("security")
    page.get_by_role("button", name="Afficher les cours").click()
    page.wait_for_url(re.compile(r"track=security"))
    assert page.locator(".course-card").count() == 1
    assert_accessible(page)

    page.get_by_role("link", name="Repérer l'hameçonnage").click()
    page.wait_for_url(re.compile(r"/fr/cours/phishing/$"))
    assert page.locator("h1").inner_text() == "Repérer l'hameçonnage"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    page.get_by_role("link", name="Voir la première leçon").click()
    page.wait_for_url(re.compile(r"/fr/cours/phishing/module-1/lesson-1-1/$"))
    assert page.locator(".activity h2").inner_text() == "Vérifiez ce que vous savez"
    page.get_by_text("Que faire ?").click()
    expect(page.get_by_text("Signalez-le.")).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_an_untranslated_course_shows_the_notice_and_stays_accessible(page, catalogue):
    page.goto("/de/kurse/email/")
    expect(page.locator(".translation-notice")).to_be_visible()
    assert page.locator("article.course").get_attribute("lang") == "en"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_a_printed_lesson_shows_the_folded_answers_and_hides_the_menu(page, catalogue):
    page.goto("/fr/cours/phishing/module-1/lesson-1-1/")
    answer = page.get_by_text("Signalez-le.")
    expect(answer).not_to_be_visible()
    page.emulate_media(media="print")
    expect(answer).to_be_visible()
    expect(page.locator(".site-header")).not_to_be_visible()
    page.emulate_media(media="screen")
    expect(answer).not_to_be_visible()
