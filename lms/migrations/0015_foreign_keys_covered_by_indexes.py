"""The foreign keys of progress events and xAPI statements lose their own
index: a composite index starting with the same column serves their lookups
and cascades, and each index is one more write per row. Only the index is
dropped: altering the field in the database would drop and re-add (and so
re-check) the foreign key on the largest tables."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Django's names of the indexes (the same on PostgreSQL and SQLite).
INDEXES = [
    ("lms_progressevent_enrolment_id_868bfe03", "lms_progressevent", "enrolment_id"),
    ("lms_statement_learner_id_b02e802d", "lms_statement", "learner_id"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0014_auditentry_moved_to_audit"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="progressevent",
                    name="enrolment",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="lms.enrolment",
                    ),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="learner",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="xapi_statements",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}"',
                    reverse_sql=f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}")',
                )
                for name, table, column in INDEXES
            ],
        ),
    ]
