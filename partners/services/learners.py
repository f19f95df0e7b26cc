"""Enrol a partner's learners: one service for file imports and the API.

Idempotent on the organisation's own learner id: sending the same person twice
updates their record and enrols them in what is missing, never a second
account or enrolment. The whole batch is one transaction.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from courses.models import CoursePage
from lms.models import Enrolment, User
from lms.services import enrolment_create, user_create
from partners.models import (
    Cohort,
    CohortMember,
    LearnerTargetGroup,
    Organisation,
    PartnerLearner,
    Situation,
)
from partners.models.vocabulary import region_for_postcode
from partners.signals import learner_enrolled


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


def _course_pages(keys) -> dict:
    pages = {}
    for page in CoursePage.objects.live().filter(translation_key__in=set(keys)).order_by("pk"):
        pages.setdefault(page.translation_key, page)
    return pages


@transaction.atomic
def learners_enrol(
    *,
    organisation: Organisation,
    learners: list[LearnerInput],
    cohort: Cohort | None = None,
    enrolled_by: User | None = None,
) -> list[LearnerResult]:
    """Create or update each learner of `organisation`, add them to `cohort`
    and enrol them in the cohort's courses plus their own `course_keys`."""
    if cohort is not None and cohort.project.organisation_id != organisation.pk:
        raise ValueError("the cohort belongs to another organisation")
    cohort_keys = list(cohort.courses.values_list("course_key", flat=True)) if cohort else []
    pages = _course_pages([*cohort_keys, *(k for row in learners for k in row.course_keys)])
    existing = {
        learner.external_id: learner
        for learner in PartnerLearner.objects.select_for_update()
        .select_related("user")
        .filter(organisation=organisation, external_id__in=[row.external_id for row in learners])
    }
    results = []
    for row in learners:
        learner = existing.get(row.external_id)
        created = learner is None
        if created:
            user = user_create(
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
                display_name=row.first_name,
                preferred_language=row.language,
                created_by=enrolled_by,
            )
            learner = PartnerLearner(
                organisation=organisation, external_id=row.external_id, user=user
            )
        learner.first_name = row.first_name
        learner.last_name = row.last_name
        learner.birth_date = row.birth_date
        learner.gender = row.gender
        learner.postcode = row.postcode
        learner.region = region_for_postcode(row.postcode) or ""
        learner.situation = row.situation
        learner.save()
        existing[row.external_id] = learner
        for group in row.target_groups:
            LearnerTargetGroup.objects.get_or_create(learner=learner, target_group=group)
        if cohort is not None:
            CohortMember.objects.get_or_create(cohort=cohort, learner=learner)
        enrolment_ids = []
        for key in dict.fromkeys([*cohort_keys, *row.course_keys]):
            page = pages.get(key)
            if page is None:
                raise ValueError(f"unknown or unpublished course {key}")
            known = Enrolment.objects.filter(
                learner=learner.user, course_key=key, status=Enrolment.Status.ACTIVE
            ).exists()
            enrolment = enrolment_create(
                learner=learner.user,
                course=page,
                source=Enrolment.Source.PARTNER,
                enrolled_by=enrolled_by,
            )
            enrolment_ids.append(enrolment.pk)
            if not known:
                _send_enrolled(organisation, learner, key, enrolment.pk)
        results.append(
            LearnerResult(
                external_id=row.external_id,
                learner_id=learner.pk,
                created=created,
                enrolment_ids=tuple(enrolment_ids),
            )
        )
    return results


def _send_enrolled(organisation, learner, course_key, enrolment_id) -> None:
    transaction.on_commit(
        lambda: learner_enrolled.send(
            sender=PartnerLearner,
            organisation_id=organisation.pk,
            learner_id=learner.pk,
            external_id=learner.external_id,
            course_key=course_key,
            enrolment_id=enrolment_id,
        )
    )
