"""A person signs up with their given and family name, as on the identity
card; the account page shows them; a name with an invisible character is
refused with a message. On a phone, axe clean."""

import pytest

from lms.models import User
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_person_signs_up_with_their_legal_name(page, live_server, home_page):
    page.goto("/en/accounts/signup/")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # A pasted name with a zero-width space is refused, and nothing is created.
    page.get_by_label("Given name(s), as on your identity card").fill("Marc\u200b Antoine")
    page.get_by_label("Family name, as on your identity card").fill("Dupont")
    page.get_by_label("Email").fill("marc@example.be")
    page.get_by_label("Username").fill("marc")
    page.locator("#id_password1").fill("a-long-and-unusual-passphrase")
    page.locator("#id_password2").fill("a-long-and-unusual-passphrase")
    page.get_by_label("I accept the terms of use and the privacy notice.").check()
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_text("invisible or control character").first.wait_for()
    assert not User.objects.filter(username="marc").exists()
    assert_accessible(page)

    page.get_by_label("Given name(s), as on your identity card").fill("Marc  Antoine")
    page.locator("#id_password1").fill("a-long-and-unusual-passphrase")
    page.locator("#id_password2").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_load_state()
    user = User.objects.get(username="marc")
    assert user.legal_name == "Marc Antoine Dupont"

    page.goto("/en/me/")
    assert page.get_by_label("Given name(s), as on your identity card").input_value() == (
        "Marc Antoine"
    )
    assert page.get_by_label("Family name, as on your identity card").input_value() == "Dupont"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_a_learner_without_a_name_gives_it_on_my_learning_and_gets_the_certificate(
    page, live_server, home_page, settings, tmp_path
):
    from wagtail.rich_text import RichText

    from certificates.models import Certificate
    from certificates.tests.conftest import make_catalog, make_course
    from courses.models import LessonPage, ModulePage
    from lms.services import enrolment_create, lesson_progress_record
    from lms.tests.factories import UserFactory, exam_attempt_record

    settings.MEDIA_ROOT = tmp_path / "media"
    course = make_course(make_catalog(home_page), "security", validity=24)
    module = course.add_child(instance=ModulePage(title="Module 1", slug="module-1"))
    lesson = module.add_child(
        instance=LessonPage(
            title="Strong passwords",
            slug="strong-passwords",
            body=[("paragraph", RichText("<p>Use a password manager.</p>"))],
        )
    )
    learner = UserFactory(
        first_name="", last_name="", legal_name_source="", preferred_language="en"
    )
    enrolment = enrolment_create(learner=learner, course=course, source="self")
    # The final exam is passed (its own journey is test_certified_journey).
    exam_attempt_record(user=learner, course=course)
    lesson_progress_record(
        enrolment=enrolment, lesson=lesson, event="completed", idempotency_key="done"
    )
    assert not Certificate.objects.exists()

    sign_in(page, learner, live_server)
    page.goto("/en/learning/")
    page.get_by_role(
        "heading", name="Give your name as on your identity card to receive your certificate"
    ).wait_for()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_label("Given name(s), as on your identity card").fill("Marc")
    page.get_by_label("Family name, as on your identity card").fill("Dupont")
    page.get_by_role("button", name="Save my name and receive my certificate").click()
    page.get_by_text("Your certificate is being issued in the name you gave.").wait_for()
    assert Certificate.objects.get(holder=learner).content["holder_name"] == "Marc Dupont"
    assert_accessible(page)
