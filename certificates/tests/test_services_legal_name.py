"""A certificate is issued only with a legal name; a completion without one
waits, and giving the name issues it, exactly once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from certificates import services, tasks
from certificates.models import Certificate
from certificates.tests.helpers import issue_after_exam
from lms.models import Enrolment, User
from lms.services import (
    enrolment_create,
    lesson_progress_record,
    quiz_attempt_start,
    quiz_attempt_submit,
    user_legal_name_set,
)
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _pass(enrolment, tree, lesson):
    attempt, _ = quiz_attempt_start(
        enrolment=enrolment, lesson=lesson, activity_key=tree.quiz_key(lesson)
    )
    answers = {q["question"]: tree.correct[q["question"]] for q in attempt.questions}
    quiz_attempt_submit(attempt=attempt, answers=answers)


def _complete(tree, learner, capture) -> Enrolment:
    """Complete the course the way a learner does, running what waits for commit."""
    with capture(execute=True):
        enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
        for lesson in tree.lessons:
            lesson_progress_record(
                enrolment=enrolment,
                lesson=lesson,
                event="completed",
                idempotency_key=str(lesson.pk),
            )
        _pass(enrolment, tree, tree.practice_lesson)
        _pass(enrolment, tree, tree.exam_lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    return enrolment


@pytest.fixture
def tree(home_page):
    return course_tree(home_page)


@pytest.fixture
def nameless(db):
    """A self-registered learner from before sign-up asked for a name."""
    return UserFactory(
        username="marc", first_name="", last_name="", legal_name_source="", display_name="marc"
    )


def test_a_new_learners_certificate_carries_the_legal_name(
    tree, django_capture_on_commit_callbacks
):
    learner = UserFactory(first_name="Marc Antoine", last_name="Dupont", display_name="Marco")
    _complete(tree, learner, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(holder=learner)
    assert certificate.content["holder_name"] == "Marc Antoine Dupont"


def test_the_certificate_never_carries_the_username_or_greeting(security_course, nameless):
    assert issue_after_exam(user=nameless, course=security_course) is None
    assert not Certificate.objects.exists()


def test_a_completion_without_a_legal_name_stands_and_waits(
    tree, nameless, django_capture_on_commit_callbacks
):
    enrolment = _complete(tree, nameless, django_capture_on_commit_callbacks)
    assert enrolment.completed_at is not None
    assert not Certificate.objects.filter(holder=nameless).exists()
    result = tasks.certificate_issue_for_completion.apply(
        args=[nameless.pk, tree.course.pk, enrolment.pk, None]
    ).get()
    assert result == "waiting for the legal name"


def test_giving_the_name_issues_exactly_one_certificate(
    client, tree, nameless, django_capture_on_commit_callbacks, mailoutbox
):
    enrolment = _complete(tree, nameless, django_capture_on_commit_callbacks)
    client.force_login(nameless)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("lms:legal_name"),
            {"given_name": "Marc", "family_name": "Dupont", "next": "/en/learning/"},
        )
    assert response.status_code == 302
    assert response["Location"] == "/en/learning/"
    certificate = Certificate.objects.get(holder=nameless)
    assert certificate.content["holder_name"] == "Marc Dupont"
    assert certificate.enrolment_id == enrolment.pk
    # The certificate dates from the completion, not from the day the name came.
    assert certificate.issued_at == enrolment.completed_at
    assert len(mailoutbox) == 1
    # Giving it again (a double click) issues nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("lms:legal_name"), {"given_name": "Marc", "family_name": "Dupont"})
    assert Certificate.objects.filter(holder=nameless).count() == 1
    assert AuditEntry.objects.filter(action="certificates.issue").count() == 1


def test_a_bad_name_on_the_prompt_is_refused_and_nothing_issued(
    client, tree, nameless, django_capture_on_commit_callbacks
):
    _complete(tree, nameless, django_capture_on_commit_callbacks)
    client.force_login(nameless)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("lms:legal_name"), {"given_name": "Ma\u200brc", "family_name": "Dupont"}
        )
    assert response.status_code == 400
    assert "invisible or control character" in response.content.decode()
    nameless.refresh_from_db()
    assert (nameless.first_name, nameless.last_name) == ("", "")
    assert not Certificate.objects.exists()


def test_the_sweep_issues_what_a_lost_task_left_behind(
    tree, nameless, django_capture_on_commit_callbacks
):
    _complete(tree, nameless, django_capture_on_commit_callbacks)
    # The name arrives while the broker is down: the signal's task is lost.
    User.objects.filter(pk=nameless.pk).update(first_name="Marc", last_name="Dupont")
    assert not Certificate.objects.exists()
    assert services.certificates_pending_sweep() == 1
    assert services.certificates_pending_sweep() == 0
    assert Certificate.objects.get().content["holder_name"] == "Marc Dupont"


def test_the_sweep_leaves_children_and_nameless_learners_alone(
    tree, nameless, django_capture_on_commit_callbacks
):
    child = UserFactory(account_type=User.AccountType.YOUNG, first_name="Noah", last_name="D")
    _complete(tree, nameless, django_capture_on_commit_callbacks)
    _complete(tree, child, django_capture_on_commit_callbacks)
    assert services.certificates_pending_sweep() == 0
    assert not Certificate.objects.exists()


@pytest.mark.parametrize(
    "page", ["lms:dashboard", "certificates:mine", "course"], ids=["learning", "mine", "course"]
)
def test_the_learner_is_asked_for_the_name_where_they_look(
    client, tree, nameless, django_capture_on_commit_callbacks, page
):
    _complete(tree, nameless, django_capture_on_commit_callbacks)
    client.force_login(nameless)
    url = tree.course.url if page == "course" else reverse(page)
    content = client.get(url).content.decode()
    assert "Give your name as on your identity card to receive your certificate" in content
    assert f'action="{reverse("lms:legal_name")}"' in content


def test_nobody_is_asked_once_the_name_is_known(client, tree, django_capture_on_commit_callbacks):
    learner = UserFactory()
    _complete(tree, learner, django_capture_on_commit_callbacks)
    client.force_login(learner)
    for url in (reverse("lms:dashboard"), reverse("certificates:mine"), tree.course.url):
        assert "to receive your certificate" not in client.get(url).content.decode()


def test_a_name_on_a_certificate_is_no_longer_edited_freely(client, security_course, learner):
    issue_after_exam(user=learner, course=security_course)
    client.force_login(learner)
    page = client.get(reverse("lms:profile")).content.decode()
    assert "Request a correction" in page
    assert 'name="given_name"' not in page
    # A forged post of the fields changes nothing.
    client.post(
        reverse("lms:profile"),
        {
            "given_name": "Other",
            "family_name": "Name",
            "display_name": "L",
            "preferred_language": "nl",
        },
    )
    response = client.post(
        reverse("lms:legal_name"), {"given_name": "Other", "family_name": "Name"}
    )
    assert response.status_code == 400
    assert (
        "Ask for a correction instead" in response.content.decode()
        or "Vraag in de plaats" in response.content.decode()
    )
    learner.refresh_from_db()
    assert learner.legal_name == "Lotte Peeters"


def test_before_any_certificate_the_account_page_edits_the_legal_name(client, home_page):
    person = UserFactory(first_name="Lote", last_name="Peeters")
    client.force_login(person)
    page = client.get("/en/me/").content.decode()
    assert "Given name(s), as on your identity card" in page
    response = client.post(
        "/en/me/",
        {
            "given_name": "Lotte",
            "family_name": "Peeters",
            "display_name": "Lotte",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.legal_name == "Lotte Peeters"
    assert "your full name is" not in page.lower()


def test_half_a_name_on_the_account_page_is_refused(client, home_page):
    person = UserFactory(first_name="", last_name="")
    client.force_login(person)
    response = client.post(
        "/en/me/",
        {
            "given_name": "Lotte",
            "family_name": " ",
            "display_name": "L",
            "preferred_language": "en",
        },
    )
    assert "Give the name as on your identity card." in response.content.decode().replace(
        "&#x27;", "'"
    )
    person.refresh_from_db()
    assert person.first_name == ""


def test_a_child_has_no_legal_name_and_no_prompt(client, home_page, child):
    with pytest.raises(Exception) as caught:
        user_legal_name_set(user=child, given_name="Noah", family_name="Dubois")
    assert getattr(caught.value, "code", "") == "young_no_legal_name"
    client.force_login(child)
    response = client.post(
        reverse("lms:legal_name"), {"given_name": "Noah", "family_name": "Dubois"}
    )
    assert response.status_code == 400
    assert "Given name(s)" not in client.get(reverse("lms:profile")).content.decode()


def test_completions_the_issuer_refuses_never_hold_up_the_sweep(
    tree, nameless, django_capture_on_commit_callbacks
):
    # A completion recorded without a passed exam (before the exam rule, or
    # by an import) is not what the sweep waits for: with a batch of one, the
    # learner behind it still gets their certificate.
    stale = UserFactory(first_name="Old", last_name="Completion")
    enrolment = enrolment_create(learner=stale, course=tree.course, source="self")
    Enrolment.objects.filter(pk=enrolment.pk).update(
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now() - timedelta(days=400)
    )
    _complete(tree, nameless, django_capture_on_commit_callbacks)
    User.objects.filter(pk=nameless.pk).update(first_name="Marc", last_name="Dupont")
    assert services.certificates_pending_sweep(limit=1) == 1
    assert Certificate.objects.get().holder_id == nameless.pk
