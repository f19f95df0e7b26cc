"""Enrolments and certificates with chosen dates, written straight to the
tables (the analytics tests need their dates, not the learning journey)."""

from certificates.models import Certificate, SigningKey, StatusList
from lms.models import Enrolment


def enrol(user, course, *, at, completed_at=None, course_key=None) -> Enrolment:
    enrolment = Enrolment.objects.create(
        learner=user,
        course_key=course_key or course.translation_key,
        course=course,
        source=Enrolment.Source.PARTNER,
        status=Enrolment.Status.COMPLETED if completed_at else Enrolment.Status.ACTIVE,
        completed_at=completed_at,
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=at)
    return enrolment


def certificate_for(user, course, *, at, revoked_at=None, content_version=1) -> Certificate:
    key = SigningKey.objects.filter(kid="analytics-test").first() or SigningKey.objects.create(
        kid="analytics-test", public_jwk={}, private_jwk_encrypted="-", active=False
    )
    status_list = StatusList.objects.first() or StatusList.objects.create()
    return Certificate.objects.create(
        code=f"T{Certificate.objects.count():011d}"[:12],
        holder=user,
        course_key=course.translation_key,
        content_version=content_version,
        language="nl",
        content={},
        issued_at=at,
        signing_key=key,
        credential_jwt="-",
        status_list=status_list,
        status_index=Certificate.objects.count(),
        revoked_at=revoked_at,
    )
