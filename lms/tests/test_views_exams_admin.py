"""Editors' exam pages in the Wagtail admin: the integrity summary per course
and the statistics per question; editors only, by model permission."""

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Question
from lms.models import Attempt, Enrolment
from lms.roles import Role
from lms.selectors.exam_stats import bank_question_stats
from lms.services import role_grant
from lms.tests.content import blueprint, course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(username="editor-ines")
    role_grant(user=user, role=Role.EDITOR, granted_by=None)
    client.force_login(user)
    return client


def _urls(tree):
    return [
        reverse("exam_integrity_index"),
        reverse("exam_integrity_course", args=[tree.course.pk]),
        reverse("exam_bank_statistics", args=[tree.exam_bank.pk]),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, tree):
    for url in _urls(tree):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_learner_cannot_see_exam_statistics(client, tree, learner):
    client.force_login(learner)
    for url in _urls(tree):
        assert client.get(url).status_code in (302, 403)


def test_staff_status_alone_is_not_enough(client, tree):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for url in _urls(tree):
        response = client.get(url)
        # Wagtail answers a refusal with a redirect to the admin home.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_an_editor_sees_the_integrity_summary(editor, tree):
    page = editor.get(reverse("exam_integrity_course", args=[tree.course.pk])).content.decode()
    # Blueprint 4.1 x2 and 4.2 x2 (needs 10 each), the bank holds 3 per cell.
    assert 'data-cell="4.1-1-en">3 ✗' in page
    assert 'data-cell="4.2-1-en">3 ✗' in page
    assert "needs attention" in page
    assert 'data-overlap="0"' in page


def test_the_summary_finds_an_exam_question_in_practice_by_its_prompt(editor, tree):
    exam_question = Question.objects.filter(bank=tree.exam_bank).first()
    practice_question = Question.objects.filter(bank=tree.practice_bank).first()
    practice_question.prompt = f"  {exam_question.prompt.upper()} "
    practice_question.save()
    page = editor.get(reverse("exam_integrity_course", args=[tree.course.pk])).content.decode()
    assert 'data-overlap="1"' in page


def test_the_summary_finds_a_shared_stable_id_across_languages(editor, tree):
    from wagtail.models import Locale

    exam_question = Question.objects.filter(bank=tree.exam_bank).first()
    Question.objects.filter(pk=exam_question.pk).update(key="sec-4.1-001")
    practice_question = Question.objects.filter(bank=tree.practice_bank).first()
    Question.objects.filter(pk=practice_question.pk).update(
        key="sec-4.1-001", locale=Locale.objects.get(language_code="fr")
    )
    page = editor.get(reverse("exam_integrity_course", args=[tree.course.pk])).content.decode()
    assert 'data-overlap="1"' in page and "sec-4.1-001" in page


def _attempts(tree, results):
    """Closed exam attempts: each a dict question key -> answered right."""
    keys = [
        str(k)
        for k in Question.objects.filter(bank=tree.exam_bank).values_list(
            "translation_key", flat=True
        )
    ]
    activity_key = tree.quiz_key(tree.exam_lesson)
    for right in results:
        learner = UserFactory()
        enrolment = Enrolment.objects.create(
            learner=learner,
            course=tree.course,
            course_key=tree.course.translation_key,
            source="self",
        )
        drawn = [k for k in keys if k in right]
        score = sum(right.values())
        Attempt.objects.create(
            enrolment=enrolment,
            lesson_key=tree.exam_lesson.translation_key,
            activity_key=activity_key,
            exam=True,
            number=1,
            status=Attempt.Status.SUBMITTED,
            questions=[{"question": k, "kind": "single", "choices": []} for k in drawn],
            answers={k: tree.correct[k] if right[k] else [tree.wrong[k]] for k in drawn},
            score=score,
            max_score=len(drawn),
            pass_mark_percent=50,
            passed=2 * score >= len(drawn),
            submitted_at=timezone.now(),
        )
    return keys


def test_statistics_give_draws_share_correct_and_discrimination(tree):
    keys = [
        str(k)
        for k in Question.objects.filter(bank=tree.exam_bank)
        .order_by("pk")
        .values_list("translation_key", flat=True)
    ]
    good, easy, other = keys[0], keys[1], keys[2]
    # Twenty attempts: the strong half gets `good` and `other` right, the weak
    # half neither; everybody gets `easy` right.
    results = [{good: strong, easy: True, other: strong} for strong in [True] * 10 + [False] * 10]
    _attempts(tree, results)
    stats = {q.key: q for q in bank_question_stats(bank=tree.exam_bank).questions}
    assert stats[good].drawn == 20 and stats[good].correct == 10
    assert stats[good].discrimination == 1.0
    assert stats[good].flags == []
    assert stats[easy].share_correct == 1.0
    assert stats[easy].discrimination == 0.0
    assert set(stats[easy].flags) == {"weak", "too_easy"}
    # Never drawn: no share, no discrimination, no flag.
    assert stats[keys[3]].drawn == 0 and stats[keys[3]].discrimination is None


def test_over_exposure_is_flagged(home_page):
    tree = course_tree(home_page, exam={"blueprint": blueprint(("4.1", 1, 1), ("4.2", 1, 1))})
    keys = [
        str(k)
        for k in Question.objects.filter(bank=tree.exam_bank)
        .order_by("pk")
        .values_list("translation_key", flat=True)
    ]
    # Blueprint: 1 of the 3 questions of each cell per attempt, so each is
    # expected in 1/3 of attempts (4 of 12); keys[0] (4.1) is in all twelve,
    # keys[4] (4.1) in six (1.5 times: not over the limit).
    _attempts(tree, [{keys[0]: True, **({keys[4]: True} if n % 2 else {})} for n in range(12)])
    stats = {q.key: q for q in bank_question_stats(bank=tree.exam_bank).questions}
    assert stats[keys[0]].expected == pytest.approx(4.0)
    assert "over_exposed" in stats[keys[0]].flags
    assert "over_exposed" not in stats[keys[4]].flags


def test_the_bank_page_lists_every_question_with_its_flags(editor, tree):
    page = editor.get(reverse("exam_bank_statistics", args=[tree.exam_bank.pk])).content.decode()
    assert page.count("data-question=") == 6


def test_the_course_list_costs_the_same_queries_for_one_or_three_courses(
    editor, home_page, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    course_tree(home_page, title="First course")
    url = reverse("exam_integrity_index")
    editor.get(url)  # warm the caches (site, menus)
    with CaptureQueriesContext(connection) as one:
        assert editor.get(url).status_code == 200
    course_tree(home_page, title="Second course")
    course_tree(home_page, title="Third course")
    with django_assert_num_queries(len(one.captured_queries)):
        page = editor.get(url).content.decode()
    assert "Third course" in page and "First course" in page
