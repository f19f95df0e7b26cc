"""Writes for class sections: sections and their codes, children and their
picture passwords, picture logins with their lock, the parental consent
ledger, and the one rule that says which data a young
learner's account may keep (`young_data_allowed`).
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from audit.services import audit_record
from lms.exceptions import LearningError
from lms.models import (
    ClassSection,
    ConsentRecord,
    PictureLoginAttempt,
    SectionChild,
    User,
)
from lms.pictures import BY_KEY, PASSWORD_LENGTH, PICTURES
from lms.roles import GROUP_NAMES, Role
from lms.services.accounts import user_create

# Letters only, without the ones that are read or written alike (I/J/L, O/Q,
# U/V, B, S, Z): 6 of 16 letters give 16.7 million codes, and lookups are
# rate limited. Unique among open sections (a constraint), retried on a clash.
CODE_ALPHABET = "ACDEFGHKMNPRTWXY"
CODE_LENGTH = 6
MAX_CHILDREN_PER_ADD = 40
MAX_CHILDREN_PER_SECTION = 60
NAME_RE = re.compile(r"^[^\W\d_]+(?:[-' ’][^\W\d_]+)*$")

# Guessing picture passwords: after SLOW_AFTER failed tries a child waits
# SLOW_SECONDS between tries; after CHILD_LOCK_FAILURES within LOCK_WINDOW the
# child's picture login pauses until the window passes, the teacher lifts the
# pause or gives a new picture password. Only that child pauses: there is no
# class-wide pause, which anyone knowing the class code could trigger. The
# views also limit wrong tries per device and per address (config.ratelimit).
SLOW_AFTER = 5
SLOW_SECONDS = 10
CHILD_LOCK_FAILURES = 10
LOCK_WINDOW = timedelta(minutes=15)

# A level tried this many times without being solved: the child is stuck.
STUCK_ATTEMPTS = 5


class SectionError(LearningError):
    """A refused section action; `message` is translated, `code` names the case."""


# --- the data rule ---------------------------------------------------------


def young_data_allowed(*, user: User) -> bool:
    """The one rule for children's data: a young learner's account keeps data
    beyond the first name and puzzle progress in the class (xAPI statements,
    focus events, free text, e-mail) only when allowed — in a section for
    children of 13 or older, or with a parent's consent on record. A young
    account outside any section keeps nothing more (deny by default)."""
    if getattr(user, "account_type", None) != User.AccountType.YOUNG:
        return True
    child = (
        SectionChild.objects.filter(user_id=user.pk)
        .only("consent_at", "section__under_13")
        .select_related("section")
        .first()
    )
    if child is None:
        return False
    return not child.section.under_13 or child.consent_at is not None


# --- sections --------------------------------------------------------------


def section_code_new() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def section_code_normalise(text: str) -> str:
    """What a child types, made comparable: capitals, no spaces or dashes."""
    return re.sub(r"[\s\-]", "", text or "").upper()[:16]


@transaction.atomic
def section_create(
    *, teacher: User, name: str, language: str, school_year: str, under_13: bool
) -> ClassSection:
    """A new open section with a fresh code, owned by `teacher`."""
    name = name.strip()
    if not name:
        raise SectionError(_("Give the class a name."), code="no_name")
    if language not in dict(settings.LANGUAGES):
        raise SectionError(_("Choose a language."), code="bad_language")
    if not re.fullmatch(r"\d{4}-\d{4}", school_year or ""):
        raise SectionError(_("Write the school year like 2026-2027."), code="bad_year")
    for _try in range(10):
        try:
            with transaction.atomic():
                section = ClassSection.objects.create(
                    teacher=teacher,
                    name=name[:80],
                    language=language,
                    school_year=school_year,
                    under_13=under_13,
                    code=section_code_new(),
                )
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover - sixteen million codes
        raise SectionError(_("No class code is free. Try again."), code="no_code")
    audit_record(
        actor=teacher, action="section.create", target=section, data={"code": section.code}
    )
    return section


@transaction.atomic
def section_close(*, section: ClassSection, closed_by: User) -> bool:
    """Close the section: its code stops working, its children can no longer
    sign in, and their accounts are erased once the close is committed
    (`lms.tasks.section_children_erase`; the retention schedule finishes the
    work if the task is lost). Print the class diplomas before: the platform
    keeps none. False if already closed."""
    changed = ClassSection.objects.filter(pk=section.pk, status=ClassSection.Status.OPEN).update(
        status=ClassSection.Status.CLOSED, closed_at=timezone.now()
    )
    if not changed:
        return False
    User.objects.filter(section_child__section=section).update(is_active=False)
    section.refresh_from_db()
    audit_record(actor=closed_by, action="section.close", target=section)
    from lms.tasks import section_children_erase

    section_children_erase.delay_on_commit(section.pk)
    return True


# --- children --------------------------------------------------------------


def _parse_names(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """[(first name, initial of the last name or "")], and the errors."""
    parsed, errors = [], []
    for number, line in enumerate(lines, start=1):
        words = line.split()
        if not words:
            continue
        first = words[0].strip()[:30]
        initial = words[1][0].upper() if len(words) > 1 else ""
        if not NAME_RE.match(first) or (initial and not initial.isalpha()):
            errors.append(
                _("Line %(number)d: “%(text)s” is not a first name.")
                % {"number": number, "text": line.strip()[:40]}
            )
            continue
        parsed.append((first[:1].upper() + first[1:], initial))
    return parsed, errors


def _names_for(parsed: list[tuple[str, str]], taken: set[str]) -> tuple[list[str], list[str]]:
    """First names only; a first name met twice gets the initial of the last
    name ("Emma P."). Returns the names and the errors."""
    counts: dict[str, int] = {}
    for first, _initial in parsed:
        counts[first.casefold()] = counts.get(first.casefold(), 0) + 1
    taken_folded = {t.casefold() for t in taken}
    names, errors, seen = [], [], set()
    for first, initial in parsed:
        duplicate = counts[first.casefold()] > 1 or first.casefold() in taken_folded
        if duplicate and not initial:
            errors.append(
                _(
                    "There is more than one %(name)s. Add the first letter of the last name, "
                    "for example “%(name)s P”."
                )
                % {"name": first}
            )
            continue
        name = f"{first} {initial}." if duplicate else first
        if name.casefold() in seen or name.casefold() in taken_folded:
            errors.append(_("%(name)s is already in the class.") % {"name": name})
            continue
        seen.add(name.casefold())
        names.append(name)
    return names, errors


def _set_pictures(child: SectionChild, pictures: list[str]) -> None:
    child.picture_salt = secrets.token_hex(16)
    child.picture_hash = _picture_digest(child.picture_salt, pictures)
    child.picture_set_at = timezone.now()


def _picture_digest(salt: str, pictures: list[str]) -> str:
    # A keyed hash (HMAC with the secret key and a salt per child), not a slow
    # password hash: 12^3 sequences are too few for slowness to protect them
    # offline, the secret key does; online guessing is stopped by the lock.
    return salted_hmac(
        "lms.sections.picture_password", f"{salt}:{'-'.join(pictures)}", algorithm="sha256"
    ).hexdigest()


def picture_password_new() -> list[str]:
    """Three different pictures in a random order."""
    keys = [p.key for p in PICTURES]
    return [keys.pop(secrets.randbelow(len(keys))) for _ in range(PASSWORD_LENGTH)]


@transaction.atomic
def section_children_add(*, section: ClassSection, text: str, added_by: User) -> list[SectionChild]:
    """Add children by first name, one per line (up to 40 at once). Each is a
    young learner's account without e-mail or password; the picture password
    comes with the login card. All or nothing: any error adds nobody."""
    if not section.is_open:
        raise SectionError(_("This class is closed."), code="closed")
    lines = [line for line in (text or "").splitlines() if line.strip()]
    if not lines:
        raise SectionError(_("Write at least one first name."), code="empty")
    if len(lines) > MAX_CHILDREN_PER_ADD:
        raise SectionError(
            _("Add at most %(count)d children at once.") % {"count": MAX_CHILDREN_PER_ADD},
            code="too_many",
        )
    ClassSection.objects.select_for_update().filter(pk=section.pk).first()
    taken = set(SectionChild.objects.filter(section=section).values_list("first_name", flat=True))
    if len(taken) + len(lines) > MAX_CHILDREN_PER_SECTION:
        raise SectionError(
            _("A class has at most %(count)d children.") % {"count": MAX_CHILDREN_PER_SECTION},
            code="section_full",
        )
    parsed, errors = _parse_names(lines)
    names, name_errors = _names_for(parsed, taken)
    errors += name_errors
    if errors:
        raise SectionError(" ".join(errors), code="bad_names")
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=GROUP_NAMES[Role.YOUNG_LEARNER])
    children = []
    for name in names:
        user = user_create(
            first_name=name.split()[0],
            display_name=name,
            preferred_language=section.language,
            account_type=User.AccountType.YOUNG,
        )
        user.groups.add(group)
        children.append(
            SectionChild.objects.create(
                section=section,
                user=user,
                first_name=name,
                family_language=section.language,
            )
        )
    audit_record(
        actor=added_by,
        action="section.children_add",
        target=section,
        data={"count": len(children)},
    )
    return children


@transaction.atomic
def child_picture_password_set(
    *, child: SectionChild, pictures: list[str] | None = None, set_by: User | None
) -> list[str]:
    """Give the child a new picture password (random unless given) and return
    it, to be shown or printed once: only its keyed hash is kept."""
    pictures = list(pictures or picture_password_new())
    if len(pictures) != PASSWORD_LENGTH or any(p not in BY_KEY for p in pictures):
        raise ValueError("a picture password is three known pictures")
    _set_pictures(child, pictures)
    child.save(update_fields=["picture_salt", "picture_hash", "picture_set_at"])
    audit_record(
        actor=set_by,
        action="section.picture_password_set",
        target=child,
        subject_user=child.user,
    )
    return pictures


@transaction.atomic
def section_cards_issue(
    *, section: ClassSection, issued_by: User, everyone: bool = False
) -> list[tuple[SectionChild, list[str]]]:
    """New picture passwords for the login cards: for the children who have no
    card yet, or for `everyone` (old cards stop working)."""
    if not section.is_open:
        raise SectionError(_("This class is closed."), code="closed")
    children = SectionChild.objects.select_for_update().filter(section=section)
    if not everyone:
        children = children.filter(picture_set_at__isnull=True)
    issued = []
    for child in children.order_by("first_name", "id"):
        pictures = picture_password_new()
        _set_pictures(child, pictures)
        issued.append((child, pictures))
    SectionChild.objects.bulk_update(
        [c for c, _p in issued], ["picture_salt", "picture_hash", "picture_set_at"]
    )
    audit_record(
        actor=issued_by,
        action="section.cards_issue",
        target=section,
        data={"count": len(issued), "everyone": everyone},
    )
    return issued


@transaction.atomic
def section_child_remove(*, child: SectionChild, removed_by: User) -> None:
    """Delete a child's account and everything it holds (progress, consent
    rows, login tries): on a parent's request or when the child leaves."""
    audit_record(
        actor=removed_by,
        action="section.child_remove",
        target=child.section,
        data={"child": child.pk},
    )
    child.user.delete()


# --- picture login ---------------------------------------------------------


_LOGIN_MESSAGES = {
    "closed": lambda: _("This class is closed. Ask your teacher."),
    "child_locked": lambda: _(
        "Your pictures are locked for 15 minutes. Ask your teacher for help."
    ),
    "slow_down": lambda: _("Wait a few seconds, then try again."),
    "wrong_pictures": lambda: _("These are not your pictures. Try again."),
}


def picture_login_check(
    *, child: SectionChild, pictures: list[str], known_device: bool = False
) -> User:
    """Check a child's picture password and return their account, or raise a
    SectionError: wrong pictures, slow down, child locked, section closed.
    Every decided try is counted in the database (committed before the error
    is raised, so that a refusal still counts). A `known_device` (one this
    child signed in on before) is not held by the child's pause: a stranger
    guessing cannot keep the child out of their own tablet; the device's own
    limit (views) still applies to it."""
    user, refusal = _picture_try(child, list(pictures), known_device)
    if refusal:
        raise SectionError(_LOGIN_MESSAGES[refusal](), code=refusal)
    return user


@transaction.atomic
def _picture_try(
    child: SectionChild, pictures: list[str], known_device: bool = False
) -> tuple[User | None, str]:
    section = child.section
    if not section.is_open or not child.user.is_active:
        return None, "closed"
    # One child's tries are counted one after the other.
    child = SectionChild.objects.select_for_update().select_related("user").get(pk=child.pk)
    now = timezone.now()
    failures = [] if known_device else _recent_failures(child, now)
    if len(failures) >= CHILD_LOCK_FAILURES:
        return None, "child_locked"
    if len(failures) >= SLOW_AFTER and now - failures[0] < timedelta(seconds=SLOW_SECONDS):
        return None, "slow_down"
    right = bool(child.picture_hash) and len(pictures) == PASSWORD_LENGTH
    right = right and constant_time_compare(
        _picture_digest(child.picture_salt, pictures), child.picture_hash
    )
    PictureLoginAttempt.objects.create(section=section, child=child, succeeded=right)
    if right:
        return child.user, ""
    return None, "child_locked" if len(failures) + 1 >= CHILD_LOCK_FAILURES else "wrong_pictures"


def _failures_since(child: SectionChild, now):
    """The moment from which a child's failed tries count: the lock window,
    cut short by a new picture password or a lifted pause."""
    moments = [now - LOCK_WINDOW, child.picture_set_at, child.pause_lifted_at]
    return max(moment for moment in moments if moment is not None)


def _recent_failures(child: SectionChild, now) -> list:
    return list(
        PictureLoginAttempt.objects.filter(
            child=child, succeeded=False, created_at__gte=_failures_since(child, now)
        )
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:CHILD_LOCK_FAILURES]
    )


@transaction.atomic
def child_pause_lift(*, child: SectionChild, lifted_by: User) -> bool:
    """The teacher lets a paused child try their pictures again (the earlier
    wrong tries no longer count). False when the child was not paused."""
    child = SectionChild.objects.select_for_update().get(pk=child.pk)
    now = timezone.now()
    if len(_recent_failures(child, now)) < CHILD_LOCK_FAILURES:
        return False
    child.pause_lifted_at = now
    child.save(update_fields=["pause_lifted_at"])
    audit_record(
        actor=lifted_by,
        action="section.child_pause_lift",
        target=child.section,
        data={"child": child.pk},
    )
    return True


# --- parental consent ------------------------------------------------------


def _consent_entry(
    *, child: SectionChild, kind: str, method: str, guardian_name: str, recorded_by: User
) -> ConsentRecord:
    guardian_name = (guardian_name or "").strip()
    if method not in ConsentRecord.Method.values:
        raise SectionError(_("Choose how the answer came."), code="bad_method")
    if not guardian_name:
        raise SectionError(_("Write the name of the parent or guardian."), code="no_guardian")
    SectionChild.objects.select_for_update().filter(pk=child.pk).first()
    entry = ConsentRecord.objects.create(
        child=child,
        kind=kind,
        method=method,
        guardian_name=guardian_name[:120],
        recorded_by=recorded_by,
    )
    child.consent_at = entry.recorded_at if kind == ConsentRecord.Kind.GIVEN else None
    child.save(update_fields=["consent_at"])
    audit_record(
        actor=recorded_by,
        action=f"section.consent_{kind}",
        target=child,
        subject_user=child.user,
        data={"method": method},
    )
    return entry


@transaction.atomic
def consent_record(
    *, child: SectionChild, method: str, guardian_name: str, recorded_by: User
) -> ConsentRecord:
    """A parent's consent arrived (reply slip, e-mail, in person): add it to the
    ledger with who recorded it and when."""
    return _consent_entry(
        child=child,
        kind=ConsentRecord.Kind.GIVEN,
        method=method,
        guardian_name=guardian_name,
        recorded_by=recorded_by,
    )


@transaction.atomic
def consent_withdraw(
    *, child: SectionChild, method: str, guardian_name: str, recorded_by: User
) -> ConsentRecord:
    """A parent withdrew consent: from now on the child's account keeps only
    the first name and puzzle progress again."""
    if child.consent_at is None:
        raise SectionError(_("There is no consent to withdraw."), code="no_consent")
    return _consent_entry(
        child=child,
        kind=ConsentRecord.Kind.WITHDRAWN,
        method=method,
        guardian_name=guardian_name,
        recorded_by=recorded_by,
    )
