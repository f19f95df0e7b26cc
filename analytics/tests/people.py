"""People for the report tests: partner staff and fund officers."""

from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory
from partners.models import Membership
from partners.tests.factories import MembershipFactory


def staff(organisation, role=Membership.Role.MANAGER):
    return MembershipFactory(organisation=organisation, role=role).user


def fund_officer():
    user = UserFactory()
    role_grant(user=user, role=Role.FUND_OFFICER, granted_by=None)
    return user
