"""Demo digital helpers: a public library that requires the helper training,
the demo `helper` account as its active helper (holding the training
certificate), and an assisted person the helper coaches (their paper consent
waits for them to confirm it at their first sign-in). Demo only (run by
`seed_demo`); idempotent."""

from collections.abc import Callable

from django.db import transaction

from courses.models import CoursePage
from lms.models import HelperConsent, HelperProfile, User
from lms.selectors.coaching import helper_training_held
from lms.services.coaching import (
    assisted_account_create,
    helper_profile_activate,
    helper_profile_create,
)
from partners.models import Organisation

DEMO_LIBRARY_SLUG = "bib-demo"
TRAINING_COURSE_SLUG = "digital-helpers"


@transaction.atomic
def seed(*, certify: Callable[..., object] | None = None) -> HelperProfile | None:
    """`certify(user=, course=)` issues the training certificate (passed in by
    seed_demo, which may import certificates)."""
    helper = User.objects.filter(username="helper").first()
    admin = User.objects.filter(username="admin").first()
    if helper is None:
        return None
    course = CoursePage.objects.filter(slug=TRAINING_COURSE_SLUG).order_by("path").first()
    library, _ = Organisation.objects.get_or_create(
        slug=DEMO_LIBRARY_SLUG,
        defaults={
            "name": "Bibliotheek Leuven — digitale hulp",
            "kind": Organisation.Kind.LIBRARY,
            "region": "flanders",
            "language": "nl",
        },
    )
    if course is not None and library.helper_training_course_key != course.translation_key:
        library.helper_training_course_key = course.translation_key
        library.save(update_fields=["helper_training_course_key"])
    profile = helper_profile_create(user=helper, organisation_id=library.pk, created_by=admin)
    if course is not None and certify is not None:
        certify(user=helper, course=course)
    if not profile.is_active:
        helper_profile_activate(
            profile=profile,
            activated_by=admin or helper,
            has_required_certificate=helper_training_held(profile=profile),
        )
    if not HelperConsent.objects.filter(requested_by=helper).exists():
        assisted_account_create(
            helper=helper,
            display_name="Maria Claes",
            preferred_language="nl",
        )
    return profile
