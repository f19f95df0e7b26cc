import pytest

from lms.tests.content import course_tree


@pytest.fixture
def tree(home_page):
    """A live course (not open to self-enrolment: partners enrol into it)."""
    return course_tree(home_page, self_enrolment=False)


@pytest.fixture
def cohort(tree):
    """A cohort following the live course, in an organisation working in nl."""
    from partners.models import CohortCourse
    from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory

    organisation = OrganisationFactory(language="nl")
    cohort = CohortFactory(project=ProjectFactory(organisation=organisation))
    CohortCourse.objects.create(cohort=cohort, course_key=tree.course.translation_key)
    return cohort


@pytest.fixture
def manager(cohort):
    from lms.tests.factories import UserFactory
    from partners.services import membership_grant

    user = UserFactory(preferred_language="en")
    membership_grant(organisation=cohort.project.organisation, user=user, role="manager")
    return user
