"""Large cohorts for the scale tests and the benchmark, inserted in bulk
(COPY on PostgreSQL) rather than one factory call per learner."""

import secrets

from lms.bulk_sql import bulk_insert
from lms.models import Enrolment, User
from partners.models import CohortMember, PartnerLearner

FIRST = ["Zoë", "Lotte", "Mehmet", "François", "Jürgen", "Aïcha", "Noah", "Elif", "Léa", "Bram"]
LAST = ["Peeters", "Janssens", "Özdemir", "Dubois", "Müller", "Van den Broeck", "Lambert"]


def cohort_crowd(cohort, size: int, *, course=None, email: bool = True, prefix: str = "C"):
    """`size` learners of the cohort's organisation in the cohort, with an
    account (with an e-mail address or not) and, when `course` is given,
    enrolled in it. Returns the partner learners."""
    organisation = cohort.project.organisation
    tag = secrets.token_hex(3)
    users = [
        User(
            username=f"crowd-{tag}-{n}",
            email=f"crowd{n}.{tag}@example.be" if email else "",
            first_name=FIRST[n % len(FIRST)],
            last_name=LAST[n % len(LAST)],
            password="!unusable",
        )
        for n in range(size)
    ]
    bulk_insert(User, users)
    learners = [
        PartnerLearner(
            organisation=organisation,
            external_id=f"{prefix}-{tag}-{n:06d}",
            user=user,
            first_name=user.first_name,
            last_name=user.last_name,
        )
        for n, user in enumerate(users)
    ]
    bulk_insert(PartnerLearner, learners)
    bulk_insert(CohortMember, [CohortMember(cohort=cohort, learner=x) for x in learners])
    if course is not None:
        bulk_insert(
            Enrolment,
            [
                Enrolment(
                    learner=user,
                    course=course,
                    course_key=course.translation_key,
                    source=Enrolment.Source.PARTNER,
                )
                for user in users
            ],
        )
    return learners
