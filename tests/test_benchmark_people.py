"""The volume benchmarks write learners with SQL: the statement must name every
column the database requires, or `make bench` breaks the day a column is added."""

import pytest
from django.db import connection

from benchmarks.people import users_insert
from lms.models import User

pytestmark = pytest.mark.django_db


def test_learners_written_with_sql_are_whole_accounts():
    if connection.vendor != "postgresql":
        pytest.skip("the benchmarks run on PostgreSQL (DATABASE_URL)")
    with connection.cursor() as cursor:
        users_insert(cursor, prefix="bench-t-", count=3, name="Bench ", language="nl")
        users_insert(cursor, prefix="bench-t-", count=4, name="Bench ", language="nl")
    people = list(User.objects.filter(username__startswith="bench-t-").order_by("username"))
    assert [p.username for p in people] == [f"bench-t-{n}" for n in range(1, 5)]
    assert people[0].display_name == "Bench 1"
    assert people[0].legal_name_source == User.LegalNameSource.NONE
    assert not people[0].has_usable_password()
    assert all(p.is_active and p.preferred_language == "nl" for p in people)
