"""DigComp 2.2 titles in Dutch, French and German (courses/content/digcomp_titles.py).
Only empty titles are filled, so titles an editor changed are kept."""

from django.db import migrations

from courses.content.digcomp_titles import TITLES


def fill(apps, schema_editor):
    for model_name in ("DigCompArea", "DigCompCompetence"):
        model = apps.get_model("courses", model_name)
        for row in model.objects.all():
            titles = TITLES.get(row.code, {})
            changed = False
            for language, title in titles.items():
                if not getattr(row, f"title_{language}"):
                    setattr(row, f"title_{language}", title)
                    changed = True
            if changed:
                row.save()


class Migration(migrations.Migration):
    dependencies = [("courses", "0004_lesson_blocks")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
