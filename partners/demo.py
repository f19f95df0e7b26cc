"""Demo organisation, DBSF call and project, with the demo partner account as
its manager. Demo only (run by `seed_demo`)."""

import datetime

from django.db import transaction

from lms.models import User
from partners.models import (
    Membership,
    Organisation,
    Programme,
    Project,
    ProjectTarget,
    Region,
    TargetGroup,
)
from partners.services import membership_grant

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
    programme, _ = Programme.objects.get_or_create(
        code="dbsf-2026", defaults={"name": "DBSF call 2026", "year": 2026}
    )
    project, _ = Project.objects.get_or_create(
        reference="DBSF-2026-042",
        defaults={
            "programme": programme,
            "organisation": organisation,
            "name": "Digital first steps in Brussels",
            "budget_eur": 180_000,
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": datetime.date(2027, 6, 30),
            "region": Region.BRUSSELS,
        },
    )
    for group, learners, certified in [
        ("", 400, 200),
        (TargetGroup.JOBSEEKERS, 250, 120),
        (TargetGroup.YOUNG_PEOPLE, 100, 50),
        (TargetGroup.WOMEN_IN_DIGITAL, 150, 60),
    ]:
        ProjectTarget.objects.get_or_create(
            project=project,
            target_group=group,
            course_key=None,
            defaults={"learners": learners, "certified": certified},
        )
    partner = User.objects.filter(username="partner").first()
    if partner is not None:
        membership_grant(organisation=organisation, user=partner, role=Membership.Role.MANAGER)
    return organisation
