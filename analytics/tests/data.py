"""A small project whose report figures are counted by hand in the tests.

Project 2026-01-01..2026-12-31, budget 100,000 EUR; targets: all 40 learners
(20 certified), jobseekers 10 (5 certified). In the cohort's course, enrolled
in March 2026:
- 6 women born 1990-05-17 (35-44 on 2026-12-31), jobseekers; 4 completed,
  3 certified; 2 found a job at 3 months;
- 4 men born 2010-01-01 (16: under 18), no target group; 1 completed;
- 1 person (x) born 2008-12-31: 18 on the last day -> 18-24;
- 1 person (x) born 2009-01-01: 17 on the last day -> under 18.
Not counted: a learner enrolled in 2025, one enrolled in a course the cohort
does not follow, one in another organisation's project.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from analytics.tests.factories import certificate_for, enrol
from partners.models import (
    CohortCourse,
    CohortMember,
    LearnerTargetGroup,
    Outcome,
    ProjectTarget,
    TargetGroup,
)
from partners.tests.factories import CohortFactory, PartnerLearnerFactory, ProjectFactory

MARCH = timezone.make_aware(datetime.datetime(2026, 3, 1, 10, 0))
JUNE = timezone.make_aware(datetime.datetime(2026, 6, 1, 10, 0))


@dataclass
class Small:
    project: object
    other_project: object
    cohort: object
    course: object


def _learner(organisation, cohort, *, gender, birth_date, groups=()):
    learner = PartnerLearnerFactory(organisation=organisation, gender=gender, birth_date=birth_date)
    CohortMember.objects.create(cohort=cohort, learner=learner)
    for group in groups:
        LearnerTargetGroup.objects.create(learner=learner, target_group=group)
    return learner


def build_small_project(course) -> Small:
    project = ProjectFactory(budget_eur=100_000)
    ProjectTarget.objects.create(project=project, target_group="", learners=40, certified=20)
    ProjectTarget.objects.create(
        project=project, target_group=TargetGroup.JOBSEEKERS, learners=10, certified=5
    )
    organisation = project.organisation
    cohort = CohortFactory(project=project)
    CohortCourse.objects.create(cohort=cohort, course_key=course.translation_key)
    women = [
        _learner(
            organisation,
            cohort,
            gender="f",
            birth_date=datetime.date(1990, 5, 17),
            groups=[TargetGroup.JOBSEEKERS],
        )
        for _ in range(6)
    ]
    for n, learner in enumerate(women):
        completed = JUNE if n < 4 else None
        enrol(learner.user, course, at=MARCH, completed_at=completed)
        if n < 3:
            certificate_for(learner.user, course, at=JUNE)
        if n < 2:
            Outcome.objects.create(learner=learner, point="3m", situation="job_found")
    for n in range(4):
        learner = _learner(organisation, cohort, gender="m", birth_date=datetime.date(2010, 1, 1))
        enrol(learner.user, course, at=MARCH, completed_at=JUNE if n == 0 else None)
    for birth in (datetime.date(2008, 12, 31), datetime.date(2009, 1, 1)):
        learner = _learner(organisation, cohort, gender="x", birth_date=birth)
        enrol(learner.user, course, at=MARCH)
    # Not counted in 2026: enrolled in 2025.
    early = _learner(organisation, cohort, gender="f", birth_date=datetime.date(1980, 1, 1))
    enrol(early.user, course, at=timezone.make_aware(datetime.datetime(2025, 12, 1)))
    # Not counted: the cohort does not follow this course (a cohort-less enrolment).
    elsewhere = _learner(organisation, cohort, gender="f", birth_date=None)
    enrol(elsewhere.user, course, at=MARCH, course_key="00000000-0000-0000-0000-000000000001")
    # Another organisation's project.
    other = ProjectFactory()
    other_cohort = CohortFactory(project=other)
    CohortCourse.objects.create(cohort=other_cohort, course_key=course.translation_key)
    stranger = _learner(other.organisation, other_cohort, gender="m", birth_date=None)
    enrol(stranger.user, course, at=MARCH)
    return Small(project=project, other_project=other, cohort=cohort, course=course)
