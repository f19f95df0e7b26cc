import factory

from lms.legal import DOCUMENTS
from lms.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.be")
    display_name = factory.Faker("name", locale="nl_BE")
    # The legal name, as on the identity card (certificates need one).
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    legal_name_source = "self"
    preferred_language = "nl"
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def exam_attempt_record(
    *,
    user: User,
    course,
    passed: bool = True,
    assisted: bool = False,
    source: str = "quiz",
    exam: bool = True,
):
    """What passing a course's final exam leaves behind: an enrolment (created
    if need be) and a closed, server-graded exam attempt. For tests of what
    comes after the exam (certificates); the exam itself is tested in lms."""
    from django.utils import timezone

    from lms.models import Attempt, Enrolment

    enrolment, _created = Enrolment.objects.get_or_create(
        learner=user,
        course_key=course.translation_key,
        defaults={"course": course, "source": Enrolment.Source.SELF},
    )
    now = timezone.now()
    return Attempt.objects.create(
        enrolment=enrolment,
        lesson_key=course.translation_key,
        activity_key="final-exam",
        source=source,
        exam=exam,
        number=enrolment.attempts.count() + 1,
        status=Attempt.Status.SUBMITTED,
        questions=[],
        score=30 if passed else 10,
        max_score=30,
        pass_mark_percent=75,
        passed=passed,
        assisted=assisted,
        started_at=now,
        submitted_at=now,
    )


class LegalAcceptanceFactory(factory.django.DjangoModelFactory):
    """An acceptance of the terms in force (pass `version` for an older one)."""

    class Meta:
        model = "lms.LegalAcceptance"

    user = factory.SubFactory(UserFactory)
    document = "terms"
    version = factory.LazyAttribute(lambda a: DOCUMENTS[a.document].version)


def signup_data(**changes) -> dict:
    """What a person types into the sign-up form, consent given."""
    data = {
        "given_name": "Lena",
        "family_name": "Schmitz",
        "email": "lena@example.be",
        "username": "lena",
        "password1": "a-long-and-unusual-passphrase",
        "password2": "a-long-and-unusual-passphrase",
        "accept_terms": "on",
    }
    data.update(changes)
    return data
