# The audit journal now belongs to the audit app (audit/migrations/0001); the
# table stays where it is.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("lms", "0013_legal_acceptance"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEntry")],
            database_operations=[],
        ),
    ]
