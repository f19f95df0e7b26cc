import pytest

from certificates.models import Certificate

pytestmark = pytest.mark.django_db


# seed_demo's diploma of the demo learner: tests/test_seed_demo.py.


def test_the_demo_step_without_a_security_course_issues_nothing(home_page):
    # seed_demo itself now loads the security diploma, so run the step alone.
    from certificates import demo
    from lms import demo as lms_demo

    lms_demo.seed()
    assert demo.seed() is None
    assert not Certificate.objects.exists()
