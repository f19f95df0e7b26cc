"""The coding-for-kids course is built on the puzzles: a lesson is done only
when the server has replayed a solution of each of its levels, there is no
"mark as done", the course completes when every required level is solved, and
what a child earns is a class diploma printed by the teacher (no code)."""

import io
import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from conftest import module_rows
from courses.content.files import COURSES_DIR, course_read
from courses.models import CatalogPage, CoursePage, LessonPage
from courses.puzzles.demo import seed as levels_seed
from courses.puzzles.files import puzzle_levels_from_files
from courses.services import site_bootstrap
from courses.services_content import course_load
from courses.tests.puzzle_programs import move, program, right, solutions
from frontend.tests.pdf_reading import pdf_text, qr_texts
from lms.models import Enrolment, ProgressEvent, PuzzleProgress
from lms.selectors import course_progress
from lms.services import completion_evaluate, enrolment_create
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Every level, world by world: the course has one puzzle lesson per world.
ALL_LEVELS = [level.number for level in puzzle_levels_from_files()]


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.PUZZLES_CHECK_RATE = "1000/60"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def _course_id(django_db_setup, django_db_blocker):
    """The kids course loaded once for the module (it takes seconds)."""
    with module_rows(django_db_blocker):
        home = site_bootstrap()
        levels_seed()
        catalogue = CatalogPage.objects.child_of(home).get()
        yield course_load(catalogue=catalogue, data=course_read(COURSES_DIR / "coding-for-kids")).pk


@pytest.fixture
def course(db, _course_id):
    return CoursePage.objects.get(pk=_course_id)


def lesson(course, slug) -> LessonPage:
    return LessonPage.objects.descendant_of(course).get(slug=slug)


@pytest.fixture
def enrolled(course, child):
    return enrolment_create(learner=child.user, course=course, source=Enrolment.Source.SELF)


def check(client, number, prog):
    with translation.override("en"):
        target = reverse("puzzles:check", args=[number])
    return client.post(target, json.dumps({"program": prog}), content_type="application/json")


def solve(client, numbers):
    for number in numbers:
        assert check(client, number, solutions()[number]).json()["solved"] is True, number


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"lms:{name}", args=args)


# --- the content ---------------------------------------------------------------


def test_every_required_level_is_linked_from_a_lesson_and_no_certificate(course):
    assert course.certificate_enabled is False
    progress_lessons = [x for x in course_lessons(course) if x.required]
    linked = set().union(*(x.puzzle_levels for x in progress_lessons))
    assert linked == set(ALL_LEVELS)
    assert all(x.puzzle_levels for x in progress_lessons)
    assert lesson(course, "meet-pip").required is False


def course_lessons(course):
    from courses.selectors import course_lessons as outline

    return outline(course=course)


@pytest.mark.parametrize("code", ["nl", "fr", "de"])
def test_every_language_links_the_same_levels(course, code):
    translated = CoursePage.objects.get(
        translation_key=course.translation_key, locale__language_code=code
    )
    assert translated.certificate_enabled is False
    levels = {x.translation_key: x.puzzle_levels for x in course_lessons(course)}
    assert {x.translation_key: x.puzzle_levels for x in course_lessons(translated)} == levels


# --- no "mark as done" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "language", "words"),
    [
        ("garden-puzzles", "en", "it is done when you have solved its puzzles"),
        ("garden-puzzles", "nl", "ze is klaar als je de puzzels ervan hebt opgelost"),
        # The intro lesson has no puzzle, but it is in a kids course.
        ("meet-pip", "fr", "elle est terminée quand tu as résolu ses énigmes"),
    ],
)
def test_mark_as_done_is_refused_with_a_translated_message(
    client, course, enrolled, child, slug, language, words
):
    client.force_login(child.user)
    target = url("lesson_complete", lesson(course, slug).pk, language=language)
    response = client.post(target)
    assert response.status_code == 403
    assert words in response.content.decode()
    assert not ProgressEvent.objects.filter(kind=ProgressEvent.Kind.COMPLETED).exists()
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None


def test_a_puzzle_lesson_in_another_track_refuses_mark_as_done_too(course, child):
    from lms.exceptions import LearningError
    from lms.services import lesson_progress_record

    CoursePage.objects.filter(pk=course.pk).update(track="basic")
    course.refresh_from_db()
    enrolment = enrolment_create(learner=child.user, course=course, source="self")
    with pytest.raises(LearningError) as refused:
        lesson_progress_record(
            enrolment=enrolment,
            lesson=lesson(course, "beach-puzzles"),
            event="completed",
            idempotency_key="k1",
        )
    assert refused.value.code == "done_by_puzzles"


def test_a_puzzle_lesson_in_another_track_refuses_the_button_after_being_read(
    client, course, child
):
    # The view takes the lesson from its course's kept lessons: they must know
    # it holds puzzles, as the page does.
    CoursePage.objects.filter(pk=course.pk).update(track="basic")
    enrolment = enrolment_create(learner=child.user, course=course, source="self")
    client.force_login(child.user)
    beach = lesson(course, "beach-puzzles")
    client.get(beach.url)
    response = client.post(url("lesson_complete", beach.pk))
    assert response.status_code == 403
    assert "it is done when you have solved its puzzles" in response.content.decode()
    assert not ProgressEvent.objects.filter(enrolment=enrolment, kind="completed").exists()


def test_a_lesson_of_another_language_version_is_marked_done_for_the_enrolment(client, course):
    # Enrolled through the English course, the learner marks the French
    # lesson done: it counts for the course, and the next French lesson follows.
    CoursePage.objects.filter(translation_key=course.translation_key).update(track="basic")
    learner = UserFactory(preferred_language="fr")
    enrolment = enrolment_create(learner=learner, course=course, source="self")
    french = LessonPage.objects.get(
        translation_key=lesson(course, "meet-pip").translation_key, locale__language_code="fr"
    )
    client.force_login(learner)
    client.get(french.url)
    response = client.post(url("lesson_complete", french.pk, language="fr"))
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/")
    assert response["Location"] != french.url
    event = ProgressEvent.objects.get(enrolment=enrolment, kind="completed")
    assert event.lesson_key == french.translation_key


def test_the_kept_lessons_know_which_hold_puzzles_as_the_pages_do(course):
    from courses.selectors import lesson_has_puzzles

    kept = {x.pk: lesson_has_puzzles(lesson=x) for x in course_lessons(course)}
    pages = LessonPage.objects.descendant_of(course).live()
    assert kept == {page.pk: lesson_has_puzzles(lesson=page) for page in pages}
    assert any(kept.values()) and not all(kept.values())


def test_the_lesson_page_has_no_mark_as_done_and_links_its_levels(client, course, enrolled, child):
    client.force_login(child.user)
    with translation.override("en"):
        page = client.get(lesson(course, "garden-puzzles").url).content.decode()
        level_url = reverse("puzzles:level_play", args=[2])
    assert "Mark as done" not in page
    assert "This lesson is done when you have solved its puzzles." in page
    assert f'href="{level_url}"' in page
    assert "A class diploma from your teacher" in page


def test_the_cards_show_the_stars_the_server_recorded(client, course, enrolled, child):
    client.force_login(child.user)
    solve(client, [1])
    check(client, 2, program(move()))
    page = client.get(lesson(course, "garden-puzzles").url).content.decode()
    assert "Solved: 3 stars" in page
    assert "Not solved yet. Try again!" in page
    assert "Not played yet." in page


# --- completion only from server-replayed solutions -------------------------------


def test_the_course_completes_only_when_the_last_required_level_is_solved(
    client, course, enrolled, child
):
    client.force_login(child.user)
    solve(client, ALL_LEVELS[:-1])
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None
    progress = course_progress(enrolment=enrolled)
    assert not progress.is_completed(lesson(course, "space-puzzles"))
    assert progress.is_completed(lesson(course, "cave-puzzles"))
    assert progress.percent == 75

    solve(client, ALL_LEVELS[-1:])
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None
    assert course_progress(enrolment=enrolled).percent == 100


def test_a_lesson_is_done_only_when_each_of_its_levels_is_solved(client, course, enrolled, child):
    client.force_login(child.user)
    solve(client, ALL_LEVELS[:8])
    first = lesson(course, "garden-puzzles")
    assert not course_progress(enrolment=enrolled).is_completed(first)
    assert not ProgressEvent.objects.filter(lesson_key=first.translation_key).exclude(
        kind=ProgressEvent.Kind.VIEWED
    )
    solve(client, ALL_LEVELS[8:9])  # the ninth level of world 1
    assert course_progress(enrolment=enrolled).is_completed(first)
    assert (
        ProgressEvent.objects.filter(
            enrolment=enrolled, lesson_key=first.translation_key, kind=ProgressEvent.Kind.COMPLETED
        ).count()
        == 1
    )


def test_a_program_the_server_replays_as_failing_does_not_count(client, course, enrolled, child):
    client.force_login(child.user)
    solve(client, [level for level in ALL_LEVELS if level != 1])
    # Claims of success in the body are ignored: the server runs the program.
    target = reverse("puzzles:check", args=[1])
    failing = {"program": program(move(), right()), "solved": True, "stars": 3}
    response = client.post(target, json.dumps(failing), content_type="application/json")
    assert response.json()["solved"] is False
    assert PuzzleProgress.objects.get(user=child.user, level_number=1).solved is False
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None
    assert not course_progress(enrolment=enrolled).is_completed(lesson(course, "garden-puzzles"))


def test_an_old_mark_as_done_event_does_not_complete_a_puzzle_lesson(course, enrolled, child):
    # Written before the puzzles were part of the course, or by any other path.
    for item in course_lessons(course):
        ProgressEvent.objects.create(
            enrolment=enrolled,
            lesson_key=item.translation_key,
            kind=ProgressEvent.Kind.COMPLETED,
            idempotency_key=f"completed:{item.translation_key}",
        )
    assert completion_evaluate(enrolment=enrolled) is False
    progress = course_progress(enrolment=enrolled)
    assert progress.percent == 0 and not progress.rule_met


def test_levels_solved_before_enrolling_count_on_enrolment(client, course, child):
    client.force_login(child.user)
    solve(client, ALL_LEVELS)
    enrolment = enrolment_create(learner=child.user, course=course, source="self")
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_the_kids_course_issues_no_certificate(client, course, enrolled, child):
    from certificates.models import Certificate

    client.force_login(child.user)
    solve(client, ALL_LEVELS)
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None
    assert not Certificate.objects.filter(enrolment_id=enrolled.pk).exists()


# --- every kids page says "class diploma" ---------------------------------------


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", "your teacher can print a class diploma for you"),
        ("nl", "kan je leerkracht een klasdiploma voor je afdrukken"),
        ("fr", "ton enseignant peut imprimer un diplôme de classe pour toi"),
        ("de", "kann deine Lehrkraft ein Klassendiplom für dich drucken"),
    ],
)
def test_the_course_and_puzzle_pages_state_the_class_diploma(client, course, code, words):
    page = CoursePage.objects.get(
        translation_key=course.translation_key, locale__language_code=code
    )
    module = page.get_children().live().first()
    with translation.override(code):
        pages = [
            page.url,
            module.url,
            reverse("puzzles:level_list"),
            reverse("puzzles:level_play", args=[1]),
        ]
    for target in pages:
        response = client.get(target)
        assert response.status_code == 200, target
        assert words in response.content.decode(), target
    assert "Certificate" not in client.get(page.url).content.decode()


# --- class diplomas -------------------------------------------------------------


def test_the_diplomas_list_only_the_children_who_completed(
    client, course, section, children, teacher
):
    emma, noah, lina = children
    for kid, levels in ((emma, ALL_LEVELS), (noah, ALL_LEVELS[:-1])):
        enrolment_create(learner=kid.user, course=course, source="self")
        client.force_login(kid.user)
        solve(client, levels)
    client.force_login(teacher)
    response = client.get(url("section_diplomas", section.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # A4 landscape
    text = pdf_text(response.content)
    assert "Emma" in text and "Noah" not in text and "Lina" not in text
    assert "Class diploma" in text and section.name in text and "Coding for kids" in text
    assert "It is not a public" in text


def test_the_diplomas_carry_no_verification_code_and_no_qr(client, course, section, child, teacher):
    from certificates.models import Certificate

    enrolment_create(learner=child.user, course=course, source="self")
    client.force_login(child.user)
    solve(client, ALL_LEVELS)
    client.force_login(teacher)
    data = client.get(url("section_diplomas", section.pk)).content
    text = pdf_text(data)
    assert qr_texts(data, all_pages=True) == []
    assert "verif" not in text.lower() and "http" not in text
    assert not Certificate.objects.exists()


def test_the_diplomas_are_in_the_class_language(client, course, section, child, teacher):
    type(section).objects.filter(pk=section.pk).update(language="nl")
    enrolment_create(learner=child.user, course=course, source="self")
    client.force_login(child.user)
    solve(client, ALL_LEVELS)
    client.force_login(teacher)
    text = pdf_text(client.get(url("section_diplomas", section.pk)).content)
    assert "Klasdiploma" in text and "Programmeren voor kinderen" in text


def test_without_completions_the_pdf_says_so(client, section, children, teacher):
    client.force_login(teacher)
    text = pdf_text(client.get(url("section_diplomas", section.pk)).content)
    assert "No child of this class has completed the coding course yet." in text


def test_the_class_page_offers_the_diplomas(client, section, teacher):
    client.force_login(teacher)
    page = client.get(url("section_detail", section.pk)).content.decode()
    assert url("section_diplomas", section.pk) in page and "Print class diplomas" in page


def test_another_teacher_cannot_print_my_class_diplomas(client, section, other_teacher):
    client.force_login(other_teacher)
    assert client.get(url("section_diplomas", section.pk)).status_code == 404


def test_a_learner_or_a_child_cannot_print_class_diplomas(client, section, child):
    for user in (UserFactory(), child.user):
        client.force_login(user)
        assert client.get(url("section_diplomas", section.pk)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in_for_diplomas(client, section):
    response = client.get(url("section_diplomas", section.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_my_learning_and_cohort_progress_count_only_solved_levels(client, course, enrolled, child):
    from lms.selectors import dashboard_courses
    from lms.selectors.learning import enrolments_progress

    first = lesson(course, "garden-puzzles")
    # An old "mark as done" row for the lesson counts for nothing.
    ProgressEvent.objects.create(
        enrolment=enrolled,
        lesson_key=first.translation_key,
        kind=ProgressEvent.Kind.COMPLETED,
        idempotency_key=f"completed:{first.translation_key}",
    )
    (mine,) = dashboard_courses(learner=child.user, language="en")
    assert not mine.is_completed(first) and mine.percent == 0
    client.force_login(child.user)
    solve(client, ALL_LEVELS[:9])  # every level of world 1
    enrolled = Enrolment.objects.select_related("course").get(pk=enrolled.pk)
    (mine,) = dashboard_courses(learner=child.user, language="en")
    cohort = enrolments_progress(enrolments=[enrolled])[enrolled.pk]
    for progress in (mine, cohort):
        assert progress.is_completed(first) and progress.percent == 25


def test_my_learning_counts_the_levels_solved_before_a_lesson_is_done(
    client, course, enrolled, child
):
    client.force_login(child.user)
    solve(client, ALL_LEVELS[:4])

    page = client.get(url("dashboard")).content.decode()

    assert "You solved 4 of 36 levels in this course." in page
    assert "Continue where you left off" in page
    assert "Start the course" not in page
    assert "You solved 4 puzzles and earned 12 stars." in page


def test_my_learning_offers_to_start_before_the_first_level_is_solved(
    client, course, enrolled, child
):
    client.force_login(child.user)
    check(client, ALL_LEVELS[0], program(move()))  # played, not solved

    page = client.get(url("dashboard")).content.decode()

    assert "You solved 0 of 36 levels in this course." in page
    assert "Start the course" in page
    assert "Continue where you left off" not in page


def test_a_solved_level_outside_the_course_does_not_count_for_it(course, enrolled, child):
    from lms.selectors import dashboard_courses

    PuzzleProgress.objects.create(
        user=child.user, level_number=max(ALL_LEVELS) + 1, attempts=1, solved=True, best_stars=3
    )
    PuzzleProgress.objects.create(
        user=child.user, level_number=ALL_LEVELS[0], attempts=1, solved=True, best_stars=2
    )

    (mine,) = dashboard_courses(learner=child.user, language="en")

    assert mine.puzzle_levels == set(ALL_LEVELS)
    assert mine.puzzle_levels_done == 1
    assert mine.started
