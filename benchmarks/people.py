"""Learner accounts written with SQL for the volume benchmarks: one INSERT ...
SELECT generate_series naming every column the database requires (a column
added to the user model without a database default must be added here;
tests/test_benchmark_people.py fails until it is)."""

USERS_SQL = """
    INSERT INTO lms_user (password, is_superuser, username, first_name, last_name,
        email, is_staff, is_active, date_joined, public_id, display_name,
        preferred_language, account_type, legal_name_source)
    SELECT '!bench', false, %(prefix)s || g, '', '', '', false, true, now(),
        gen_random_uuid(), %(name)s || g, %(language)s, 'standard', ''
    FROM generate_series(1, %(count)s) g
    ON CONFLICT DO NOTHING
"""


def users_insert(cursor, *, prefix: str, count: int, name: str, language: str) -> None:
    """`count` active learner accounts named `prefix`1..`prefix`count (those that
    exist are left alone), shown as `name`1..; no password can sign in."""
    cursor.execute(
        USERS_SQL, {"prefix": prefix, "count": count, "name": name, "language": language}
    )
