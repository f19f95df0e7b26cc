"""The helper's and the person's pages, walked with the test client, and every
refusal: anonymous, not a helper, pending or suspended helper, helper of
another organisation, expired or withdrawn consent, someone else's consent."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from courses.models import DigCompCompetence
from frontend.tests.pdf_reading import pdf_text, qr_texts
from lms.models import Enrolment, HelperConsent, HelperJournalEntry, HelperProfile, User
from lms.roles import Role
from lms.services import enrolment_create, role_grant
from lms.services.cards import login_card_issue
from lms.services.coaching import coaching_session_log, live_session_start
from lms.tests.budgets import ROLES_QUERY
from lms.tests.factories import UserFactory
from lms.tests.factories_coaching import (
    AssistedUserFactory,
    ConsentFactory,
    HelperProfileFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_card_lockouts():
    # The card sign-in page counts failures in the cache (Redis in CI): start clean.
    cache.clear()


@pytest.fixture
def profile(db):
    return HelperProfileFactory()


@pytest.fixture
def helper_client(client, profile):
    client.force_login(profile.user)
    return client


def _code_on_card(text: str) -> str:
    return re.search(r"\b([A-Z0-9]{5}-[A-Z0-9]{5})\b", text).group(1)


def test_the_helper_journey_from_assisted_account_to_withdrawn_consent(
    client, django_user_model, profile, tree
):
    from django.test import Client

    helper = Client()
    helper.force_login(profile.user)
    assert helper.get("/en/helpers/").status_code == 200

    # 1. The helper creates an account for a person without e-mail, in French.
    response = helper.post(
        reverse("lms:helpers_account_new"),
        {
            "display_name": "Mariette Dubois",
            "preferred_language": "fr",
            "see_progress": "on",
            "act_in_session": "on",
            "duration": "6m",
        },
    )
    person = User.objects.get(display_name="Mariette Dubois")
    consent = HelperConsent.objects.get(learner=person)
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:helpers_paper_consent", args=[consent.pk])
    assert person.account_type == "assisted" and person.preferred_language == "fr"
    # The consent form to sign: the person's name, the helper and the reference.
    form = helper.get(reverse("lms:helpers_paper_consent_form", args=[consent.pk]))
    assert form["Content-Type"] == "application/pdf"
    form_text = pdf_text(form.content)
    assert "Mariette Dubois" in form_text and consent.paper_reference in form_text
    assert str(profile.user) in form_text and profile.organisation.name in form_text
    # Pending: the helper sees nothing of the person yet.
    assert helper.get(reverse("lms:helpers_person", args=[person.pk])).status_code == 404

    # 2. ... prints the login card: name, username and code on it, the QR to the sign-in page.
    response = helper.post(reverse("lms:helpers_card", args=[person.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Mariette Dubois" in text
    assert person.username in text
    code = _code_on_card(text)
    assert "Code" in text and "Tapez" in text  # instructions in the person's language
    assert qr_texts(response.content) == [f"http://testserver/fr/card/?u={person.username}"]

    # 3. The person signs in with the card and is invited to choose a password.
    person_client = Client()
    response = person_client.post("/fr/card/", {"username": person.username, "code": code})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_set_password")
    assert person_client.get("/fr/learning/").status_code == 200
    # The code works once.
    again = Client().post("/fr/card/", {"username": person.username, "code": code})
    assert again.status_code == 200 and "_auth_user_id" not in again.client.session
    # Signed in, the person confirms the paper form: the consent starts.
    person_client.post(reverse("lms:my_consent_answer", args=[consent.pk]), {"answer": "accept"})
    consent.refresh_from_db()
    assert consent.in_force and consent.confirmed_by == "person"

    # 4. The helper logs a session; the person reads the notes.
    response = helper.post(
        reverse("lms:helpers_session_log", args=[person.pk]),
        {
            "held_on": timezone.localdate().isoformat(),
            "duration_minutes": "45",
            "place": "Bibliothèque de Namur",
            "mode": "in_person",
            "notes": "Nous avons ouvert la e-Box ensemble.",
        },
    )
    assert response.status_code == 302
    page = person_client.get("/fr/me/helpers/").content.decode()
    assert "Nous avons ouvert la e-Box ensemble." in page

    # 5. An existing learner gives consent on screen to see progress.
    learner = UserFactory(preferred_language="en")
    enrolment_create(learner=learner, course=tree.course, source=Enrolment.Source.SELF)
    response = helper.post(
        reverse("lms:helpers_consent_request"),
        {"who": learner.email.upper(), "see_progress": "on", "duration": "1m"},
    )
    assert response.status_code == 302
    learner_client = Client()
    learner_client.force_login(learner)
    page = learner_client.get("/en/me/helpers/").content.decode()
    assert "see your progress in your courses" in page and "one month" in page
    consent = HelperConsent.objects.get(learner=learner)
    assert helper.get(reverse("lms:helpers_person", args=[learner.pk])).status_code == 404
    learner_client.post(reverse("lms:my_consent_answer", args=[consent.pk]), {"answer": "accept"})

    # 6. The helper sees the progress.
    response = helper.get(reverse("lms:helpers_person", args=[learner.pk]))
    assert response.status_code == 200
    assert tree.course.title in response.content.decode()
    assert learner.display_name in helper.get("/en/helpers/").content.decode()

    # 7. The person withdraws: the helper loses access at that moment.
    learner_client.post(reverse("lms:my_consent_withdraw", args=[consent.pk]))
    assert helper.get(reverse("lms:helpers_person", args=[learner.pk])).status_code == 404
    assert learner.display_name not in helper.get("/en/helpers/").content.decode()
    journal = learner_client.get("/en/me/helpers/").content.decode()
    assert "Looked at your progress" in journal


def test_anonymous_people_are_sent_to_sign_in(client, profile):
    person = ConsentFactory(helper=profile.user).learner
    for url in (
        reverse("lms:helpers"),
        reverse("lms:helpers_person", args=[person.pk]),
        reverse("lms:my_helpers"),
        reverse("lms:helper_profiles"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(reverse("lms:helpers_card", args=[person.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_learner_who_is_not_a_helper_is_refused(client, learner):
    client.force_login(learner)
    assert client.get(reverse("lms:helpers")).status_code == 403
    assert client.get(reverse("lms:helpers_account_new")).status_code == 403
    assert client.get(reverse("lms:helper_profiles")).status_code == 403


@pytest.mark.parametrize("status", [HelperProfile.Status.PENDING, HelperProfile.Status.SUSPENDED])
def test_a_helper_not_active_is_refused(client, status):
    profile = HelperProfileFactory(status=status)
    person = ConsentFactory(helper=profile.user).learner
    client.force_login(profile.user)
    assert client.get(reverse("lms:helpers")).status_code == 403
    assert client.get(reverse("lms:helpers_person", args=[person.pk])).status_code == 403
    assert client.post(reverse("lms:helpers_card", args=[person.pk])).status_code == 403


def test_a_helper_of_another_organisation_sees_nothing(helper_client, profile):
    consent = ConsentFactory(organisation=OrganisationFactory())
    person = consent.learner
    assert helper_client.get(reverse("lms:helpers_person", args=[person.pk])).status_code == 404
    assert helper_client.post(reverse("lms:helpers_card", args=[person.pk])).status_code == 404
    assert (
        helper_client.post(reverse("lms:helpers_live_start", args=[person.pk])).status_code == 404
    )
    assert person.display_name not in helper_client.get(reverse("lms:helpers")).content.decode()


def test_an_expired_consent_gives_no_access(helper_client, profile):
    consent = ConsentFactory(helper=profile.user, duration="1d")
    HelperConsent.objects.filter(pk=consent.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    person = consent.learner
    assert helper_client.get(reverse("lms:helpers_person", args=[person.pk])).status_code == 404
    assert (
        helper_client.get(reverse("lms:helpers_session_log", args=[person.pk])).status_code == 404
    )
    assert person.display_name not in helper_client.get(reverse("lms:helpers")).content.decode()


def test_progress_is_hidden_without_the_see_progress_scope(helper_client, profile, tree):
    consent = ConsentFactory(helper=profile.user, see_progress=False, enrol=False)
    enrolment_create(learner=consent.learner, course=tree.course, source="self")
    response = helper_client.get(reverse("lms:helpers_person", args=[consent.learner.pk]))
    assert response.status_code == 200
    assert tree.course.title not in response.content.decode()
    assert "does not share their progress" in response.content.decode()


def test_a_person_cannot_answer_or_withdraw_someone_elses_consent(client, profile, learner):
    consent = ConsentFactory(helper=profile.user)
    client.force_login(learner)
    url = reverse("lms:my_consent_withdraw", args=[consent.pk])
    assert client.post(url).status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_a_replaced_card_is_refused_on_the_sign_in_page(client):
    learner = AssistedUserFactory()
    old = login_card_issue(user=learner, issued_by=None)
    login_card_issue(user=learner, issued_by=None)
    response = client.post("/en/card/", {"username": learner.username, "code": old})
    assert response.status_code == 200
    assert "do not match" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_card_sign_in_page_stops_after_ten_failures(client):
    learner = AssistedUserFactory()
    for _ in range(10):
        client.post("/en/card/", {"username": learner.username, "code": "WRONG-CODE1"})
    code = login_card_issue(user=learner, issued_by=None)
    response = client.post("/en/card/", {"username": learner.username, "code": code})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 900
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_card_sign_in_still_checks_after_nine_failures(client):
    learner = AssistedUserFactory()
    for _ in range(9):
        client.post("/en/card/", {"username": learner.username, "code": "WRONG-CODE1"})
    code = login_card_issue(user=learner, issued_by=None)
    response = client.post("/en/card/", {"username": learner.username, "code": code})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == learner.pk


def test_card_failures_behind_the_proxy_count_per_client(settings):
    from django.test import Client

    settings.TRUSTED_PROXY_COUNT = 1
    guesser = Client(HTTP_X_FORWARDED_FOR="198.51.100.66")
    for n in range(10):  # ten usernames: only the address limit is reached
        guesser.post("/en/card/", {"username": f"nobody{n}", "code": "WRONG-CODE1"})
    learner = AssistedUserFactory()
    code = login_card_issue(user=learner, issued_by=None)
    refused = guesser.post("/en/card/", {"username": learner.username, "code": code})
    assert refused.status_code == 429
    library = Client(HTTP_X_FORWARDED_FOR="203.0.113.20")
    assert (
        library.post("/en/card/", {"username": learner.username, "code": code}).status_code == 302
    )


def test_the_exam_button_explains_why_it_is_closed_during_a_session(client, profile, tree):
    learner = UserFactory(preferred_language="en")
    enrolment_create(learner=learner, course=tree.course, source="self")
    ConsentFactory(helper=profile.user, learner=learner)
    live_session_start(helper=profile.user, learner=learner)
    client.force_login(learner)
    key = tree.quiz_key(tree.exam_lesson)
    response = client.post(reverse("lms:quiz_start", args=[tree.exam_lesson.pk, key]), follow=True)
    assert "Exams are taken alone" in response.content.decode()


def test_the_assisted_person_takes_the_account_over(client, profile):
    consent = ConsentFactory(
        helper=profile.user, learner__email="", learner__account_type="assisted"
    )
    person = consent.learner
    client.force_login(person)
    response = client.post(
        reverse("lms:my_take_over"),
        {
            "email": "mariette@example.be",
            "password1": "une-longue-phrase-2026",
            "password2": "une-longue-phrase-2026",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.account_type == "standard" and person.email == "mariette@example.be"
    page = client.get(reverse("lms:my_helpers")).content.decode()
    assert "Withdraw my consent" in page  # the consent is shown, unchanged


def test_a_take_over_with_mismatched_passwords_loses_nothing(client, profile):
    consent = ConsentFactory(
        helper=profile.user, learner__email="", learner__account_type="assisted"
    )
    client.force_login(consent.learner)
    response = client.post(
        reverse("lms:my_take_over"),
        {"email": "m@example.be", "password1": "une-longue-phrase-2026", "password2": "autre"},
    )
    assert response.status_code == 400
    assert "m@example.be" in response.content.decode()
    assert "error-summary" in response.content.decode()


def test_a_manager_activates_helpers_of_their_organisation_only(client):
    from partners.models import Membership

    mine = HelperProfileFactory(status=HelperProfile.Status.PENDING)
    other = HelperProfileFactory(status=HelperProfile.Status.PENDING)
    manager = UserFactory()
    Membership.objects.create(organisation=mine.organisation, user=manager, role="manager")
    client.force_login(manager)
    page = client.get(reverse("lms:helper_profiles")).content.decode()
    assert escape(str(mine.user)) in page and escape(str(other.user)) not in page
    url = reverse("lms:helper_profile_action", args=[other.pk, "activate"])
    assert client.post(url).status_code == 404
    client.post(reverse("lms:helper_profile_action", args=[mine.pk, "activate"]))
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == "active" and other.status == "pending"


def test_activation_is_refused_without_the_training_certificate(client):
    organisation = OrganisationFactory(
        helper_training_course_key="6f1d3c9e-0000-4000-8000-000000000001"
    )
    profile = HelperProfileFactory(organisation=organisation, status=HelperProfile.Status.PENDING)
    administrator = UserFactory()
    role_grant(user=administrator, role=Role.PLATFORM_ADMINISTRATOR, granted_by=None)
    client.force_login(administrator)
    response = client.post(
        reverse("lms:helper_profile_action", args=[profile.pk, "activate"]), follow=True
    )
    assert "valid certificate of the helper training" in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == "pending"


# User (with the roles and admin access: ROLES_QUERY), helper profile; ours:
# the consents with their people, the enrolment counts, the session counts, the
# latest sessions (+ topics), the open requests, the organisation's paper forms
# waiting; then the base template (the session and the footer's site settings
# come from the cache).
HELPER_DASHBOARD_QUERIES = 15 + ROLES_QUERY


@pytest.mark.parametrize("people", [2, 7])
def test_the_dashboard_queries_do_not_grow_with_the_people(
    helper_client, profile, tree, django_assert_num_queries, people
):
    for _ in range(people):
        consent = ConsentFactory(helper=profile.user)
        enrolment_create(learner=consent.learner, course=tree.course, source="self")
        coaching_session_log(
            helper=profile.user,
            learner=consent.learner,
            held_on=timezone.localdate(),
            duration_minutes=30,
            place="Library",
            mode="in_person",
            topics=DigCompCompetence.objects.all()[:2],
        )
    with django_assert_num_queries(HELPER_DASHBOARD_QUERIES):
        response = helper_client.get(reverse("lms:helpers"))
    assert len(re.findall(r"/helpers/people/\d+/", response.content.decode())) == people


def test_the_journal_records_who_acted_under_which_consent(helper_client, profile):
    consent = ConsentFactory(helper=profile.user, learner__account_type="assisted")
    helper_client.post(reverse("lms:helpers_card", args=[consent.learner.pk]))
    entry = HelperJournalEntry.objects.get(learner=consent.learner, action="card_printed")
    assert entry.helper == profile.user and entry.consent_id == consent.pk


def test_a_helper_with_the_enrol_scope_enrols_the_person_once(helper_client, profile, tree):
    consent = ConsentFactory(helper=profile.user)
    url = reverse("lms:helpers_enrol", args=[consent.learner.pk])
    helper_client.post(url, {"course": tree.course.pk})
    helper_client.post(url, {"course": tree.course.pk})  # double submit
    enrolment = Enrolment.objects.get(learner=consent.learner)
    assert enrolment.source == "helper" and enrolment.enrolled_by == profile.user
    assert (
        HelperJournalEntry.objects.filter(learner=consent.learner, action="enrolled").count() == 1
    )


def test_a_helper_without_the_enrol_scope_cannot_enrol(helper_client, profile, tree):
    consent = ConsentFactory(helper=profile.user, enrol=False)
    url = reverse("lms:helpers_enrol", args=[consent.learner.pk])
    assert helper_client.post(url, {"course": tree.course.pk}).status_code == 404
    assert not Enrolment.objects.filter(learner=consent.learner).exists()


def test_a_helper_sees_only_the_sessions_of_their_organisation(helper_client, profile):
    consent = ConsentFactory(helper=profile.user)
    other = HelperProfileFactory()
    ConsentFactory(helper=other.user, learner=consent.learner)
    for helper, note in ((profile.user, "Our own note"), (other.user, "Another desk's note")):
        coaching_session_log(
            helper=helper,
            learner=consent.learner,
            held_on=timezone.localdate(),
            duration_minutes=20,
            place="Desk",
            mode="phone",
            notes=note,
        )
    page = helper_client.get(reverse("lms:helpers_person", args=[consent.learner.pk]))
    assert "Our own note" in page.content.decode()
    assert "Another desk's note" not in page.content.decode()


def test_my_learning_shows_a_result_obtained_with_a_helper(client, profile, enrolment, tree):
    from lms.models import Attempt
    from lms.services import quiz_attempt_start

    ConsentFactory(helper=profile.user, learner=enrolment.learner)
    live_session_start(helper=profile.user, learner=enrolment.learner)
    attempt, _ = quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.practice_lesson,
        activity_key=tree.quiz_key(tree.practice_lesson),
    )
    Attempt.objects.filter(pk=attempt.pk).update(
        status="submitted", score=3, max_score=3, passed=True, submitted_at=timezone.now()
    )
    client.force_login(enrolment.learner)
    assert "(with a helper)" in client.get(reverse("lms:dashboard")).content.decode()


# User (with the roles for the menu and admin access: ROLES_QUERY), site and
# language switcher (the session and the footer's settings from the cache);
# ours: requests, consents (with helpers and organisations), sessions
# (+ topics), journal, the open live session. The same for 1 and 4 helpers.
MY_HELPERS_QUERIES = 14 + ROLES_QUERY


@pytest.mark.parametrize("helpers", [1, 4])
def test_my_helpers_queries_do_not_grow_with_the_helpers(
    client, learner, django_assert_num_queries, helpers
):
    for _ in range(helpers):
        profile = HelperProfileFactory()
        ConsentFactory(helper=profile.user, learner=learner)
        coaching_session_log(
            helper=profile.user,
            learner=learner,
            held_on=timezone.localdate(),
            duration_minutes=20,
            place="Desk",
            mode="phone",
            topics=DigCompCompetence.objects.all()[:2],
        )
    client.force_login(learner)
    with django_assert_num_queries(MY_HELPERS_QUERIES):
        response = client.get(reverse("lms:my_helpers"))
    assert response.content.decode().count("Withdraw my consent") == helpers


def test_staff_add_a_helper_in_the_admin_with_the_role_and_pending(client):
    from lms.roles import Role
    from lms.selectors import user_roles

    admin = UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory()
    organisation = OrganisationFactory()
    client.force_login(admin)
    response = client.post(
        "/django-admin/lms/helperprofile/add/",
        {"user": person.pk, "organisation": organisation.pk},
    )
    assert response.status_code == 302
    profile = HelperProfile.objects.get(user=person)
    assert profile.status == HelperProfile.Status.PENDING
    assert Role.HELPER in user_roles(user=User.objects.get(pk=person.pk))


def test_a_typed_paper_reference_no_longer_gives_consent(helper_client, profile, learner):
    # The old shortcut: a reference typed by the helper. It is ignored now; a
    # request on the person's screen is made, and nothing is in force.
    response = helper_client.post(
        reverse("lms:helpers_consent_request"),
        {"who": learner.username, "see_progress": "on", "duration": "1y", "paper_reference": "F-9"},
    )
    assert response.status_code == 302
    consent = HelperConsent.objects.get(learner=learner)
    assert consent.status == "requested" and not consent.in_force
    assert helper_client.get(reverse("lms:helpers_person", args=[learner.pk])).status_code == 404


def test_asking_an_unknown_person_answers_as_for_an_account(helper_client):
    """The consent form does not tell whether an account exists."""
    learner = UserFactory()
    unknown = helper_client.post(
        reverse("lms:helpers_consent_request"),
        {"who": "nobody-here", "see_progress": "on", "duration": "1m"},
        follow=True,
    )
    known = helper_client.post(
        reverse("lms:helpers_consent_request"),
        {"who": learner.username, "see_progress": "on", "duration": "1m"},
        follow=True,
    )
    assert unknown.redirect_chain == known.redirect_chain
    message = "If an account has this username or e-mail address"
    assert message in unknown.content.decode() and message in known.content.decode()
    assert "No account" not in unknown.content.decode()
    assert HelperConsent.objects.get().learner == learner


@pytest.mark.parametrize("how", ["here", "paper"])
def test_the_other_ways_answer_an_unknown_person_as_a_refused_account(helper_client, how):
    learner = UserFactory()

    def ask(who):
        data = {"who": who, "how": how, "password": "wrong", "see_progress": "on", "duration": "1m"}
        response = helper_client.post(reverse("lms:helpers_consent_request"), data)
        assert response.status_code == 400
        # Compared without the fields' values and the idle warning's countdown
        # (a second may pass between the two answers).
        return re.sub(r'(value|data-seconds-left)="[^"]*"', "", response.content.decode())

    assert ask("nobody-here") == ask(learner.username)
    assert not HelperConsent.objects.exists()


@pytest.mark.parametrize(
    "make",
    [
        lambda: UserFactory(is_staff=True),
        lambda: AssistedUserFactory(account_type="young"),
        lambda: UserFactory(is_active=False),
    ],
)
def test_a_staff_child_or_closed_account_answers_as_no_account_on_screen(helper_client, make):
    person = make()
    response = helper_client.post(
        reverse("lms:helpers_consent_request"),
        {"who": person.username, "see_progress": "on", "duration": "1m"},
        follow=True,
    )
    assert "If an account has this username or e-mail address" in response.content.decode()
    assert not HelperConsent.objects.exists()
