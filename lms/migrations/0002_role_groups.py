"""Create one group per role (DESIGN.md). Editors is Wagtail's own group, made
by wagtailcore's initial data with its page permissions, so it comes after."""

from django.db import migrations

ROLE_GROUPS = [
    "Learners",
    "Young learners",
    "Teachers",
    "Digital helpers",
    "Partner staff",
    "Fund officers",
    "Employers",
    "Editors",
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
