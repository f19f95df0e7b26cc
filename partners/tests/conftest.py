import pytest

from lms.tests.content import course_tree


@pytest.fixture
def tree(home_page):
    """A live course (not open to self-enrolment: partners enrol into it)."""
    return course_tree(home_page, self_enrolment=False)
