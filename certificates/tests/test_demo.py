import pytest
from django.core.management import call_command

from certificates.models import Certificate
from lms.models import Attempt

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_the_demo_learner_the_security_diploma_and_prints_its_code(
    security_course, capsys
):
    call_command("seed_demo")
    certificate = Certificate.objects.get(holder__username="learner")
    # The fixture's course has no final exam: the demo diploma is the one the
    # demo learner passed the exam of.
    assert certificate.course_key != security_course.translation_key
    assert Attempt.objects.filter(
        enrolment__learner=certificate.holder,
        enrolment__course_key=certificate.course_key,
        exam=True,
        passed=True,
    ).exists()
    assert certificate.display_code in capsys.readouterr().out


def test_seed_demo_twice_issues_one_certificate(security_course):
    call_command("seed_demo")
    call_command("seed_demo")
    assert Certificate.objects.filter(holder__username="learner").count() == 1


def test_the_demo_step_without_a_security_course_issues_nothing(home_page):
    # seed_demo itself now loads the security diploma, so run the step alone.
    from certificates import demo
    from lms import demo as lms_demo

    lms_demo.seed()
    assert demo.seed() is None
    assert not Certificate.objects.exists()
