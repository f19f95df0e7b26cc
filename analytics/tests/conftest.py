import pytest

from analytics.tests.data import build_small_project
from lms.tests.content import course_tree


@pytest.fixture
def tree(home_page):
    return course_tree(home_page, self_enrolment=False)


@pytest.fixture
def small(tree):
    """The hand-counted project of analytics/tests/data.py."""
    return build_small_project(tree.course)
