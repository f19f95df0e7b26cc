"""Factories for digital helpers. The organisation is partners' model, named by
its label so that lms code never imports partners."""

import factory
from django.utils import timezone

from lms.models import HelperConsent, HelperProfile
from lms.models.coaching import DURATIONS
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Organisation"

    name = factory.Sequence(lambda n: f"Library {n}")
    slug = factory.Sequence(lambda n: f"library-{n}")
    kind = "library"
    language = "nl"


class HelperProfileFactory(factory.django.DjangoModelFactory):
    """An active helper with the helper role."""

    class Meta:
        model = HelperProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, preferred_language="en")
    organisation = factory.SubFactory(OrganisationFactory)
    status = HelperProfile.Status.ACTIVE
    activated_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def _role(obj, create, extracted, **kwargs):
        if create:
            role_grant(user=obj.user, role=Role.HELPER, granted_by=None)


class ConsentFactory(factory.django.DjangoModelFactory):
    """A consent given on screen, in force for six months, all scopes."""

    class Meta:
        model = HelperConsent

    learner = factory.SubFactory(UserFactory)
    helper = None
    organisation = None
    see_progress = True
    enrol = True
    act_in_session = True
    duration = HelperConsent.Duration.SIX_MONTHS
    status = HelperConsent.Status.GIVEN
    given_how = HelperConsent.GivenHow.SCREEN
    answered_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda c: c.answered_at + DURATIONS[c.duration])


class AssistedUserFactory(UserFactory):
    """An assisted account a helper made: no e-mail, no password chosen."""

    email = ""
    account_type = "assisted"
    password = factory.PostGenerationMethodCall("set_unusable_password")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        # After the password above (a redeclared hook keeps its parent's place).
        if create:
            obj.set_unusable_password()
            obj.save()
