import datetime

import factory

from lms.tests.factories import UserFactory
from partners.models import (
    Cohort,
    Membership,
    Organisation,
    PartnerLearner,
    Programme,
    Project,
    Region,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = Organisation.Kind.DBSF_PROJECT
    region = Region.FLANDERS
    language = "nl"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MANAGER


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["code"]

    name = "DBSF call 2026"
    year = 2026
    code = "dbsf-2026"


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    programme = factory.SubFactory(ProgrammeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Project {n}")
    reference = factory.Sequence(lambda n: f"DBSF-2026-{n:04d}")
    budget_eur = 100_000
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 12, 31)
    region = Region.FLANDERS


class PartnerLearnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerLearner

    organisation = factory.SubFactory(OrganisationFactory)
    external_id = factory.Sequence(lambda n: f"L{n:06d}")
    user = factory.SubFactory(UserFactory)
    first_name = factory.Faker("first_name", locale="fr_BE")
    last_name = factory.Faker("last_name", locale="fr_BE")
    birth_date = datetime.date(1990, 5, 17)
    postcode = "1000"
    region = Region.BRUSSELS


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    starts_on = datetime.date(2026, 2, 1)
