"""The demo helper is active in a library that requires the helper training,
holds that training's certificate and coaches an assisted person."""

import pytest
from django.core.management import call_command

from certificates.models import Certificate
from lms.models import HelperConsent, HelperProfile, User

pytestmark = pytest.mark.django_db


def test_the_demo_helper_is_active_with_the_training_certificate():
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    profile = HelperProfile.objects.select_related("organisation").get(user__username="helper")
    assert profile.status == HelperProfile.Status.ACTIVE
    course_key = profile.organisation.helper_training_course_key
    assert course_key is not None
    assert Certificate.objects.filter(holder=profile.user, course_key=course_key).count() == 1
    person = User.objects.get(display_name="Maria Claes")
    assert person.account_type == User.AccountType.ASSISTED
    assert HelperConsent.objects.filter(learner=person).count() == 1
