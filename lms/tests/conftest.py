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


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def player_origin(settings):
    """The player answers on its own host in tests; the platform on testserver."""
    settings.H5P_PLAYER_ORIGIN = "http://player.testserver"
    return settings.H5P_PLAYER_ORIGIN


@pytest.fixture
def h5p(tree, media_root, player_origin):
    """The demo quiz activity in an H5P block of lesson 1 of `tree`."""
    from lms.tests.h5p import add_h5p_block

    return add_h5p_block(tree)
