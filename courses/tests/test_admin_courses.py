"""An editor creates, previews, publishes and translates a course through the
Wagtail admin (test client, real admin views, wagtail-localize)."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation

from courses.models import CatalogPage, CoursePage, DigCompCompetence, LessonPage
from courses.tests import factories
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, db):
    catalogue = factories.catalogue("en")
    user = UserFactory(username="editor-marie")
    role_grant(user=user, role=Role.EDITOR, granted_by=None)
    client.force_login(user)
    return {"client": client, "user": user, "catalogue": catalogue}


def course_form(**overrides) -> dict:
    data = {
        "title": "Online banking without fear",
        "slug": "online-banking",
        "summary": "Pay bills and check your account safely from home.",
        "track": "basic",
        "audience": "adults",
        "estimated_minutes": "90",
        "target_level": "2",
        "learning_outcomes": streamfield([("outcome", "Pay a bill with your banking app")]),
        "prerequisites": rich_text("<p>You have a bank account.</p>"),
        "self_enrolment": "on",
        "certificate_enabled": "",
        "certificate_validity_months": "",
        "content_version": "1",
    }
    data.update(overrides)
    # A multiple select posts the same name several times (nested_form_data
    # would number the items).
    return {
        **nested_form_data(data),
        "competences": [str(DigCompCompetence.objects.get(code="4.2").pk)],
    }


def test_an_editor_previews_a_new_course_before_saving_it(editor):
    client, catalogue = editor["client"], editor["catalogue"]
    url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "coursepage", catalogue.pk])
    response = client.post(url, course_form())
    assert json.loads(response.content) == {"is_valid": True, "is_available": True}
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Online banking without fear" in preview.content.decode()
    assert not CoursePage.objects.filter(slug="online-banking").exists()


def test_an_editor_creates_and_publishes_a_course(editor, client):
    catalogue = editor["catalogue"]
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])
    response = editor["client"].post(url, {**course_form(), "action-publish": "publish"})
    assert response.status_code == 302
    course = CoursePage.objects.get(slug="online-banking")
    assert course.live
    assert list(course.competences.values_list("code", flat=True)) == ["4.2"]
    client.logout()
    assert "Online banking without fear" in client.get("/en/courses/").content.decode()


def test_an_editor_cannot_put_a_course_outside_the_catalogue(editor):
    home = editor["catalogue"].get_parent()
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", home.pk])
    response = editor["client"].post(url, {**course_form(), "action-publish": "publish"})
    # Wagtail sends people back to the dashboard with "permission denied".
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not CoursePage.objects.exists()


def test_a_learner_cannot_reach_the_admin(client, db):
    catalogue = factories.catalogue("en")
    client.force_login(UserFactory())
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])
    response = client.post(url, {**course_form(), "action-publish": "publish"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not CoursePage.objects.exists()


def test_an_editor_translates_a_course_into_french_and_publishes_it(
    editor, client, django_capture_on_commit_callbacks
):
    course = factories.course_tree(editor["catalogue"], slug="banking", modules=1, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    french = Locale.objects.get(language_code="fr")
    admin = editor["client"]

    response = admin.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [french.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    translated = CoursePage.objects.get(translation_key=course.translation_key, locale=french)

    # Translate every string of the course, as the translation editor does.
    translation = Translation.objects.get(
        source__object_id=course.translation_key, target_locale=french
    )
    french_words = {
        "Banking": "Les services bancaires en ligne",
        "About banking.": "Payer et consulter son compte en sécurité.",
    }
    for segment in StringSegment.objects.filter(source=translation.source):
        if segment.context.path == "slug":
            value = segment.string.data  # same address under /fr/
        else:
            value = french_words.get(segment.string.data, f"FR {segment.string.data}")
        response = admin.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            data=f"value={value}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content

    # wagtail-localize publishes the revision when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.live
    assert translated.title == "Les services bancaires en ligne"

    # The lesson was translated with the subtree and keeps its block ids.
    french_lesson = LessonPage.objects.get(translation_key=lesson.translation_key, locale=french)
    assert [b.id for b in french_lesson.body] == [b.id for b in lesson.body]

    client.logout()
    page = client.get("/fr/cours/banking/").content.decode()
    assert "Les services bancaires en ligne" in page
    assert "translation-notice" not in page


def test_question_banks_are_grouped_with_questions_and_digcomp_in_the_admin(editor):
    response = editor["client"].get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    menu = response.content.decode()
    for label in ("Course content", "Question banks", "Questions", "DigComp competences"):
        assert label in menu


def test_an_editor_adds_a_question_to_a_bank(editor):
    bank = factories.QuestionBankFactory(title="Phishing practice")
    url = reverse("wagtailsnippets_courses_question:add")
    data = nested_form_data(
        {
            "bank": str(bank.pk),
            "kind": "true_false",
            "prompt": "Your bank may ask for your card code by e-mail.",
            "image": "",
            "image_alt": "",
            "choices": streamfield(
                [
                    ("choice", {"text": "True", "correct": "", "feedback": "Never."}),
                    ("choice", {"text": "False", "correct": "on", "feedback": ""}),
                ]
            ),
            "explanation": "Banks never ask for codes.",
            "competence": str(DigCompCompetence.objects.get(code="4.2").pk),
            "difficulty": "1",
        }
    )
    response = editor["client"].post(url, {**data, "locale": "en"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert bank.questions.get().kind == "true_false"


def test_an_invalid_question_is_refused_in_the_admin(editor):
    bank = factories.QuestionBankFactory()
    data = nested_form_data(
        {
            "bank": str(bank.pk),
            "kind": "single",
            "prompt": "Pick one",
            "image": "",
            "image_alt": "",
            "choices": streamfield(
                [
                    ("choice", {"text": "A", "correct": "on", "feedback": ""}),
                    ("choice", {"text": "B", "correct": "on", "feedback": ""}),
                ]
            ),
            "explanation": "",
            "competence": str(DigCompCompetence.objects.get(code="4.2").pk),
            "difficulty": "1",
        }
    )
    response = editor["client"].post(reverse("wagtailsnippets_courses_question:add"), data)
    assert response.status_code == 200
    assert "Mark exactly one answer as correct." in response.content.decode()
    assert not bank.questions.exists()


def test_catalogue_pages_are_unique_per_language(editor):
    home = editor["catalogue"].get_parent()
    assert CatalogPage.can_create_at(home) is False


def test_an_editor_submits_a_question_bank_for_translation(editor):
    question = factories.QuestionFactory(bank=factories.QuestionBankFactory(title="Phishing"))
    french = Locale.objects.get(language_code="fr")
    response = editor["client"].post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["courses", "questionbank", question.bank.pk],
        ),
        {"locales": [french.pk]},
    )
    assert response.status_code == 302
    assert question.bank.has_translation(french)
    response = editor["client"].post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["courses", "question", question.pk],
        ),
        {"locales": [french.pk]},
    )
    assert response.status_code == 302
    translated_question = factories.QuestionFactory._meta.model.objects.get(
        translation_key=question.translation_key, locale=french
    )
    # Answers keep their ids (and which one is right) in the translation, and
    # the question belongs to the French bank.
    assert [(c.id, c.value["correct"]) for c in translated_question.choices] == [
        (c.id, c.value["correct"]) for c in question.choices
    ]
    assert translated_question.bank == question.bank.get_translation(french)
