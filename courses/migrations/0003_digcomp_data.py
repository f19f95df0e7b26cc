"""Load DigComp 2.2 (courses/content/digcomp-2.2.json, English titles)."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "content" / "digcomp-2.2.json"


def load(apps, schema_editor):
    Area = apps.get_model("courses", "DigCompArea")
    Competence = apps.get_model("courses", "DigCompCompetence")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for area in data["areas"]:
        area_row, _ = Area.objects.update_or_create(
            code=area["id"], defaults={"title_en": area["title"]}
        )
        for competence in area["competences"]:
            Competence.objects.update_or_create(
                code=competence["id"], defaults={"title_en": competence["title"], "area": area_row}
            )


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_course_tree")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
