"""Nobody sits an exam as someone else, and helper consent needs the person:
login cards only for assisted accounts that never chose a password, card
prints and sign-ins shown and e-mailed to the person, exams refused in a card
session, paper consents pending until the person or a second member confirms."""

import io

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEntry
from lms.models import Attempt, HelperConsent, LoginCard, User
from lms.roles import Role
from lms.selectors.coaching import coached_people, consent_valid
from lms.services import enrolment_create, role_grant
from lms.services.accounts import user_password_chosen
from lms.services.cards import (
    CARD_REFUSED,
    CardRefused,
    card_refusal,
    login_card_issue,
    login_card_redeem,
)
from lms.services.coaching import (
    CoachingError,
    assisted_account_create,
    consent_answer,
    consent_give_on_helper_screen,
    consent_record_paper,
    consent_request,
    consent_scan_check,
    consent_scan_upload,
    helper_card_print,
)
from lms.tests.factories import UserFactory
from lms.tests.factories_coaching import (
    AssistedUserFactory,
    ConsentFactory,
    HelperProfileFactory,
)

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%fake but typed by its first bytes\n"
SCOPES = {"see_progress": True, "enrol": True, "act_in_session": True, "duration": "1m"}


@pytest.fixture(autouse=True)
def _clean_cache():
    # Sign-in pages count attempts in the cache (allauth's rate limits, cards).
    cache.clear()


@pytest.fixture
def profile(db):
    return HelperProfileFactory()


@pytest.fixture
def helper(profile):
    return profile.user


@pytest.fixture
def colleague(profile):
    """A second active helper of the same organisation."""
    return HelperProfileFactory(organisation=profile.organisation).user


@pytest.fixture
def scans(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _assisted_with_pending_paper(helper):
    person, consent = assisted_account_create(
        helper=helper, display_name="Mariette Dubois", preferred_language="en"
    )
    return person, consent


# --- A. who gets a card --------------------------------------------------------


def test_an_assisted_account_without_a_chosen_password_may_get_a_card():
    assert card_refusal(AssistedUserFactory()) is None


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda: AssistedUserFactory(is_active=False), "closed"),
        (lambda: AssistedUserFactory(is_staff=True), "staff"),
        (lambda: AssistedUserFactory(account_type="young"), "children"),
        (lambda: UserFactory(), "e-mail address"),
    ],
)
def test_no_card_for_closed_staff_child_or_email_accounts(make, words):
    user = make()
    with pytest.raises(CardRefused) as refused:
        login_card_issue(user=user, issued_by=None)
    assert words in refused.value.message
    assert not LoginCard.objects.exists()


@pytest.mark.parametrize("role", [Role.EDITOR, Role.FUND_OFFICER, Role.TEACHER, Role.HELPER])
def test_no_card_for_an_account_with_a_role_over_other_peoples_data(role):
    user = AssistedUserFactory()
    role_grant(user=user, role=role, granted_by=None)
    user = User.objects.get(pk=user.pk)
    assert "staff" in card_refusal(user)


def test_no_reprint_after_the_person_chose_a_password():
    person = AssistedUserFactory()
    user_password_chosen(user=person)
    with pytest.raises(CardRefused) as refused:
        login_card_issue(user=person, issued_by=None)
    assert "chose their own password" in refused.value.message


def test_a_helper_reprint_for_a_person_with_a_password_is_refused(helper):
    person, consent = _assisted_with_pending_paper(helper)
    consent_answer(consent=consent, learner=person, accept=True)
    user_password_chosen(user=person)
    with pytest.raises(CoachingError) as refused:
        helper_card_print(helper=helper, learner=person)
    assert refused.value.code == "card_refused"
    assert not LoginCard.objects.filter(user=person).exists()


def test_choosing_a_password_cancels_the_card_in_hand():
    person = AssistedUserFactory()
    code = login_card_issue(user=person, issued_by=None)
    user_password_chosen(user=person)
    assert login_card_redeem(username=person.username, code=code) is None


def test_a_card_after_a_chosen_password_is_refused_and_cancelled(client):
    person = AssistedUserFactory()
    code = login_card_issue(user=person, issued_by=None)
    # Chosen outside the card's knowledge (e.g. the accounts of before).
    User.objects.filter(pk=person.pk).update(password_chosen_at="2026-01-01T00:00:00Z")
    assert login_card_redeem(username=person.username, code=code) == CARD_REFUSED
    response = client.post("/en/card/", {"username": person.username, "code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    card = LoginCard.objects.get(user=person)
    assert card.replaced_at is not None and card.used_at is None
    assert AuditEntry.objects.filter(subject_user=person, action="card.signin_refused").exists()


def test_the_card_page_says_why_after_a_chosen_password(client):
    person = AssistedUserFactory()
    code = login_card_issue(user=person, issued_by=None)
    User.objects.filter(pk=person.pk).update(password_chosen_at="2026-01-01T00:00:00Z")
    page = client.post("/en/card/", {"username": person.username, "code": code}).content.decode()
    assert "You chose your own password" in page


def test_setting_a_password_after_a_card_sign_in_is_recorded(client):
    person = AssistedUserFactory()
    code = login_card_issue(user=person, issued_by=None)
    client.post("/en/card/", {"username": person.username, "code": code})
    response = client.post(
        reverse("account_set_password"),
        {"password1": "a-long-pass-2026!", "password2": "a-long-pass-2026!"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.password_chosen_at is not None
    assert "chose their own password" in card_refusal(person)


def test_changing_a_password_is_recorded(client):
    person = UserFactory()
    client.force_login(person)
    client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "correct-horse-battery",
            "password1": "a-longer-pass-2026!",
            "password2": "a-longer-pass-2026!",
        },
    )
    person.refresh_from_db()
    assert person.password_chosen_at is not None


def test_a_password_made_by_staff_does_not_count():
    person = AssistedUserFactory()
    person.set_password("made-by-staff-2026")
    person.save()
    person.refresh_from_db()
    assert person.password_chosen_at is None


# --- B. shown and e-mailed ------------------------------------------------------


def test_card_prints_and_sign_ins_are_shown_to_the_person(client, helper, colleague):
    person, consent = _assisted_with_pending_paper(helper)
    helper_card_print(helper=helper, learner=person)
    code = login_card_issue(user=person, issued_by=colleague)
    client.post("/en/card/", {"username": person.username, "code": code})
    page = client.get(reverse("lms:profile")).content.decode()
    assert "What others did on your account" in page
    assert f"{helper} printed a login card for your account." in page
    assert f"{colleague} printed a login card for your account." in page
    assert "Someone signed in to your account with a login card." in page


def test_card_prints_and_sign_ins_are_e_mailed_after_commit(
    django_capture_on_commit_callbacks,
):
    person = AssistedUserFactory(email="mariette@example.be")
    with django_capture_on_commit_callbacks(execute=True):
        code = login_card_issue(user=person, issued_by=None)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["mariette@example.be"]
    # In the person's language (Dutch here).
    assert "drukte een aanmeldkaart af voor je account" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        login_card_redeem(username=person.username, code=code)
    assert "meldde zich aan op je account met een aanmeldkaart" in mail.outbox[1].body


def test_nothing_is_e_mailed_when_the_print_is_rolled_back(django_capture_on_commit_callbacks):
    person = AssistedUserFactory(email="mariette@example.be")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        login_card_issue(user=person, issued_by=None)
    assert len(callbacks) == 1 and mail.outbox == []


# --- C. how the person signed in ------------------------------------------------


def _start(client, tree, lesson):
    key = tree.quiz_key(lesson)
    return client.post(reverse("lms:quiz_start", args=[lesson.pk, key]), follow=True)


def test_an_exam_is_refused_in_a_card_session_and_practice_is_not(client, tree):
    person = AssistedUserFactory(preferred_language="en")
    enrolment_create(learner=person, course=tree.course, source="self")
    code = login_card_issue(user=person, issued_by=None)
    client.post("/en/card/", {"username": person.username, "code": code})
    assert client.session["lms_signin_method"] == "card"
    page = _start(client, tree, tree.exam_lesson).content.decode()
    assert "Choose your own password first" in page
    assert not Attempt.objects.filter(exam=True).exists()
    _start(client, tree, tree.practice_lesson)
    practice = Attempt.objects.get(exam=False)
    assert practice.signin_method == "card"


def test_an_exam_after_a_password_sign_in_records_the_method(client, tree, learner):
    enrolment_create(learner=learner, course=tree.course, source="self")
    response = client.post(
        reverse("account_login"), {"login": learner.username, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert client.session["lms_signin_method"] == "password"
    _start(client, tree, tree.exam_lesson)
    assert Attempt.objects.get(exam=True).signin_method == "password"


def test_the_service_refuses_an_exam_in_a_card_session(enrolment, tree):
    from lms.exceptions import LearningError
    from lms.services import quiz_attempt_start

    with pytest.raises(LearningError) as refused:
        quiz_attempt_start(
            enrolment=enrolment,
            lesson=tree.exam_lesson,
            activity_key=tree.quiz_key(tree.exam_lesson),
            signin_method="card",
        )
    assert refused.value.code == "exam_card_session"
    attempt, _created = quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.exam_lesson,
        activity_key=tree.quiz_key(tree.exam_lesson),
        signin_method="password",
    )
    assert attempt.signin_method == "password"


# --- D. consent needs the person ------------------------------------------------


def test_a_paper_consent_for_a_child_is_refused(helper, colleague):
    child = AssistedUserFactory(account_type="young")
    ConsentFactory(learner=child, helper=colleague)  # in the organisation's reach
    with pytest.raises(CoachingError) as refused:
        consent_record_paper(helper=helper, learner=child, **SCOPES)
    assert refused.value.code == "young"
    assert HelperConsent.objects.count() == 1  # the colleague's only


@pytest.mark.parametrize(
    "make",
    [
        lambda: UserFactory(is_staff=True),
        lambda: UserFactory(is_superuser=True),
        lambda: HelperProfileFactory().user,
    ],
)
def test_a_paper_consent_for_a_staff_account_is_refused(helper, colleague, make):
    staff = make()
    ConsentFactory(learner=staff, helper=colleague)  # in the organisation's reach
    with pytest.raises(CoachingError) as refused:
        consent_record_paper(helper=helper, learner=staff, **SCOPES)
    assert refused.value.code == "staff"
    assert HelperConsent.objects.count() == 1  # the colleague's only


def test_an_editor_is_refused_even_on_their_own_screen(helper):
    editor = UserFactory()
    role_grant(user=editor, role=Role.EDITOR, granted_by=None)
    with pytest.raises(CoachingError) as refused:
        consent_request(helper=helper, learner=User.objects.get(pk=editor.pk), **SCOPES)
    assert refused.value.code == "staff"


@pytest.mark.parametrize(
    "make",
    [lambda: UserFactory(is_staff=True), lambda: AssistedUserFactory(account_type="young")],
)
def test_a_paper_consent_for_a_strangers_staff_or_child_account_says_only_out_of_reach(
    helper, make
):
    with pytest.raises(CoachingError) as refused:
        consent_record_paper(helper=helper, learner=make(), **SCOPES)
    assert refused.value.code == "out_of_reach"


def test_a_paper_consent_for_a_stranger_is_refused(helper, learner):
    with pytest.raises(CoachingError) as refused:
        consent_record_paper(helper=helper, learner=learner, **SCOPES)
    assert refused.value.code == "out_of_reach"
    assert not HelperConsent.objects.exists()


def test_a_person_who_once_asked_the_organisation_is_in_reach(profile, helper, colleague, learner):
    ConsentFactory(learner=learner, helper=colleague)  # given on screen, to a colleague
    consent = consent_record_paper(helper=helper, learner=learner, **SCOPES)
    assert consent.status == "pending"


def test_a_paper_consent_is_pending_and_gives_no_access(client, profile, helper, tree):
    person, consent = _assisted_with_pending_paper(helper)
    assert consent.status == HelperConsent.Status.PENDING and consent.expires_at is None
    assert consent_valid(profile=profile, learner=person) is None
    assert coached_people(profile=profile) == []
    client.force_login(helper)
    assert client.get(reverse("lms:helpers_person", args=[person.pk])).status_code == 404
    enrol = client.post(reverse("lms:helpers_enrol", args=[person.pk]), {"course": tree.course.pk})
    assert enrol.status_code == 404
    live = client.post(reverse("lms:helpers_live_start", args=[person.pk]))
    assert live.status_code == 404
    assert not person.live_sessions.exists() and not person.enrolments.exists()


def test_the_person_is_prompted_at_sign_in_and_confirms(client, helper, profile):
    person, consent = _assisted_with_pending_paper(helper)
    code = login_card_issue(user=person, issued_by=helper)
    response = client.post("/en/card/", {"username": person.username, "code": code}, follow=True)
    assert "signed on paper in your name" in response.content.decode()
    page = client.get(reverse("lms:my_helpers")).content.decode()
    assert consent.paper_reference in page and "Did you sign it?" in page
    client.post(reverse("lms:my_consent_answer", args=[consent.pk]), {"answer": "accept"})
    consent.refresh_from_db()
    assert consent.status == "given" and consent.confirmed_by == "person"
    assert consent_valid(profile=profile, learner=person) == consent
    assert AuditEntry.objects.filter(target_id=str(consent.pk), action="consent.confirm").exists()


def test_the_person_can_deny_a_paper_form(helper, profile):
    person, consent = _assisted_with_pending_paper(helper)
    consent_answer(consent=consent, learner=person, accept=False)
    consent.refresh_from_db()
    assert consent.status == "refused"
    assert consent_valid(profile=profile, learner=person) is None


def test_the_person_with_an_address_is_e_mailed_about_a_paper_form(
    helper, colleague, django_capture_on_commit_callbacks
):
    person = AssistedUserFactory(email="ilse@example.be", preferred_language="en")
    ConsentFactory(learner=person, helper=colleague)
    with django_capture_on_commit_callbacks(execute=True):
        consent_record_paper(helper=helper, learner=person, **SCOPES)
    assert [m.to for m in mail.outbox] == [["ilse@example.be"]]
    assert "signed on paper in your name" in mail.outbox[0].body


def test_a_scan_must_be_a_pdf_jpeg_or_png_by_its_first_bytes(helper, scans):
    _person, consent = _assisted_with_pending_paper(helper)
    fake = SimpleUploadedFile("form.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    with pytest.raises(CoachingError) as refused:
        consent_scan_upload(consent=consent, uploaded_by=helper, upload=fake)
    assert refused.value.code == "scan_type"
    consent.refresh_from_db()
    assert not consent.scan


def test_a_scan_over_five_megabytes_is_refused(helper, scans):
    _person, consent = _assisted_with_pending_paper(helper)
    big = SimpleUploadedFile("form.png", PNG + b"\x00" * (5 * 1024 * 1024), "image/png")
    with pytest.raises(CoachingError) as refused:
        consent_scan_upload(consent=consent, uploaded_by=helper, upload=big)
    assert refused.value.code == "scan_size"
    exact = SimpleUploadedFile("form.png", PNG + b"\x00" * (5 * 1024 * 1024 - len(PNG)))
    consent_scan_upload(consent=consent, uploaded_by=helper, upload=exact)
    consent.refresh_from_db()
    assert consent.scan


def test_the_uploader_cannot_be_the_checker(helper, colleague, scans):
    person, consent = _assisted_with_pending_paper(helper)
    consent_scan_upload(
        consent=consent, uploaded_by=colleague, upload=SimpleUploadedFile("f.pdf", PDF)
    )
    for same in (colleague, helper):  # the uploader, and the helper who prepared the form
        with pytest.raises(CoachingError) as refused:
            consent_scan_check(consent=consent, checker=same)
        assert refused.value.code == "same_checker"
    consent.refresh_from_db()
    assert consent.status == "pending"


def test_a_second_member_checks_the_scan_and_the_person_is_told(
    client, profile, helper, colleague, scans, django_capture_on_commit_callbacks
):
    person, consent = _assisted_with_pending_paper(helper)
    User.objects.filter(pk=person.pk).update(email="mariette@example.be")
    person.refresh_from_db()
    consent_scan_upload(
        consent=consent, uploaded_by=helper, upload=SimpleUploadedFile("f.png", PNG)
    )
    with django_capture_on_commit_callbacks(execute=True):
        consent_scan_check(consent=consent, checker=colleague)
    consent.refresh_from_db()
    assert consent.status == "given" and consent.confirmed_by == "checker"
    assert consent.checked_by == colleague and consent.scan.name.endswith(".png")
    assert consent_valid(profile=profile, learner=person) == consent
    assert any("checked the scan" in m.body for m in mail.outbox)
    # At the next sign-in the person is told once.
    client.force_login(person)
    consent.refresh_from_db()
    assert consent.person_told_at is not None
    actions = set(
        AuditEntry.objects.filter(target_id=str(consent.pk)).values_list("action", flat=True)
    )
    assert {"consent.record_paper", "consent.scan_upload", "consent.check"} <= actions


def test_a_helper_of_another_organisation_cannot_upload_or_check(client, helper, scans):
    _person, consent = _assisted_with_pending_paper(helper)
    outsider = HelperProfileFactory().user
    with pytest.raises(CoachingError):
        consent_scan_upload(
            consent=consent, uploaded_by=outsider, upload=SimpleUploadedFile("f.pdf", PDF)
        )
    client.force_login(outsider)
    for name in ("helpers_paper_consent", "helpers_paper_consent_form"):
        assert client.get(reverse(f"lms:{name}", args=[consent.pk])).status_code == 404
    upload = client.post(
        reverse("lms:helpers_paper_consent_upload", args=[consent.pk]),
        {"scan": SimpleUploadedFile("f.pdf", PDF)},
    )
    assert upload.status_code == 404
    check = client.post(reverse("lms:helpers_paper_consent_check", args=[consent.pk]))
    assert check.status_code == 404


def test_the_upload_page_refuses_a_wrong_file_with_a_message(client, helper, scans):
    _person, consent = _assisted_with_pending_paper(helper)
    client.force_login(helper)
    response = client.post(
        reverse("lms:helpers_paper_consent_upload", args=[consent.pk]),
        {"scan": SimpleUploadedFile("f.png", b"GIF89a not allowed")},
    )
    assert response.status_code == 400
    assert "must be a PDF, JPEG or PNG" in response.content.decode()


def test_the_scan_is_served_only_to_the_organisation(client, helper, colleague, scans):
    _person, consent = _assisted_with_pending_paper(helper)
    consent_scan_upload(
        consent=consent, uploaded_by=helper, upload=SimpleUploadedFile("f.pdf", PDF)
    )
    client.force_login(colleague)
    response = client.get(reverse("lms:helpers_paper_consent_scan", args=[consent.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    client.force_login(UserFactory())
    assert (
        client.get(reverse("lms:helpers_paper_consent_scan", args=[consent.pk])).status_code == 404
    )


def test_consent_on_the_helpers_screen_needs_the_persons_password(profile, helper, learner):
    with pytest.raises(CoachingError) as refused:
        consent_give_on_helper_screen(helper=helper, learner=learner, password="guess", **SCOPES)
    assert refused.value.code == "bad_password"
    assert not HelperConsent.objects.exists()
    consent = consent_give_on_helper_screen(
        helper=helper, learner=learner, password="correct-horse-battery", **SCOPES
    )
    assert consent.given_how == "helper_screen" and consent.in_force
    entry = AuditEntry.objects.get(action="consent.give_helper_screen")
    assert entry.actor == learner and entry.subject_user == learner


def test_the_consent_page_offers_the_three_ways(client, helper, learner):
    client.force_login(helper)
    response = client.post(
        reverse("lms:helpers_consent_request"),
        {"who": learner.username, "how": "here", "password": "wrong", **SCOPES},
    )
    assert response.status_code == 400
    assert "The password is not right" in response.content.decode()
    response = client.post(
        reverse("lms:helpers_consent_request"), {"who": learner.username, "how": "paper", **SCOPES}
    )
    assert response.status_code == 400
    assert "not one of your organisation" in response.content.decode()
    assert not HelperConsent.objects.exists()


def test_the_consent_form_pdf_names_everything(client, profile, helper):
    from pypdf import PdfReader

    person, consent = _assisted_with_pending_paper(helper)
    client.force_login(helper)
    response = client.get(reverse("lms:helpers_paper_consent_form", args=[consent.pk]))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    for expected in (str(person), str(helper), profile.organisation.name, consent.paper_reference):
        assert expected in text
    assert "one month" in text or "six months" in text
    # Drawn with frontend.pdf: embedded fonts only, dated now, not 1 January 2000.
    reader = PdfReader(io.BytesIO(response.content))
    assert b"Helvetica" not in response.content
    assert not reader.metadata["/CreationDate"].startswith("D:2000")
    assert reader.metadata.subject == consent.paper_reference


def test_signing_up_with_a_password_counts_as_choosing_it(client):
    response = client.post(
        reverse("account_signup"),
        {
            "given_name": "Nadia",
            "family_name": "Peeters",
            "email": "new@example.be",
            "username": "newperson",
            "password1": "a-long-pass-2026!",
            "password2": "a-long-pass-2026!",
            "accept_terms": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="newperson")
    assert user.password_chosen_at is not None


def test_a_class_sign_in_is_recorded_as_class(client, section, child):
    from lms.services import child_picture_password_set

    child_picture_password_set(child=child, pictures=["sun", "tree", "key"], set_by=None)
    response = client.post(
        reverse("lms:class_pictures", args=[section.code, child.pk]),
        {"picture_1": "sun", "picture_2": "tree", "picture_3": "key"},
    )
    assert response.status_code == 302
    assert client.session["lms_signin_method"] == "class"


def test_a_forced_sign_in_without_a_known_method_is_other(client, learner):
    client.force_login(learner)
    assert client.session["lms_signin_method"] == "other"


def test_a_replaced_request_is_audited(helper, learner):
    first = consent_request(helper=helper, learner=learner, **SCOPES)
    consent_request(helper=helper, learner=learner, **SCOPES)
    first.refresh_from_db()
    assert first.status == "refused"
    assert AuditEntry.objects.filter(target_id=str(first.pk), action="consent.replace").exists()


def test_the_helpers_screen_stops_after_five_wrong_passwords(client, helper, learner):
    client.force_login(helper)
    url = reverse("lms:helpers_consent_request")
    data = {"who": learner.username, "how": "here", **SCOPES}
    for _ in range(5):
        page = client.post(url, {**data, "password": "guess"}).content.decode()
        assert "The password is not right" in page
    page = client.post(url, {**data, "password": "correct-horse-battery"}).content.decode()
    assert "Too many wrong passwords" in page
    assert not HelperConsent.objects.exists()
