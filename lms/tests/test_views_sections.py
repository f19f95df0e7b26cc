import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from courses.puzzles.demo import seed as levels_seed
from courses.tests.puzzle_programs import move, program, right, solutions
from frontend.tests.pdf_reading import pdf_text, qr_texts
from lms.models import ConsentRecord, PuzzleProgress, SectionChild
from lms.services import (
    child_picture_password_set,
    consent_record,
    puzzle_result_record,
    section_close,
)
from lms.tests.factories import UserFactory
from lms.tests.sections_fixtures import pause_by_guessing

pytestmark = pytest.mark.django_db

PICTURES = ["sun", "tree", "key"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def levels():
    levels_seed()


def url(name, *args, language="en", **query):
    with translation.override(language):
        path = reverse(f"lms:{name}", args=args)
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return path


# --- who may see what ------------------------------------------------------


def _three_stars_on_level_one(child):
    puzzle_result_record(
        user=child.user,
        level_number=1,
        idempotency_key="a",
        digest="a",
        solved=True,
        stars=3,
        block_count=2,
    )


def _teacher_urls(section, child):
    return [
        ("get", url("section_detail", section.pk)),
        ("post", url("section_children_add", section.pk)),
        ("post", url("section_cards", section.pk)),
        ("post", url("section_close", section.pk)),
        ("get", url("section_export", section.pk)),
        ("get", url("section_child", section.pk, child.pk)),
        ("post", url("section_child_reset", section.pk, child.pk)),
        ("post", url("section_child_consent", section.pk, child.pk)),
        ("get", url("section_child_letter", section.pk, child.pk)),
        ("post", url("section_child_remove", section.pk, child.pk)),
        ("post", url("section_child_unpause", section.pk, child.pk)),
    ]


def test_another_teacher_finds_none_of_my_sections_pages(client, other_teacher, section, child):
    client.force_login(other_teacher)
    for method, target in _teacher_urls(section, child):
        response = getattr(client, method)(target, {"names": "Eve", "everyone": "1"})
        assert response.status_code == 404, target
    section.refresh_from_db()
    assert section.is_open and SectionChild.objects.filter(section=section).count() == 3


def test_a_learner_without_the_teacher_role_is_refused(client, section, child):
    client.force_login(UserFactory())
    for method, target in [("get", url("sections")), *_teacher_urls(section, child)]:
        assert getattr(client, method)(target).status_code == 403, target


def test_an_anonymous_visitor_is_sent_to_sign_in(client, section, child):
    for method, target in [("get", url("sections")), *_teacher_urls(section, child)]:
        response = getattr(client, method)(target)
        assert response.status_code == 302, target
        assert "/accounts/login/" in response["Location"]
    section.refresh_from_db()
    assert section.is_open


def test_a_child_of_another_section_is_not_found(client, teacher, other_teacher, child):
    from lms.services import section_create

    mine = section_create(
        teacher=other_teacher, name="5A", language="nl", school_year="2026-2027", under_13=True
    )
    client.force_login(other_teacher)
    assert client.get(url("section_child", mine.pk, child.pk)).status_code == 404


def test_a_teacher_lists_only_their_own_sections(client, teacher, other_teacher, section):
    client.force_login(other_teacher)
    response = client.get(url("sections"))
    assert response.status_code == 200
    assert section.code not in response.content.decode()


def test_the_navigation_shows_my_classes_to_teachers_only(client, teacher):
    client.force_login(teacher)
    assert "My classes" in client.get(url("profile")).content.decode()
    client.force_login(UserFactory())
    assert "My classes" not in client.get(url("profile")).content.decode()


# --- teacher pages ---------------------------------------------------------


def test_a_teacher_creates_a_section(client, teacher):
    client.force_login(teacher)
    response = client.post(
        url("sections"),
        {"name": "4B", "language": "fr", "school_year": "2026-2027", "under_13": "on"},
    )
    section = teacher.class_sections.get()
    assert response.status_code == 302
    assert response["Location"] == url("section_detail", section.pk)
    assert section.under_13 and section.language == "fr"


def test_a_bad_school_year_shows_a_clear_error(client, teacher):
    client.force_login(teacher)
    response = client.post(
        url("sections"), {"name": "4B", "language": "fr", "school_year": "next year"}
    )
    assert response.status_code == 200
    assert "Write the school year like 2026-2027." in response.content.decode()
    assert not teacher.class_sections.exists()


def test_a_teacher_adds_a_list_of_children(client, teacher, section):
    client.force_login(teacher)
    response = client.post(
        url("section_children_add", section.pk), {"names": "Emma\nNoah Peeters\n\nLina\n"}
    )
    assert response.status_code == 302
    assert sorted(section.children.values_list("first_name", flat=True)) == [
        "Emma",
        "Lina",
        "Noah",
    ]


def test_a_bad_list_keeps_the_text_and_says_what_is_wrong(client, teacher, section):
    client.force_login(teacher)
    response = client.post(url("section_children_add", section.pk), {"names": "Emma\nEmma"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "error-summary" in body and "Emma P" in body
    assert "Emma\nEmma</textarea>" in body


def test_the_list_page_has_bounded_queries(client, teacher, django_assert_max_num_queries):
    from lms.services import section_create

    for n in range(6):
        section_create(
            teacher=teacher, name=f"C{n}", language="nl", school_year="2026-2027", under_13=True
        )
    client.force_login(teacher)
    with django_assert_max_num_queries(13):
        assert client.get(url("sections")).status_code == 200


def test_the_class_grid_has_bounded_queries(
    client, teacher, section, levels, django_assert_max_num_queries
):
    from lms.services import section_children_add

    kids = section_children_add(
        section=section, text="\n".join(f"Kind{chr(97 + i)}" for i in range(20)), added_by=teacher
    )
    for kid in kids:
        for level in (1, 2, 3):
            puzzle_result_record(
                user=kid.user,
                level_number=level,
                idempotency_key="k",
                digest=f"d{level}",
                solved=True,
                stars=2,
                block_count=5,
            )
    client.force_login(teacher)
    # 17: one of them reads the paused sign-ins (a second only when someone is paused).
    with django_assert_max_num_queries(17):
        response = client.get(url("section_detail", section.pk))
    assert response.status_code == 200
    assert response.content.decode().count('data-stars="2"') == 60


def test_the_grid_shows_stars_and_who_is_stuck_in_words(client, teacher, section, child, levels):
    _three_stars_on_level_one(child)
    for n in range(5):
        puzzle_result_record(
            user=child.user,
            level_number=2,
            idempotency_key=f"b{n}",
            digest=f"b{n}",
            solved=False,
            stars=0,
            block_count=2,
        )
    client.force_login(teacher)
    body = client.get(url("section_detail", section.pk)).content.decode()
    assert "solved, 3 stars" in body
    assert "5 tries" in body
    assert "Emma: level 2" in body
    assert '<th scope="row">' in body and '<th scope="col">' in body


def test_the_export_is_csv_with_bom_and_the_grid(client, teacher, section, child, levels):
    consent_record(child=child, method="paper", guardian_name="Anna", recorded_by=teacher)
    _three_stars_on_level_one(child)
    client.force_login(teacher)
    response = client.get(url("section_export", section.pk))
    text = response.content.decode("utf-8")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeffFirst name;Parental consent;Level 1 stars;Level 1 tries")
    assert "\r\nEmma;yes;3;1;" in text


@pytest.mark.parametrize("name", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx"])
def test_formula_like_names_are_neutralised_in_the_export(client, teacher, section, child, name):
    type(child).objects.filter(pk=child.pk).update(first_name=name)
    client.force_login(teacher)
    text = client.get(url("section_export", section.pk)).content.decode("utf-8")
    assert "\r\n'" + name + ";" in text


def test_login_cards_carry_code_names_pictures_and_a_qr_to_the_login(
    client, teacher, section, children
):
    client.force_login(teacher)
    response = client.post(url("section_cards", section.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert section.code in text
    assert all(child.first_name in text for child in children)
    assert "1. " in text and "Your pictures, in this order:" in text
    assert qr_texts(response.content, dpi=200)[0] == (
        f"http://testserver/en/class/?code={section.code}"
    )


def test_printed_pictures_are_the_ones_that_sign_in(client, teacher, section, child):
    client.force_login(teacher)
    text = pdf_text(client.post(url("section_cards", section.pk)).content)
    from lms.pictures import PICTURES as ALL

    names = [str(p.name) for p in ALL]
    # The line of Emma's card that names her pictures, e.g. "1. sun 2. tree 3. key".
    printed = [word for line in text.splitlines() for word in line.split() if word in names][:3]
    assert len(printed) == 3
    keys = [p.key for p in ALL if str(p.name) in printed]
    child.refresh_from_db()
    ordered = sorted(keys, key=printed.index if False else (lambda k: printed.index(k)))
    from lms.services import picture_login_check

    assert picture_login_check(child=child, pictures=ordered) == child.user


def test_the_consent_letter_is_in_the_familys_language(client, teacher, section, child):
    client.force_login(teacher)
    response = client.get(url("section_child_letter", section.pk, child.pk, language="fr"))
    assert response["Content-Type"] == "application/pdf"
    english = pdf_text(response.content)
    assert "Reply slip" in english and "Emma" in english
    response = client.get(url("section_child_letter", section.pk, child.pk) + "?language=fr")
    french = pdf_text(response.content)
    assert "Coupon-réponse" in french and "Emma" in french


def test_recording_consent_goes_into_the_ledger(client, teacher, section, child):
    client.force_login(teacher)
    response = client.post(
        url("section_child_consent", section.pk, child.pk),
        {"guardian_name": "Anna Peeters", "method": "paper"},
    )
    assert response.status_code == 302
    entry = ConsentRecord.objects.get()
    assert (entry.recorded_by, entry.kind) == (teacher, "given")
    page = client.get(url("section_child", section.pk, child.pk)).content.decode()
    assert "Anna Peeters" in page


def test_consent_without_a_method_is_a_clear_error(client, teacher, section, child):
    client.force_login(teacher)
    response = client.post(
        url("section_child_consent", section.pk, child.pk), {"guardian_name": "Anna"}
    )
    assert response.status_code == 400
    assert not ConsentRecord.objects.exists()


def test_new_pictures_are_shown_once(client, teacher, section, child):
    client.force_login(teacher)
    response = client.post(url("section_child_reset", section.pk, child.pk))
    assert response.status_code == 200
    assert response.content.decode().count("<svg") >= 3
    child.refresh_from_db()
    assert child.picture_set_at is not None


def test_closing_from_the_page_ends_the_logins(client, teacher, section, child):
    client.force_login(teacher)
    client.post(url("section_close", section.pk))
    child.user.refresh_from_db()
    assert not child.user.is_active


# --- the child's login -----------------------------------------------------


def test_the_qr_link_leads_to_the_names_of_the_class(client, section, children):
    response = client.get(url("class_login", code=section.code.lower()))
    assert response.status_code == 302
    names = client.get(response["Location"]).content.decode()
    assert all(c.first_name in names for c in children)


def test_an_unknown_code_is_a_clear_error(client, section):
    response = client.get(url("class_login", code="XXXXXX"))
    assert response.status_code == 200
    assert "We do not know this code" in response.content.decode()


def test_a_closed_sections_code_no_longer_works(client, teacher, section, child):
    section_close(section=section, closed_by=teacher)
    response = client.get(url("class_login", code=section.code))
    assert "We do not know this code" in response.content.decode()


def test_a_child_signs_in_with_the_pictures_and_goes_to_the_puzzles(client, section, child):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    response = client.post(
        url("class_pictures", section.code, child.pk),
        {"picture_1": "sun", "picture_2": "tree", "picture_3": "key"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/puzzles/"
    assert int(client.session["_auth_user_id"]) == child.user.pk


def test_wrong_pictures_say_so_and_do_not_sign_in(client, section, child):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    response = client.post(
        url("class_pictures", section.code, child.pk),
        {"picture_1": "key", "picture_2": "tree", "picture_3": "sun"},
    )
    assert response.status_code == 400
    assert "These are not your pictures" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_missing_picture_is_a_clear_error(client, section, child):
    response = client.post(url("class_pictures", section.code, child.pk), {"picture_1": "sun"})
    assert response.status_code == 400
    assert "Choose a picture." in response.content.decode()


def test_a_locked_child_is_told_to_ask_the_teacher(client, section, child):
    from datetime import timedelta

    from django.utils import timezone

    from lms.models import PictureLoginAttempt

    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    SectionChild.objects.filter(pk=child.pk).update(
        picture_set_at=timezone.now() - timedelta(hours=1)
    )
    for _ in range(10):
        attempt = PictureLoginAttempt.objects.create(section=section, child=child)
        PictureLoginAttempt.objects.filter(pk=attempt.pk).update(
            created_at=timezone.now() - timedelta(minutes=1)
        )
    response = client.post(
        url("class_pictures", section.code, child.pk),
        {"picture_1": "sun", "picture_2": "tree", "picture_3": "key"},
    )
    assert response.status_code == 403
    assert "Ask your teacher" in response.content.decode()


# --- puzzle progress through the check endpoint ----------------------------


def check(client, number, payload):
    with translation.override("en"):
        target = reverse("puzzles:check", args=[number])
    return client.post(target, json.dumps(payload), content_type="application/json")


def test_a_signed_in_childs_solution_is_recorded_once(client, levels, child):
    client.force_login(child.user)
    payload = {"program": solutions()[1], "idempotency_key": "run-1"}
    check(client, 1, payload)
    check(client, 1, payload)
    progress = PuzzleProgress.objects.get(user=child.user, level_number=1)
    assert (progress.solved, progress.best_stars, progress.attempts) == (True, 3, 1)


def test_a_forged_success_counts_for_nothing(client, levels, child):
    client.force_login(child.user)
    check(client, 1, {"program": program(move()), "solved": True, "stars": 3})
    progress = PuzzleProgress.objects.get(user=child.user, level_number=1)
    assert (progress.solved, progress.best_stars, progress.attempts) == (False, 0, 1)


def test_an_unreadable_program_counts_for_nothing(client, levels, child):
    client.force_login(child.user)
    check(client, 1, {"program": {"blocks": {"blocks": [{"type": "os_system"}]}}})
    assert not PuzzleProgress.objects.exists()


def test_a_visitors_checks_are_not_recorded(client, levels):
    check(client, 1, {"program": solutions()[1]})
    assert not PuzzleProgress.objects.exists()


def test_too_many_checks_get_429_with_a_clear_message(client, levels, child, settings):
    settings.PUZZLES_CHECK_RATE = "2/60"
    client.force_login(child.user)
    for n in range(2):
        wrong = program(*[right() for _ in range(n + 1)])
        assert check(client, 1, {"program": wrong}).status_code == 200
    response = check(client, 1, {"program": solutions()[1]})
    assert response.status_code == 429
    assert "Wait a moment" in response.json()["message"]
    assert int(response["Retry-After"]) > 0
    assert not PuzzleProgress.objects.filter(solved=True).exists()


# --- children have no e-mail -----------------------------------------------


def test_a_child_cannot_add_an_email_address(client, child):
    from allauth.account.models import EmailAddress

    client.force_login(child.user)
    with translation.override("en"):
        target = reverse("account_email")
    response = client.post(target, {"action_add": "", "email": "emma@example.be"})
    assert response.status_code == 200
    assert not EmailAddress.objects.filter(user=child.user).exists()
    child.user.refresh_from_db()
    assert child.user.email == ""


# --- guessing pauses a child or a device, never the class --------------------

RIGHT = {"picture_1": "sun", "picture_2": "tree", "picture_3": "key"}
WRONG = {"picture_1": "moon", "picture_2": "moon", "picture_3": "moon"}


def test_the_teacher_sees_who_is_paused_and_lets_them_try_again(client, teacher, section, child):
    from audit.models import AuditEntry

    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    pause_by_guessing(child)
    client.force_login(teacher)
    page = client.get(url("section_detail", section.pk)).content.decode()
    assert f"{child.first_name}: paused since" in page
    assert url("section_child_unpause", section.pk, child.pk) in page
    response = client.post(url("section_child_unpause", section.pk, child.pk))
    assert response.status_code == 302
    assert AuditEntry.objects.filter(actor=teacher, action="section.child_pause_lift").exists()
    page = client.get(url("section_detail", section.pk)).content.decode()
    assert "paused since" not in page
    client.logout()
    response = client.post(url("class_pictures", section.code, child.pk), RIGHT)
    assert response.status_code == 302


def test_another_teacher_cannot_lift_a_pause(client, other_teacher, section, child):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    pause_by_guessing(child)
    client.force_login(other_teacher)
    assert client.post(url("section_child_unpause", section.pk, child.pk)).status_code == 404
    client.logout()
    assert client.post(url("class_pictures", section.code, child.pk), RIGHT).status_code == 403


def test_a_child_cannot_lift_their_own_pause(client, section, children):
    child, classmate = children[0], children[1]
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    pause_by_guessing(child)
    client.force_login(classmate.user)
    assert client.post(url("section_child_unpause", section.pk, child.pk)).status_code == 403
    client.logout()
    assert client.post(url("class_pictures", section.code, child.pk), RIGHT).status_code == 403


def test_a_paused_child_still_signs_in_on_their_own_tablet(client, section, child):
    from django.test import Client

    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    client.get(url("class_names", section.code))
    assert client.post(url("class_pictures", section.code, child.pk), RIGHT).status_code == 302
    device = client.cookies["dsk_class_device"].value
    client.logout()  # the test client forgets every cookie: the tablet keeps its own
    client.cookies["dsk_class_device"] = device
    pause_by_guessing(child)  # a stranger guessed ten times
    stranger = Client()
    stranger.get(url("class_names", section.code))
    assert stranger.post(url("class_pictures", section.code, child.pk), RIGHT).status_code == 403
    assert client.post(url("class_pictures", section.code, child.pk), RIGHT).status_code == 302


def test_a_device_that_guesses_pauses_itself_not_the_class(client, section, children, settings):
    from django.test import Client

    settings.CLASS_LOGIN_DEVICE_RATE = "3/900"
    # The tries fall in one window of the limiter: its clock stands still in
    # tests (conftest.py, _rate_limit_clock).
    guessed, other = children[0], children[1]
    for child in children[:2]:
        child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    client.get(url("class_names", section.code))  # the device gets its cookie
    for target in (guessed, other, guessed):  # the 3rd wrong try is still checked
        response = client.post(url("class_pictures", section.code, target.pk), WRONG)
        assert response.status_code == 400
    response = client.post(url("class_pictures", section.code, other.pk), RIGHT)
    assert response.status_code == 429  # the 4th try is refused, even the right pictures
    assert 0 < int(response["Retry-After"]) <= 900
    assert "This device tried too many wrong pictures" in response.content.decode()
    # The same children sign in at once on another tablet of the class.
    tablet = Client()
    tablet.get(url("class_names", section.code))
    assert tablet.post(url("class_pictures", section.code, other.pk), RIGHT).status_code == 302


def test_dropping_the_cookie_does_not_escape_the_address_limit(section, children, settings):
    from django.test import Client

    settings.TRUSTED_PROXY_COUNT = 1
    settings.CLASS_LOGIN_ADDRESS_RATE = "4/900"
    for child in children[:2]:
        child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    guesser = {"HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for n in range(4):  # a fresh browser every time: no device cookie
        target = url("class_pictures", section.code, children[n % 2].pk)
        assert Client(**guesser).post(target, WRONG).status_code == 400
    target = url("class_pictures", section.code, children[1].pk)
    assert Client(**guesser).post(target, RIGHT).status_code == 429
    school = Client(HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert school.post(target, RIGHT).status_code == 302


def test_unknown_codes_behind_the_proxy_pause_only_the_guesser(section, settings):
    from django.test import Client

    from lms.views.sections import CODE_MISSES_PER_MINUTE

    settings.TRUSTED_PROXY_COUNT = 1
    guesser = Client(HTTP_X_FORWARDED_FOR="198.51.100.66")
    school = Client(HTTP_X_FORWARDED_FOR="203.0.113.10")
    for n in range(CODE_MISSES_PER_MINUTE):
        response = guesser.get(url("class_login", code=f"XXXX{n}"))
        assert "We do not know this code" in response.content.decode()
    assert "Too many tries" in guesser.get(url("class_login", code=section.code)).content.decode()
    assert school.get(url("class_login", code=section.code)).status_code == 302


def test_many_unknown_codes_pause_the_lookups_of_that_address(client, section):
    from lms.views.sections import CODE_MISSES_PER_MINUTE

    for n in range(CODE_MISSES_PER_MINUTE):
        client.get(url("class_login", code=f"XXXX{n}"))
    response = client.get(url("class_login", code=section.code))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Too many tries" in response.content.decode()


def test_a_whole_class_behind_one_address_is_not_slowed(client, section):
    for _ in range(60):
        assert client.get(url("class_login", code=section.code)).status_code == 302


def test_deleting_a_child_removes_the_account_and_its_data(client, teacher, section, child):
    from lms.models import User

    consent_record(child=child, method="paper", guardian_name="Anna", recorded_by=teacher)
    _three_stars_on_level_one(child)
    client.force_login(teacher)
    response = client.post(url("section_child_remove", section.pk, child.pk))
    assert response.status_code == 302
    assert not User.objects.filter(pk=child.user_id).exists()
    assert not PuzzleProgress.objects.exists() and not ConsentRecord.objects.exists()


def test_another_teacher_cannot_delete_my_child(client, other_teacher, section, child):
    client.force_login(other_teacher)
    assert client.post(url("section_child_remove", section.pk, child.pk)).status_code == 404
    assert SectionChild.objects.filter(pk=child.pk).exists()
