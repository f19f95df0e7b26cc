import re
from datetime import timedelta

import pytest
from django.utils import timezone

from lms.models import (
    ClassSection,
    PictureLoginAttempt,
    PuzzleProgress,
    SectionChild,
    Statement,
    User,
)
from lms.services import (
    child_picture_password_set,
    consent_record,
    consent_withdraw,
    picture_login_check,
    puzzle_result_record,
    section_cards_issue,
    section_children_add,
    section_close,
    section_create,
    statement_record,
    young_data_allowed,
)
from lms.services.sections import (
    CHILD_LOCK_FAILURES,
    CODE_ALPHABET,
    SLOW_AFTER,
    SectionError,
    child_pause_lift,
)

pytestmark = pytest.mark.django_db

PICTURES = ["sun", "tree", "key"]


def test_a_section_gets_a_short_code_of_unambiguous_letters(section):
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{6}}", section.code)
    assert not set(section.code) & set("IJLOQUVBSZ0123456789")


def test_two_open_sections_never_share_a_code(teacher, monkeypatch):
    codes = iter(["AAAAAA", "AAAAAA", "CCCCCC"])
    monkeypatch.setattr("lms.services.sections.section_code_new", lambda: next(codes))
    first = section_create(
        teacher=teacher, name="A", language="nl", school_year="2026-2027", under_13=True
    )
    second = section_create(
        teacher=teacher, name="B", language="nl", school_year="2026-2027", under_13=True
    )
    assert (first.code, second.code) == ("AAAAAA", "CCCCCC")


def test_a_bad_school_year_is_refused(teacher):
    with pytest.raises(SectionError) as error:
        section_create(teacher=teacher, name="A", language="nl", school_year="2026", under_13=True)
    assert error.value.code == "bad_year"


def test_children_are_young_accounts_without_email_or_password(children):
    users = [c.user for c in children]
    assert [c.first_name for c in children] == ["Emma", "Noah", "Lina"]
    assert all(u.account_type == User.AccountType.YOUNG for u in users)
    assert all(u.email == "" and not u.has_usable_password() for u in users)
    assert all(
        u.username.startswith(c.first_name.lower()) for u, c in zip(users, children, strict=True)
    )


def test_same_first_names_get_the_initial_of_the_last_name(section, teacher):
    added = section_children_add(
        section=section, text="Emma Peeters\nEmma Janssens\nLouis Dubois", added_by=teacher
    )
    assert [c.first_name for c in added] == ["Emma P.", "Emma J.", "Louis"]


def test_a_same_first_name_without_a_last_name_is_a_clear_error(section, teacher):
    with pytest.raises(SectionError) as error:
        section_children_add(section=section, text="Emma\nEmma", added_by=teacher)
    assert "Emma P" in error.value.message
    assert SectionChild.objects.count() == 0


def test_a_bad_line_adds_nobody_and_names_the_line(section, teacher):
    with pytest.raises(SectionError) as error:
        section_children_add(section=section, text="Emma\n=cmd()\nNoah", added_by=teacher)
    assert "Line 2" in error.value.message
    assert SectionChild.objects.count() == 0


def test_more_than_forty_children_at_once_is_refused(section, teacher):
    names = "\n".join(f"Kind{chr(65 + i // 26)}{chr(97 + i % 26)}" for i in range(41))
    with pytest.raises(SectionError) as error:
        section_children_add(section=section, text=names, added_by=teacher)
    assert error.value.code == "too_many"


def test_forty_children_at_once_are_added(section, teacher):
    names = "\n".join(f"Kind{chr(65 + i // 26)}{chr(97 + i % 26)}" for i in range(40))
    assert len(section_children_add(section=section, text=names, added_by=teacher)) == 40


def test_the_right_pictures_sign_the_child_in(child):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    assert picture_login_check(child=child, pictures=PICTURES) == child.user


def test_the_picture_password_is_not_stored_in_clear(child):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    child.refresh_from_db()
    assert "sun" not in child.picture_hash and len(child.picture_hash) == 64


def test_pictures_in_another_order_are_wrong(child):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    with pytest.raises(SectionError) as error:
        picture_login_check(child=child, pictures=["key", "tree", "sun"])
    assert error.value.code == "wrong_pictures"


def test_a_child_without_a_card_cannot_sign_in(child):
    with pytest.raises(SectionError):
        picture_login_check(child=child, pictures=PICTURES)


def _card_given_an_hour_ago(child):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    SectionChild.objects.filter(pk=child.pk).update(
        picture_set_at=timezone.now() - timedelta(hours=1)
    )
    child.refresh_from_db()


def _fail(child, times, *, age=timedelta(minutes=1)):
    when = timezone.now() - age
    for _ in range(times):
        attempt = PictureLoginAttempt.objects.create(
            section=child.section, child=child, succeeded=False
        )
        PictureLoginAttempt.objects.filter(pk=attempt.pk).update(created_at=when)


def test_ten_wrong_tries_lock_the_child_even_with_the_right_pictures(child):
    _card_given_an_hour_ago(child)
    _fail(child, CHILD_LOCK_FAILURES)
    with pytest.raises(SectionError) as error:
        picture_login_check(child=child, pictures=PICTURES)
    assert error.value.code == "child_locked"
    assert "teacher" in error.value.message


def test_the_lock_ends_after_fifteen_minutes(child):
    _card_given_an_hour_ago(child)
    _fail(child, CHILD_LOCK_FAILURES, age=timedelta(minutes=16))
    assert picture_login_check(child=child, pictures=PICTURES) == child.user


def test_new_pictures_from_the_teacher_unlock_the_child(child, teacher):
    _card_given_an_hour_ago(child)
    _fail(child, CHILD_LOCK_FAILURES)
    with pytest.raises(SectionError):
        picture_login_check(child=child, pictures=PICTURES)
    child_picture_password_set(child=child, pictures=PICTURES, set_by=teacher)
    assert picture_login_check(child=child, pictures=PICTURES) == child.user


def test_quick_tries_after_five_failures_are_slowed(child):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    for _ in range(SLOW_AFTER):
        with pytest.raises(SectionError):
            picture_login_check(child=child, pictures=["moon", "moon", "moon"])
    with pytest.raises(SectionError) as error:
        picture_login_check(child=child, pictures=PICTURES)
    assert error.value.code == "slow_down"


def test_the_last_try_before_the_pause_is_still_checked(child):
    _card_given_an_hour_ago(child)
    _fail(child, CHILD_LOCK_FAILURES - 1)
    assert picture_login_check(child=child, pictures=PICTURES) == child.user


def test_the_wrong_try_that_reaches_the_limit_pauses_the_child(child):
    _card_given_an_hour_ago(child)
    _fail(child, CHILD_LOCK_FAILURES - 1)
    with pytest.raises(SectionError) as error:
        picture_login_check(child=child, pictures=["moon", "moon", "moon"])
    assert error.value.code == "child_locked"
    with pytest.raises(SectionError) as error:
        picture_login_check(child=child, pictures=PICTURES)
    assert error.value.code == "child_locked"


def test_wrong_tries_for_every_child_never_pause_another(children):
    """No class-wide pause: someone who knows the class code and guesses for
    many children cannot keep the others out."""
    *guessed, last = children
    _card_given_an_hour_ago(last)
    for other in guessed:
        _fail(other, CHILD_LOCK_FAILURES * 10)
    assert picture_login_check(child=last, pictures=PICTURES) == last.user


def test_a_known_device_is_not_held_by_the_childs_pause(child):
    _card_given_an_hour_ago(child)
    _fail(child, CHILD_LOCK_FAILURES)
    assert picture_login_check(child=child, pictures=PICTURES, known_device=True) == child.user


def test_the_teacher_lifts_a_pause_and_it_is_audited(child, teacher):
    from audit.models import AuditEntry

    _card_given_an_hour_ago(child)
    _fail(child, CHILD_LOCK_FAILURES)
    assert child_pause_lift(child=child, lifted_by=teacher)
    child.refresh_from_db()
    assert picture_login_check(child=child, pictures=PICTURES) == child.user
    entry = AuditEntry.objects.get(action="section.child_pause_lift")
    assert entry.actor == teacher and entry.data == {"child": child.pk}


def test_lifting_a_pause_that_is_not_there_changes_nothing(child, teacher):
    from audit.models import AuditEntry

    _card_given_an_hour_ago(child)
    _fail(child, CHILD_LOCK_FAILURES - 1)
    assert not child_pause_lift(child=child, lifted_by=teacher)
    assert not AuditEntry.objects.filter(action="section.child_pause_lift").exists()


def test_the_section_lists_its_paused_children_with_since_when(section, children):
    from lms.selectors.sections import section_paused_children

    paused, fine = children[0], children[1]
    _card_given_an_hour_ago(paused)
    _card_given_an_hour_ago(fine)
    _fail(paused, CHILD_LOCK_FAILURES, age=timedelta(minutes=3))
    _fail(fine, CHILD_LOCK_FAILURES - 1)
    (entry,) = section_paused_children(section=section)
    assert entry.child == paused
    assert timezone.now() - entry.since >= timedelta(minutes=3)
    assert entry.until == entry.since + timedelta(minutes=15)


def test_closing_a_section_disables_its_childrens_logins(section, child, teacher):
    child_picture_password_set(child=child, pictures=PICTURES, set_by=None)
    assert section_close(section=section, closed_by=teacher)
    child.refresh_from_db()
    child.user.refresh_from_db()
    assert not child.user.is_active
    with pytest.raises(SectionError) as error:
        picture_login_check(child=child, pictures=PICTURES)
    assert error.value.code == "closed"


def test_a_closed_sections_code_can_be_used_again(section, teacher, monkeypatch):
    section_close(section=section, closed_by=teacher)
    monkeypatch.setattr("lms.services.sections.section_code_new", lambda: section.code)
    again = section_create(
        teacher=teacher, name="B", language="nl", school_year="2027-2028", under_13=True
    )
    assert again.code == section.code
    assert ClassSection.objects.filter(code=section.code).count() == 2


def test_cards_give_pictures_only_to_children_without_a_card(children, section, teacher):
    child_picture_password_set(child=children[0], pictures=PICTURES, set_by=None)
    issued = section_cards_issue(section=section, issued_by=teacher)
    assert sorted(c.first_name for c, _p in issued) == ["Lina", "Noah"]
    assert all(len(set(p)) == 3 for _c, p in issued)
    assert section_cards_issue(section=section, issued_by=teacher) == []


def test_cards_for_everyone_replace_the_old_pictures(children, section, teacher):
    child_picture_password_set(child=children[0], pictures=PICTURES, set_by=None)
    cards = section_cards_issue(section=section, issued_by=teacher, everyone=True)
    issued = {c.pk: p for c, p in cards}
    assert len(issued) == 3
    first = SectionChild.objects.get(pk=children[0].pk)
    assert picture_login_check(child=first, pictures=issued[first.pk]) == first.user


# --- the consent rule ------------------------------------------------------


def _statement(user):
    return statement_record(learner=user, verb="experienced", object_kind="lesson", object_key="x")


def test_without_consent_a_childs_account_keeps_no_statement(child):
    assert _statement(child.user) is None
    assert Statement.objects.count() == 0


def test_with_consent_statements_are_kept(child, teacher):
    consent_record(child=child, method="paper", guardian_name="Anna Peeters", recorded_by=teacher)
    assert _statement(child.user) is not None


def test_after_withdrawal_no_statement_is_kept(child, teacher):
    consent_record(child=child, method="email", guardian_name="Anna Peeters", recorded_by=teacher)
    consent_withdraw(child=child, method="email", guardian_name="Anna Peeters", recorded_by=teacher)
    assert _statement(child.user) is None
    assert [e.kind for e in child.consents.order_by("id")] == ["given", "withdrawn"]


def test_the_ledger_says_who_recorded_consent_when_and_how(child, teacher):
    entry = consent_record(
        child=child, method="in_person", guardian_name="Anna Peeters", recorded_by=teacher
    )
    assert (entry.recorded_by, entry.method, entry.guardian_name) == (
        teacher,
        "in_person",
        "Anna Peeters",
    )
    assert entry.recorded_at is not None


def test_consent_without_a_guardian_name_is_refused(child, teacher):
    with pytest.raises(SectionError):
        consent_record(child=child, method="paper", guardian_name=" ", recorded_by=teacher)


def test_a_section_for_13_and_older_needs_no_consent(teacher):
    older = section_create(
        teacher=teacher, name="Teens", language="fr", school_year="2026-2027", under_13=False
    )
    (teen,) = section_children_add(section=older, text="Jules", added_by=teacher)
    assert young_data_allowed(user=teen.user)


def test_a_young_account_outside_any_section_keeps_nothing_more():
    from lms.tests.factories import UserFactory

    loose = UserFactory(account_type=User.AccountType.YOUNG, email="")
    assert not young_data_allowed(user=loose)


def test_adults_are_not_concerned_by_the_rule(teacher):
    assert young_data_allowed(user=teacher)


def test_without_consent_a_child_cannot_write_a_display_name(child):
    from lms.services import user_profile_update

    user_profile_update(user=child.user, display_name="Emma from 4B", preferred_language="nl")
    child.user.refresh_from_db()
    assert child.user.display_name == "Emma"
    assert child.user.preferred_language == "nl"


def test_without_consent_puzzle_progress_is_still_kept(child):
    progress, counted = puzzle_result_record(
        user=child.user,
        level_number=1,
        idempotency_key="k1",
        digest="d1",
        solved=True,
        stars=3,
        block_count=2,
    )
    assert counted and progress.best_stars == 3


# --- puzzle progress -------------------------------------------------------


def _record(user, key, digest, *, solved=False, stars=0, blocks=3):
    return puzzle_result_record(
        user=user,
        level_number=2,
        idempotency_key=key,
        digest=digest,
        solved=solved,
        stars=stars,
        block_count=blocks,
    )


def test_the_same_key_counts_once(child):
    _record(child.user, "k1", "d1")
    _progress, counted = _record(child.user, "k1", "d2")
    assert not counted
    assert PuzzleProgress.objects.get().attempts == 1


def test_the_same_program_again_counts_once(child):
    _record(child.user, "k1", "d1")
    _record(child.user, "k2", "d1")
    assert PuzzleProgress.objects.get().attempts == 1


def test_the_best_stars_are_kept_and_attempts_counted(child):
    _record(child.user, "k1", "d1", solved=True, stars=3, blocks=4)
    _record(child.user, "k2", "d2", solved=True, stars=1, blocks=9)
    _record(child.user, "k3", "d3")
    progress = PuzzleProgress.objects.get()
    assert (progress.solved, progress.best_stars, progress.attempts) == (True, 3, 3)
    assert progress.best_block_count == 4
