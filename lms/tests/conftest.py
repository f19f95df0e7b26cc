import pytest

from lms.models import Enrolment
from lms.services import enrolment_create
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from lms.tests.sections_fixtures import child, children, other_teacher, section, teacher  # noqa: F401


@pytest.fixture
def tree(home_page):
    """A live course with four lessons, a practice quiz and a timed exam."""
    return course_tree(home_page)


@pytest.fixture
def learner(db):
    return UserFactory(preferred_language="en")


@pytest.fixture
def enrolment(tree, learner):
    return enrolment_create(learner=learner, course=tree.course, source=Enrolment.Source.SELF)
