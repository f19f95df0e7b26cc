import pytest

from audit.models import AuditEntry
from lms.models import Enrolment, Statement, User
from lms.services import (
    NewPerson,
    enrolment_cancel,
    enrolment_create,
    enrolments_create_bulk,
    users_create_bulk,
)
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_bulk_accounts_are_like_user_create_ones(django_capture_on_commit_callbacks, mailoutbox):
    staff = UserFactory()
    # Over the COPY threshold, so that PostgreSQL takes the COPY path.
    people = [NewPerson(first_name=f"Zoë {n}", preferred_language="fr") for n in range(600)]
    people[0] = NewPerson(first_name="Lotte", email="Lotte@Example.be", preferred_language="nl")
    with django_capture_on_commit_callbacks(execute=True):
        users = users_create_bulk(people=people, created_by=staff)
    assert len({u.pk for u in users}) == 600
    stored = User.objects.get(pk=users[0].pk)
    assert (stored.email, stored.display_name, stored.preferred_language) == (
        "Lotte@example.be",
        "Lotte",
        "nl",
    )
    assert not stored.has_usable_password()
    assert User.objects.filter(username__startswith="zoe-").count() == 599
    assert AuditEntry.objects.filter(action="user.create", actor=staff).count() == 600
    assert [m.to for m in mailoutbox] == [["Lotte@example.be"]]


def test_bulk_enrolment_is_idempotent_and_reopens_a_cancelled_one(home_page):
    tree = course_tree(home_page)
    staff, kept, left, new = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    enrolment_create(learner=kept, course=tree.course, source="self")
    cancelled = enrolment_create(learner=left, course=tree.course, source="self")
    enrolment_cancel(enrolment=cancelled, cancelled_by=left)
    pairs = [(kept, tree.course), (left, tree.course), (new, tree.course), (new, tree.course)]
    result = enrolments_create_bulk(pairs=pairs, source="partner", enrolled_by=staff)
    key = tree.course.translation_key
    assert {user.pk: result[(user.pk, key)][1] for user in (kept, left, new)} == {
        kept.pk: False,
        left.pk: True,
        new.pk: True,
    }
    assert Enrolment.objects.filter(status=Enrolment.Status.ACTIVE).count() == 3
    assert Statement.objects.filter(verb__endswith="registered", learner=new).count() == 1
    again = enrolments_create_bulk(pairs=pairs, source="partner", enrolled_by=staff)
    assert not any(created for _e, created in again.values())
    assert Enrolment.objects.count() == 3
