"""Enrol a partner's learners: one service for file imports and the API.

Idempotent on the organisation's own learner id: sending the same person twice
updates their record and enrols them in what is missing, never a second
account or enrolment. The whole batch is one transaction.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage
from lms.bulk_sql import bulk_insert
from lms.models import Enrolment, User
from lms.services import NewPerson, enrolments_create_bulk, users_create_bulk
from partners.models import (
    Cohort,
    CohortMember,
    LearnerTargetGroup,
    Organisation,
    PartnerLearner,
    Situation,
)
from partners.models.vocabulary import region_for_postcode
from partners.signals import learners_enrolled


@dataclass(frozen=True)
class LearnerInput:
    """One learner as a partner sends them, already validated."""

    external_id: str
    first_name: str
    last_name: str = ""
    email: str = ""
    language: str = "nl"
    birth_date: datetime.date | None = None
    gender: str = "u"
    postcode: str = ""
    situation: str = Situation.UNKNOWN
    target_groups: tuple[str, ...] = ()
    course_keys: tuple = field(default_factory=tuple)


@dataclass(frozen=True)
class LearnerResult:
    external_id: str
    learner_id: int
    created: bool
    enrolment_ids: tuple[int, ...]
    # Courses this call newly enrolled the learner in (on the learner's first
    # row only), for the caller that announces the enrolments itself.
    new_course_keys: tuple = ()


def _course_pages(keys) -> dict:
    pages = {}
    for page in CoursePage.objects.live().filter(translation_key__in=set(keys)).order_by("pk"):
        pages.setdefault(page.translation_key, page)
    return pages


CHUNK = 5000
_FIELDS = ["first_name", "last_name", "birth_date", "gender", "postcode", "region", "situation"]


@transaction.atomic
def learners_enrol(
    *,
    organisation: Organisation,
    learners: list[LearnerInput],
    cohort: Cohort | None = None,
    enrolled_by: User | None = None,
    announce: bool = True,
) -> list[LearnerResult]:
    """Create or update each learner of `organisation`, add them to `cohort`
    and enrol them in the cohort's courses plus their own `course_keys`.

    With `announce` (one learner by hand, the API) new accounts are welcomed
    and the `learners_enrolled` signal is sent after commit; a file import
    passes False: it holds the welcomes and announces itself (paged).

    Written in bulk (a bounded number of queries per 2,000 learners), so that
    a 50,000-row import fits in one transaction. A learner sent twice in the
    same call takes the last row's details and every course of both rows."""
    if cohort is not None and cohort.project.organisation_id != organisation.pk:
        raise ValueError("the cohort belongs to another organisation")
    cohort_keys = list(cohort.courses.values_list("course_key", flat=True)) if cohort else []
    pages = _course_pages([*cohort_keys, *(k for row in learners for k in row.course_keys)])
    for key in dict.fromkeys([*cohort_keys, *(k for row in learners for k in row.course_keys)]):
        if key not in pages:
            raise ValueError(f"unknown or unpublished course {key}")

    last: dict[str, LearnerInput] = {}
    courses: dict[str, list] = {}
    for row in learners:
        last[row.external_id] = row
        courses.setdefault(row.external_id, list(cohort_keys))
        courses[row.external_id].extend(row.course_keys)
    ids = list(last)
    existing: dict[str, PartnerLearner] = {}
    for start in range(0, len(ids), CHUNK):
        for learner in (
            PartnerLearner.objects.select_for_update()
            .select_related("user")
            .filter(organisation=organisation, external_id__in=ids[start : start + CHUNK])
        ):
            existing[learner.external_id] = learner
    new_ids = [i for i in ids if i not in existing]

    users = users_create_bulk(
        people=[
            NewPerson(
                first_name=last[i].first_name,
                last_name=last[i].last_name,
                email=last[i].email,
                preferred_language=last[i].language,
            )
            for i in new_ids
        ],
        created_by=enrolled_by,
        welcome=announce,
    )
    created = [
        _learner_fill(PartnerLearner(organisation=organisation, external_id=i, user=u), last[i])
        for i, u in zip(new_ids, users, strict=True)
    ]
    bulk_insert(PartnerLearner, created)
    changed = []
    for external_id, learner in existing.items():
        before = [getattr(learner, name) for name in _FIELDS]
        _learner_fill(learner, last[external_id])
        if [getattr(learner, name) for name in _FIELDS] != before:
            changed.append(learner)
    PartnerLearner.objects.bulk_update(changed, [*_FIELDS, "updated_at"], batch_size=2000)
    everyone = {**existing, **{learner.external_id: learner for learner in created}}

    # New learners cannot have rows yet: a plain fast insert. Known ones may:
    # an insert that skips what is already there.
    fresh_ids = set(new_ids)
    groups = [
        LearnerTargetGroup(learner=everyone[i], target_group=group)
        for i in ids
        for group in dict.fromkeys(last[i].target_groups)
    ]
    bulk_insert(LearnerTargetGroup, [g for g in groups if g.learner.external_id in fresh_ids])
    LearnerTargetGroup.objects.bulk_create(
        [g for g in groups if g.learner.external_id not in fresh_ids],
        batch_size=2000,
        ignore_conflicts=True,
    )
    if cohort is not None:
        members = [CohortMember(cohort=cohort, learner=everyone[i]) for i in ids]
        bulk_insert(CohortMember, [m for m in members if m.learner.external_id in fresh_ids])
        CohortMember.objects.bulk_create(
            [m for m in members if m.learner.external_id not in fresh_ids],
            batch_size=2000,
            ignore_conflicts=True,
        )
    enrolments = enrolments_create_bulk(
        pairs=[(everyone[i].user, pages[key]) for i in ids for key in dict.fromkeys(courses[i])],
        source=Enrolment.Source.PARTNER,
        enrolled_by=enrolled_by,
    )
    announced = [
        (everyone[i], key, enrolments[(everyone[i].user_id, key)][0].pk)
        for i in ids
        for key in dict.fromkeys(courses[i])
        if enrolments[(everyone[i].user_id, key)][1]
    ]
    if announce:
        _send_enrolled(organisation, announced)
    new_keys: dict[str, list] = {}
    for learner, key, _enrolment_id in announced:
        new_keys.setdefault(learner.external_id, []).append(key)

    results = []
    fresh = fresh_ids
    seen: set[str] = set()
    for row in learners:
        learner = everyone[row.external_id]
        results.append(
            LearnerResult(
                external_id=row.external_id,
                learner_id=learner.pk,
                created=row.external_id in fresh and row.external_id not in seen,
                enrolment_ids=tuple(
                    enrolments[(learner.user_id, key)][0].pk
                    for key in dict.fromkeys([*cohort_keys, *row.course_keys])
                ),
                new_course_keys=(
                    () if row.external_id in seen else tuple(new_keys.get(row.external_id, ()))
                ),
            )
        )
        seen.add(row.external_id)
    return results


def _learner_fill(learner: PartnerLearner, row: LearnerInput) -> PartnerLearner:
    learner.first_name = row.first_name
    learner.last_name = row.last_name
    learner.birth_date = row.birth_date
    learner.gender = row.gender
    learner.postcode = row.postcode
    learner.region = region_for_postcode(row.postcode) or ""
    learner.situation = row.situation
    learner.updated_at = timezone.now()
    return learner


def _send_enrolled(organisation: Organisation, announced: list) -> None:
    # One signal for the whole batch, after commit: each new enrolment listed
    # once, in the order of the input.
    if not announced:
        return
    enrolments = [
        {
            "learner_id": learner.pk,
            "external_id": learner.external_id,
            "course_key": course_key,
            "enrolment_id": enrolment_id,
        }
        for learner, course_key, enrolment_id in announced
    ]
    transaction.on_commit(
        lambda: learners_enrolled.send(
            sender=PartnerLearner, organisation_id=organisation.pk, enrolments=enrolments
        )
    )
