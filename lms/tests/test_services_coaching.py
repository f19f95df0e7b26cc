"""Services of digital helpers: consent in force only until it expires or is
withdrawn, helpers act only while active and for their organisation, live
sessions mark work assisted and close exams, the journal is append-only."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from lms.exceptions import LearningError
from lms.hooks.coaching import helper_holds_training
from lms.models import Attempt, HelperConsent, HelperJournalEntry, HelperProfile, ProgressEvent
from lms.selectors.coaching import assisted_session_open, attempts_assisted_split, consent_valid
from lms.services import lesson_progress_record, quiz_attempt_start
from lms.services.cards import login_card_issue, login_card_redeem
from lms.services.coaching import (
    CoachingError,
    assisted_account_create,
    assisted_account_take_over,
    coaching_session_log,
    consent_answer,
    consent_request,
    consent_withdraw,
    helper_profile_activate,
    helper_profile_suspend,
    live_session_end,
    live_session_start,
)
from lms.tasks import consent_reminders_send
from lms.tests.factories import UserFactory
from lms.tests.factories_coaching import (
    AssistedUserFactory,
    ConsentFactory,
    HelperProfileFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(db):
    return HelperProfileFactory()


@pytest.fixture
def helper(profile):
    return profile.user


def test_a_consent_given_on_screen_is_in_force_until_it_expires(profile, helper, learner):
    consent = consent_request(
        helper=helper,
        learner=learner,
        see_progress=True,
        enrol=False,
        act_in_session=False,
        duration="1d",
    )
    assert consent_valid(profile=profile, learner=learner) is None  # not answered yet
    consent_answer(consent=consent, learner=learner, accept=True)
    assert consent_valid(profile=profile, learner=learner, scope="see_progress") == consent
    assert consent_valid(profile=profile, learner=learner, scope="enrol") is None
    HelperConsent.objects.filter(pk=consent.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert consent_valid(profile=profile, learner=learner) is None


def test_answering_a_request_twice_counts_once(helper, learner):
    consent = consent_request(
        helper=helper,
        learner=learner,
        see_progress=True,
        enrol=False,
        act_in_session=False,
        duration="1m",
    )
    first = consent_answer(consent=consent, learner=learner, accept=True)
    second = consent_answer(consent=consent, learner=learner, accept=False)
    assert second.status == HelperConsent.Status.GIVEN
    assert second.expires_at == first.expires_at


def test_a_withdrawn_consent_gives_no_access_at_once(profile, helper, learner):
    consent = ConsentFactory(learner=learner, helper=helper)
    assert consent_valid(profile=profile, learner=learner) == consent
    assert consent_withdraw(consent=consent, learner=learner) is True
    assert consent_valid(profile=profile, learner=learner) is None
    assert consent_withdraw(consent=consent, learner=learner) is False


def test_an_organisation_consent_covers_its_helpers_only(profile, learner):
    ConsentFactory(learner=learner, organisation=profile.organisation)
    colleague = HelperProfileFactory(organisation=profile.organisation)
    stranger = HelperProfileFactory()  # another organisation
    assert consent_valid(profile=profile, learner=learner) is not None
    assert consent_valid(profile=colleague, learner=learner) is not None
    assert consent_valid(profile=stranger, learner=learner) is None


def test_a_suspended_helper_cannot_act(profile, helper, learner):
    ConsentFactory(learner=learner, helper=helper)
    helper_profile_suspend(profile=profile, suspended_by=UserFactory(is_staff=True))
    with pytest.raises(CoachingError) as error:
        coaching_session_log(
            helper=helper,
            learner=learner,
            held_on=timezone.localdate(),
            duration_minutes=30,
            place="Library",
            mode="in_person",
        )
    assert error.value.code == "helper_inactive"


def test_activation_waits_for_the_training_certificate(db):
    organisation = OrganisationFactory(
        helper_training_course_key="6f1d3c9e-0000-4000-8000-000000000001"
    )
    profile = HelperProfileFactory(organisation=organisation, status=HelperProfile.Status.PENDING)
    manager = UserFactory(is_staff=True)
    assert not helper_holds_training(
        user=profile.user, course_key=organisation.helper_training_course_key
    )
    with pytest.raises(CoachingError) as error:
        helper_profile_activate(
            profile=profile, activated_by=manager, has_required_certificate=False
        )
    assert error.value.code == "training_missing"
    helper_profile_activate(profile=profile, activated_by=manager, has_required_certificate=True)
    profile.refresh_from_db()
    assert profile.status == HelperProfile.Status.ACTIVE
    assert profile.activated_by == manager


def test_an_assisted_account_is_created_in_the_persons_language_with_paper_consent(profile, helper):
    person, consent = assisted_account_create(
        helper=helper,
        display_name="Mariette Dubois",
        preferred_language="fr",
    )
    assert person.account_type == "assisted"
    assert person.preferred_language == "fr"
    assert person.email == ""
    assert not person.has_usable_password()
    assert consent.given_how == "paper" and consent.paper_reference.startswith("DSK-")
    # Pending until the person confirms it: no access yet.
    assert consent.status == "pending"
    assert consent_valid(profile=profile, learner=person) is None
    consent_answer(consent=consent, learner=person, accept=True)
    assert consent_valid(profile=profile, learner=person) == consent
    actions = set(
        HelperJournalEntry.objects.filter(learner=person).values_list("action", flat=True)
    )
    assert actions == {"account_created", "consent_recorded"}


@pytest.fixture
def assisted(db):
    return AssistedUserFactory()


def test_a_card_code_signs_in_once(assisted):
    learner = assisted
    code = login_card_issue(user=learner, issued_by=None)
    assert login_card_redeem(username=learner.username, code=code.lower()) == learner
    assert login_card_redeem(username=learner.username, code=code) is None


def test_a_replaced_card_no_longer_signs_in(assisted):
    learner = assisted
    old = login_card_issue(user=learner, issued_by=None)
    new = login_card_issue(user=learner, issued_by=None)
    assert login_card_redeem(username=learner.username, code=old) is None
    assert login_card_redeem(username=learner.username, code=new) == learner


def test_an_expired_card_no_longer_signs_in(assisted):
    learner = assisted
    code = login_card_issue(user=learner, issued_by=None)
    learner.login_cards.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert login_card_redeem(username=learner.username, code=code) is None


def test_taking_over_makes_a_standard_account_and_keeps_consents(helper):
    person, consent = assisted_account_create(
        helper=helper, display_name="Jan", preferred_language="nl"
    )
    consent_answer(consent=consent, learner=person, accept=True)
    assisted_account_take_over(user=person, email="jan@example.be", password="a-long-pass-2026!")
    person.refresh_from_db()
    assert person.account_type == "standard"
    assert person.check_password("a-long-pass-2026!")
    assert person.password_chosen_at is not None
    consent.refresh_from_db()
    assert consent.in_force


def test_the_journal_refuses_changes_and_deletions(helper, learner):
    ConsentFactory(learner=learner, helper=helper)
    session = coaching_session_log(
        helper=helper,
        learner=learner,
        held_on=timezone.localdate(),
        duration_minutes=45,
        place="Library",
        mode="phone",
    )
    entry = HelperJournalEntry.objects.get(learner=learner, action="session_logged")
    assert entry.data["session"] == session.pk
    entry.action = "other"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        HelperJournalEntry.objects.filter(pk=entry.pk).update(action="other")
    with pytest.raises(PermissionDenied):
        HelperJournalEntry.objects.filter(pk=entry.pk).delete()
    assert HelperJournalEntry.objects.get(pk=entry.pk).action == "session_logged"


def test_learning_during_a_live_session_is_assisted(helper, enrolment, tree):
    ConsentFactory(learner=enrolment.learner, helper=helper)
    live_session_start(helper=helper, learner=enrolment.learner)
    event, _ = lesson_progress_record(
        enrolment=enrolment, lesson=tree.lessons[0], event="completed", idempotency_key="k1"
    )
    attempt, _ = quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.practice_lesson,
        activity_key=tree.quiz_key(tree.practice_lesson),
    )
    assert event.assisted is True
    assert attempt.assisted is True


def test_learning_after_the_session_ends_is_not_assisted(helper, enrolment, tree):
    ConsentFactory(learner=enrolment.learner, helper=helper)
    live_session_start(helper=helper, learner=enrolment.learner)
    assert live_session_end(helper=helper, learner=enrolment.learner) is True
    event, _ = lesson_progress_record(
        enrolment=enrolment, lesson=tree.lessons[0], event="completed", idempotency_key="k1"
    )
    assert event.assisted is False
    assert not ProgressEvent.objects.filter(assisted=True).exists()


@pytest.mark.parametrize("session", ["open", "ended", "past its three hours"])
def test_a_lesson_marked_done_on_the_site_is_assisted_only_while_a_session_is_open(
    client, helper, enrolment, tree, session
):
    # Through the page's button: the enrolment read tells whether a session is open.
    ConsentFactory(learner=enrolment.learner, helper=helper)
    live = live_session_start(helper=helper, learner=enrolment.learner)
    if session == "ended":
        live_session_end(helper=helper, learner=enrolment.learner)
    elif session == "past its three hours":
        type(live).objects.filter(pk=live.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    client.force_login(enrolment.learner)
    client.get(tree.lessons[0].url)
    response = client.post(reverse("lms:lesson_complete", args=[tree.lessons[0].pk]))
    assert response.status_code == 302
    event = ProgressEvent.objects.get(enrolment=enrolment, kind="completed")
    assert event.assisted is (session == "open")


def test_a_live_session_closes_by_itself_after_three_hours(helper, learner):
    ConsentFactory(learner=learner, helper=helper)
    session = live_session_start(helper=helper, learner=learner)
    assert assisted_session_open(learner)
    type(session).objects.filter(pk=session.pk).update(
        ends_at=timezone.now() - timedelta(seconds=1)
    )
    assert not assisted_session_open(learner)


def test_an_exam_cannot_start_during_a_live_session(helper, enrolment, tree):
    ConsentFactory(learner=enrolment.learner, helper=helper)
    live_session_start(helper=helper, learner=enrolment.learner)
    with pytest.raises(LearningError) as error:
        quiz_attempt_start(
            enrolment=enrolment,
            lesson=tree.exam_lesson,
            activity_key=tree.quiz_key(tree.exam_lesson),
        )
    assert error.value.code == "exam_assisted_session"
    assert not Attempt.objects.filter(exam=True).exists()


def test_a_live_session_needs_the_act_in_session_scope(helper, learner):
    ConsentFactory(learner=learner, helper=helper, act_in_session=False)
    with pytest.raises(CoachingError) as error:
        live_session_start(helper=helper, learner=learner)
    assert error.value.code == "no_consent"


def test_withdrawing_ends_the_live_session(helper, learner):
    consent = ConsentFactory(learner=learner, helper=helper)
    live_session_start(helper=helper, learner=learner)
    consent_withdraw(consent=consent, learner=learner)
    assert not assisted_session_open(learner)


def test_the_split_counts_assisted_and_alone_attempts(helper, enrolment, tree):
    key = tree.quiz_key(tree.practice_lesson)
    ConsentFactory(learner=enrolment.learner, helper=helper)
    live_session_start(helper=helper, learner=enrolment.learner)
    attempt, _ = quiz_attempt_start(
        enrolment=enrolment, lesson=tree.practice_lesson, activity_key=key
    )
    Attempt.objects.filter(pk=attempt.pk).update(status="submitted")
    assert attempts_assisted_split(course_key=enrolment.course_key) == {"alone": 0, "assisted": 1}


def test_the_reminder_is_sent_once_seven_days_before_the_end(helper, learner):
    consent = ConsentFactory(learner=learner, helper=helper)
    HelperConsent.objects.filter(pk=consent.pk).update(
        expires_at=timezone.now() + timedelta(days=6)
    )
    ConsentFactory(learner=UserFactory(), helper=helper)  # ends in six months: not yet
    assert consent_reminders_send() == 1
    assert consent_reminders_send() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]


def test_the_reminders_name_each_organisation_with_one_question_for_all(
    profile, django_assert_num_queries
):
    people = [UserFactory(preferred_language="en") for _ in range(3)]
    for person in people:
        ConsentFactory(learner=person, organisation=profile.organisation)
    HelperConsent.objects.update(expires_at=timezone.now() + timedelta(days=6))
    # The consents with their people, the organisation's name once, then a
    # claim of each reminder before its e-mail.
    with django_assert_num_queries(2 + len(people)):
        assert consent_reminders_send() == len(people)
    name = profile.organisation.name
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all(f"The helpers of {name} may help you" in m.body for m in mail.outbox)


def test_no_reminder_without_e_mail(helper):
    person, consent = assisted_account_create(
        helper=helper,
        display_name="Paul",
        preferred_language="de",
        duration="1d",
    )
    assert consent_reminders_send() == 0
    assert mail.outbox == []
