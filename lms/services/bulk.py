"""Bulk versions of account creation and enrolment, for partner imports of
tens of thousands of people: the same rows, audit entries, statements and
e-mails as `user_create` and `enrolment_create`, in a bounded number of queries.

The callers validate their input first; a row that still breaks a constraint
fails the whole transaction (nothing half-done)."""

import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.utils.text import slugify

from audit.services import audit_record_many
from courses.models import CoursePage
from lms.bulk_sql import bulk_insert
from lms.models import Enrolment, Statement, User
from lms.services.xapi import statement_build, statements_forward_on_commit

BATCH_SIZE = 2000
WELCOME_CHUNK = 200


@dataclass(frozen=True)
class NewPerson:
    first_name: str
    last_name: str = ""
    email: str = ""
    preferred_language: str = "en"


def _usernames(stems: list[str]) -> list[str]:
    names = [f"{stem}-{secrets.token_hex(3)}" for stem in stems]
    while True:
        taken = set()
        for start in range(0, len(names), 5000):
            taken |= set(
                User.objects.filter(username__in=names[start : start + 5000]).values_list(
                    "username", flat=True
                )
            )
        seen: set[str] = set()
        clashes = []
        for index, name in enumerate(names):
            if name in taken or name in seen:
                clashes.append(index)
            seen.add(name)
        if not clashes:
            return names
        for index in clashes:
            names[index] = f"{stems[index]}-{secrets.token_hex(4)}"


def _audit(actor: User | None, action: str, targets_and_subjects, data) -> None:
    if actor is None:
        return
    audit_record_many(
        actor=actor, action=action, targets_and_subjects=targets_and_subjects, data=data
    )


@transaction.atomic
def users_create_bulk(
    *, people: list[NewPerson], created_by: User | None = None, welcome: bool = True
) -> list[User]:
    """Create accounts without a usable password, one per person, in order;
    those with an e-mail are welcomed once the transaction commits (unless
    `welcome` is False: the caller holds the welcomes and sends them later)."""
    stems = [slugify(p.first_name)[:20] or "learner" for p in people]
    usernames = _usernames(stems)
    users = [
        User(
            username=username,
            email=User.objects.normalize_email(person.email) if person.email else "",
            display_name=person.first_name,
            first_name=person.first_name,
            last_name=person.last_name,
            # A partner's file names the person as their records do.
            legal_name_source=(
                User.LegalNameSource.PARTNER
                if person.first_name.strip() and person.last_name.strip()
                else User.LegalNameSource.NONE
            ),
            preferred_language=person.preferred_language,
            account_type=User.AccountType.STANDARD,
            # Unusable, as set_unusable_password() makes it, without 40 calls
            # to the random generator per account.
            password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
        )
        for person, username in zip(people, usernames, strict=True)
    ]
    bulk_insert(User, users)
    _audit(
        created_by,
        "user.create",
        ((user, user) for user in users),
        lambda _user: {"account_type": User.AccountType.STANDARD},
    )
    welcome = [user.pk for user in users if user.email] if welcome else []
    if welcome:
        from lms.tasks import accounts_welcome_send

        for start in range(0, len(welcome), WELCOME_CHUNK):
            accounts_welcome_send.delay_on_commit(welcome[start : start + WELCOME_CHUNK])
    return users


@transaction.atomic
def enrolments_create_bulk(
    *,
    pairs: list[tuple[User, CoursePage]],
    source: str,
    enrolled_by: User | None = None,
) -> dict[tuple[int, object], tuple[Enrolment, bool]]:
    """Enrol each (learner, course); idempotent like `enrolment_create`: an
    existing enrolment is kept, a cancelled one reopened. Returns
    (learner id, course key) -> (enrolment, whether it is new or reopened)."""
    if source not in Enrolment.Source.values:
        raise ValueError(f"unknown enrolment source {source!r}")
    wanted: dict[tuple[int, object], tuple[User, CoursePage]] = {}
    for user, course in pairs:
        if not course.live:
            raise ValueError(f"course {course.translation_key} is not live")
        wanted.setdefault((user.pk, course.translation_key), (user, course))
    found: dict[tuple[int, object], Enrolment] = {}
    keys = {key for _pk, key in wanted}
    user_ids = sorted({pk for pk, _key in wanted})
    for start in range(0, len(user_ids), 5000):
        for enrolment in Enrolment.objects.select_for_update().filter(
            learner_id__in=user_ids[start : start + 5000], course_key__in=keys
        ):
            found[(enrolment.learner_id, enrolment.course_key)] = enrolment
    reopened = [
        e for pair, e in found.items() if pair in wanted and e.status == Enrolment.Status.CANCELLED
    ]
    if reopened:
        Enrolment.objects.filter(pk__in=[e.pk for e in reopened]).update(
            status=Enrolment.Status.ACTIVE, cancelled_at=None
        )
        for enrolment in reopened:
            enrolment.status, enrolment.cancelled_at = Enrolment.Status.ACTIVE, None
    new = [
        Enrolment(
            learner=user,
            course_key=course.translation_key,
            course=course,
            source=source,
            enrolled_by=enrolled_by,
        )
        for pair, (user, course) in wanted.items()
        if pair not in found
    ]
    bulk_insert(Enrolment, new)
    fresh = [*new, *reopened]
    statements = [
        statement_build(
            learner=wanted[(e.learner_id, e.course_key)][0],
            verb="registered",
            object_kind="course",
            object_key=e.course_key,
            course_key=e.course_key,
            name=wanted[(e.learner_id, e.course_key)][1].title,
        )
        for e in fresh
    ]
    bulk_insert(Statement, statements)
    statements_forward_on_commit([s.pk for s in statements])
    _audit(
        enrolled_by,
        "enrolment.create",
        ((e, wanted[(e.learner_id, e.course_key)][0]) for e in fresh),
        lambda e: {"source": source, "course": str(e.course_key)},
    )
    result = {pair: (enrolment, False) for pair, enrolment in found.items() if pair in wanted}
    for enrolment in fresh:
        result[(enrolment.learner_id, enrolment.course_key)] = (enrolment, True)
    return result
