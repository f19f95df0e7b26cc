"""Demo organisation, DBSF call and project, with the demo partner account as
its manager. Demo only (run by `seed_demo`)."""

import datetime

from django.db import transaction

from lms.models import User
from partners.models import (
    Cohort,
    CohortCourse,
    Membership,
    Organisation,
    PartnerLearner,
    Programme,
    Project,
    ProjectTarget,
    Region,
    TargetGroup,
)
from partners.services import LearnerInput, learners_enrol, membership_grant, outcome_record

DEMO_ORGANISATION_SLUG = "digitaal-talent"


@transaction.atomic
def seed() -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        slug=DEMO_ORGANISATION_SLUG,
        defaults={
            "name": "Digitaal Talent vzw",
            "kind": Organisation.Kind.DBSF_PROJECT,
            "region": Region.BRUSSELS,
            "language": "fr",
        },
    )
    project = project_seed(
        reference="DBSF-2026-042",
        organisation=organisation,
        name="Digital first steps in Brussels",
        budget_eur=180_000,
        ends_on=datetime.date(2027, 6, 30),
        region=Region.BRUSSELS,
        targets=[
            ("", 400, 200),
            (TargetGroup.JOBSEEKERS, 250, 120),
            (TargetGroup.YOUNG_PEOPLE, 100, 50),
            (TargetGroup.WOMEN_IN_DIGITAL, 150, 60),
        ],
    )
    partner = User.objects.filter(username="partner").first()
    if partner is not None:
        membership_grant(organisation=organisation, user=partner, role=Membership.Role.MANAGER)
    _seed_cohort(project, partner)
    return organisation


def project_seed(
    *,
    reference: str,
    organisation: Organisation,
    name: str,
    budget_eur: int,
    ends_on: datetime.date,
    region: str,
    targets: list[tuple[str, int, int]],
) -> Project:
    """A project of the demo DBSF call 2026 (from 1 January 2026) with its
    targets `(target group, learners, certified)`; idempotent on `reference`.
    The other apps' demos ask this rather than write partners' tables."""
    programme, _ = Programme.objects.get_or_create(
        code="dbsf-2026", defaults={"name": "DBSF call 2026", "year": 2026}
    )
    project, _ = Project.objects.get_or_create(
        reference=reference,
        defaults={
            "programme": programme,
            "organisation": organisation,
            "name": name,
            "budget_eur": budget_eur,
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": ends_on,
            "region": region,
        },
    )
    for group, learners, certified in targets:
        ProjectTarget.objects.get_or_create(
            project=project,
            target_group=group,
            course_key=None,
            defaults={"learners": learners, "certified": certified},
        )
    return project


DEMO_LEARNERS = [
    ("DT-0001", "Aïcha", "El Amrani", "1080", "jobseeker", ("jobseekers", "women_in_digital")),
    ("DT-0002", "Mehmet", "Özdemir", "1030", "jobseeker", ("jobseekers",)),
    ("DT-0003", "Léa", "Dubois", "1190", "student", ("young_people",)),
    ("DT-0004", "Jean-Pierre", "Lambert", "1070", "other", ("seniors",)),
]


def _seed_cohort(project: Project, partner: User | None) -> None:
    """A cohort following the first live course, with four learners without
    e-mail (enrolled as an import would) and one outcome."""
    from courses.models import CoursePage

    course = CoursePage.objects.live().order_by("pk").first()
    if course is None:
        return
    cohort, created = Cohort.objects.get_or_create(
        project=project,
        name="Groupe de mars",
        defaults={"trainer": partner, "starts_on": datetime.date(2026, 3, 2)},
    )
    if created:
        CohortCourse.objects.create(cohort=cohort, course_key=course.translation_key)
    learners_enrol(
        organisation=project.organisation,
        learners=[
            LearnerInput(
                external_id=external_id,
                first_name=first,
                last_name=last,
                language="fr",
                postcode=postcode,
                situation=situation,
                target_groups=groups,
            )
            for external_id, first, last, postcode, situation, groups in DEMO_LEARNERS
        ],
        cohort=cohort,
        enrolled_by=partner,
    )
    first = PartnerLearner.objects.get(organisation=project.organisation, external_id="DT-0001")
    outcome_record(learner=first, point="3m", situation="job_found", recorded_by=partner)
