"""Editors write, publish and translate courses without a developer: Wagtail's
"Editors" group gets publish rights on the page tree, the question-bank and
question snippets, the DigComp titles, and submitting translations."""

from django.db import migrations

SNIPPET_PERMISSIONS = [
    ("courses", "questionbank", ["add", "change", "delete", "view"]),
    ("courses", "question", ["add", "change", "delete", "view"]),
    ("courses", "digcompcompetence", ["change", "view"]),
    ("courses", "digcomparea", ["change", "view"]),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_access:
        editors.permissions.add(admin_access)
    for app_label, model, actions in SNIPPET_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            editors.permissions.add(permission)
    submit = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if submit:
        editors.permissions.add(submit)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in ("add_page", "change_page", "publish_page"):
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=editors, page=root, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_digcomp_titles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
