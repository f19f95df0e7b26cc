"""Libraries can be proposed (inside an editor's upload) before an
administrator approves them; every library installed so far was installed by
an administrator, so it counts as approved when it was installed."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def approve_installed(apps, schema_editor):
    library = apps.get_model("courses", "H5PLibrary")
    library.objects.filter(approved_at__isnull=True).update(
        approved_at=models.F("installed_at"), approved_by=models.F("installed_by")
    )


def grant_delete_to_editors(apps, schema_editor):
    """Editors who add activities may also delete them (refused while a
    published lesson plays one)."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="courses", codename="delete_h5pcontent"
    )
    for name in ("Editors", "Moderators"):
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*permission)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0016_durations_computed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="h5plibrary",
            name="approved_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="approved at"),
        ),
        migrations.AddField(
            model_name="h5plibrary",
            name="approved_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="approved by",
            ),
        ),
        migrations.RunPython(approve_installed, migrations.RunPython.noop),
        migrations.RunPython(grant_delete_to_editors, migrations.RunPython.noop),
    ]
