"""Cohorts: a group of an organisation's learners following courses."""

import datetime

from django.db import transaction

from audit.services import audit_record
from courses.models import CoursePage
from lms.models import User
from partners.models import Cohort, CohortCourse, Membership, Project


@transaction.atomic
def cohort_create(
    *,
    project: Project,
    name: str,
    starts_on: datetime.date,
    course_keys: list,
    trainer: User | None = None,
    ends_on: datetime.date | None = None,
    created_by: User | None = None,
) -> Cohort:
    """Create a cohort of `project` following the given live courses, led by
    one of the organisation's staff."""
    if not course_keys:
        raise ValueError("a cohort follows at least one course")
    live = set(
        CoursePage.objects.live()
        .filter(translation_key__in=course_keys)
        .values_list("translation_key", flat=True)
    )
    keys = list(dict.fromkeys(course_keys))
    if {str(k) for k in keys} - {str(k) for k in live}:
        raise ValueError("unknown or unpublished course")
    if (
        trainer is not None
        and not Membership.objects.filter(organisation=project.organisation, user=trainer).exists()
    ):
        raise ValueError("the trainer is not on the organisation's staff")
    cohort = Cohort.objects.create(
        project=project, name=name, trainer=trainer, starts_on=starts_on, ends_on=ends_on
    )
    CohortCourse.objects.bulk_create([CohortCourse(cohort=cohort, course_key=k) for k in keys])
    audit_record(
        actor=created_by,
        action="partners.cohort_create",
        target=cohort,
        data={"project": project.pk, "courses": [str(k) for k in keys]},
    )
    return cohort
