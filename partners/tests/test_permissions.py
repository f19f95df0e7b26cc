import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from audit.models import AuditEntry
from lms.models import User
from lms.roles import Role
from lms.selectors import user_roles
from lms.tests.factories import UserFactory
from partners.models import Membership
from partners.permissions import access_cohort, access_organisation, access_project
from partners.selectors import organisations_for_user
from partners.services import membership_grant, membership_revoke
from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_member_reaches_their_organisation():
    organisation = OrganisationFactory()
    user = UserFactory()
    membership_grant(organisation=organisation, user=user, role=Membership.Role.TRAINER)
    assert access_organisation(user, organisation.slug) == organisation
    assert list(organisations_for_user(user=user)) == [organisation]


def test_staff_of_another_organisation_get_not_found():
    mine, theirs = OrganisationFactory(), OrganisationFactory()
    user = UserFactory()
    membership_grant(organisation=mine, user=user, role=Membership.Role.MANAGER)
    with pytest.raises(Http404):
        access_organisation(user, theirs.slug)


def test_a_role_that_is_not_asked_for_is_refused():
    organisation = OrganisationFactory()
    user = UserFactory()
    membership_grant(organisation=organisation, user=user, role=Membership.Role.REPORTER)
    with pytest.raises(Http404):
        access_organisation(user, organisation.slug, roles={Membership.Role.MANAGER})


def test_anonymous_visitors_are_refused():
    organisation = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        access_organisation(AnonymousUser(), organisation.slug)


def test_an_inactive_organisation_is_closed_to_its_staff():
    organisation = OrganisationFactory(is_active=False)
    user = UserFactory()
    membership_grant(organisation=organisation, user=user, role=Membership.Role.MANAGER)
    with pytest.raises(Http404):
        access_organisation(user, organisation.slug)


def test_projects_and_cohorts_of_another_organisation_are_not_found():
    mine = OrganisationFactory()
    their_project = ProjectFactory()
    their_cohort = CohortFactory(project=their_project)
    user = UserFactory()
    with pytest.raises(Http404):
        access_project(user, mine, their_project.pk)
    with pytest.raises(Http404):
        access_cohort(user, mine, their_cohort.pk)


def test_membership_grant_is_idempotent_audited_and_gives_the_partner_role():
    organisation = OrganisationFactory()
    user, manager = UserFactory(), UserFactory()
    membership_grant(organisation=organisation, user=user, role="trainer", granted_by=manager)
    membership_grant(organisation=organisation, user=user, role="trainer", granted_by=manager)
    assert Membership.objects.filter(user=user).count() == 1
    assert Role.PARTNER_STAFF in user_roles(user=user)
    assert AuditEntry.objects.filter(action="partners.membership_grant").count() == 1


def test_the_partner_role_goes_with_the_last_membership():
    one, two = OrganisationFactory(), OrganisationFactory()
    user = UserFactory()
    membership_grant(organisation=one, user=user, role="trainer")
    membership_grant(organisation=two, user=user, role="manager")
    membership_revoke(organisation=one, user=user, role="trainer")
    assert Role.PARTNER_STAFF in user_roles(user=User.objects.get(pk=user.pk))
    membership_revoke(organisation=two, user=user, role="manager")
    assert Role.PARTNER_STAFF not in user_roles(user=User.objects.get(pk=user.pk))
    with pytest.raises(Http404):
        access_organisation(user, two.slug)
