"""Demo figures for the fund dashboard and the report workflow: learners in a
cohort of the demo project, a second project that is behind target, and a
submitted report waiting for the demo fund officer. Demo only (`seed_demo`);
idempotent. analytics writes only its own tables: partners' rows come from
partners' services and `partners.demo.project_seed`."""

import datetime

from django.db import transaction
from django.utils import timezone

from analytics.services import report_submit_with_figures
from courses.models import CoursePage
from lms.models import User
from partners.demo import project_seed
from partners.models import (
    Cohort,
    Organisation,
    Project,
    Region,
    ReportSubmission,
    TargetGroup,
)
from partners.services import (
    LearnerInput,
    cohort_create,
    learners_enrol,
    organisation_create,
    report_create,
)

FIRST_NAMES = ["Lotte", "Mehdi", "Sofie", "Yasmine", "Jonas", "Amina", "Lucas", "Eva", "Omar"]
POSTCODES = ["1000", "1030", "1080", "1210", "1060", "1190"]
GENDERS = ["f", "m", "f", "x", "m", "f", "u"]
GROUPS = [
    (TargetGroup.JOBSEEKERS,),
    (TargetGroup.YOUNG_PEOPLE,),
    (TargetGroup.WOMEN_IN_DIGITAL, TargetGroup.JOBSEEKERS),
    (),
]


def _cohort(project: Project, name: str, course: CoursePage) -> Cohort:
    cohort = Cohort.objects.filter(project=project, name=name).first()
    if cohort is None:
        cohort = cohort_create(
            project=project,
            name=name,
            starts_on=project.starts_on,
            course_keys=[course.translation_key],
        )
    return cohort


def _learners(prefix: str, count: int) -> list[LearnerInput]:
    rows = []
    for n in range(count):
        rows.append(
            LearnerInput(
                external_id=f"{prefix}-{n:03d}",
                first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
                last_name=f"Demo {n}",
                language="fr",
                birth_date=datetime.date(1960 + (n * 7) % 50, 1 + n % 12, 1 + n % 27),
                gender=GENDERS[n % len(GENDERS)],
                postcode=POSTCODES[n % len(POSTCODES)],
                target_groups=GROUPS[n % len(GROUPS)],
            )
        )
    return rows


@transaction.atomic
def seed() -> None:
    course = CoursePage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    project = Project.objects.filter(reference="DBSF-2026-042").first()
    if course is None or project is None:
        return
    cohort = _cohort(project, "Brussels autumn 2026", course)
    learners_enrol(organisation=project.organisation, learners=_learners("DT", 36), cohort=cohort)

    other = Organisation.objects.filter(slug="numerique-wallonie").first() or organisation_create(
        name="Numérique Wallonie asbl",
        slug="numerique-wallonie",
        kind=Organisation.Kind.DBSF_PROJECT,
        region=Region.WALLONIA,
        language="fr",
    )
    late = project_seed(
        reference="DBSF-2026-017",
        organisation=other,
        name="Clic & emploi en Wallonie",
        budget_eur=95_000,
        ends_on=datetime.date(2026, 12, 31),
        region=Region.WALLONIA,
        targets=[("", 300, 120)],
    )
    learners_enrol(
        organisation=other,
        learners=_learners("NW", 3),
        cohort=_cohort(late, "Namur 2026", course),
    )

    partner = User.objects.filter(username="partner").first()
    report = report_create(
        project=project,
        period_start=project.starts_on,
        period_end=max(project.starts_on, min(timezone.localdate(), project.ends_on)),
        created_by=partner,
    )
    if report.status == ReportSubmission.Status.DRAFT:
        report_submit_with_figures(report=report, submitted_by=partner, note="Demo report")
