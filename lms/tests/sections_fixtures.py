"""Fixtures shared by the class-section tests (imported by those modules)."""

import pytest

from lms.roles import Role
from lms.services import role_grant, section_children_add, section_create
from lms.tests.factories import UserFactory


def make_teacher(**kwargs):
    teacher = UserFactory(preferred_language="en", **kwargs)
    role_grant(user=teacher, role=Role.TEACHER, granted_by=None)
    return teacher


@pytest.fixture
def teacher(db):
    return make_teacher()


@pytest.fixture
def other_teacher(db):
    return make_teacher()


@pytest.fixture
def section(teacher):
    return section_create(
        teacher=teacher, name="4B Sint-Jozef", language="en", school_year="2026-2027", under_13=True
    )


@pytest.fixture
def children(section, teacher):
    return section_children_add(section=section, text="Emma\nNoah\nLina", added_by=teacher)


@pytest.fixture
def child(children):
    return children[0]


def pause_by_guessing(child):
    """Someone guessed the child's pictures wrong until the pause, a minute
    ago (the card was given an hour before)."""
    from datetime import timedelta

    from django.utils import timezone

    from lms.models import PictureLoginAttempt, SectionChild
    from lms.services.sections import CHILD_LOCK_FAILURES

    SectionChild.objects.filter(pk=child.pk).update(
        picture_set_at=timezone.now() - timedelta(hours=1)
    )
    for _ in range(CHILD_LOCK_FAILURES):
        attempt = PictureLoginAttempt.objects.create(section=child.section, child=child)
        PictureLoginAttempt.objects.filter(pk=attempt.pk).update(
            created_at=timezone.now() - timedelta(minutes=1)
        )
