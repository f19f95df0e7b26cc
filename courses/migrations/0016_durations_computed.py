"""Durations are computed from now on (courses.durations): recompute them for
the lessons and courses already in the database."""

from django.db import migrations
from django.db.models import Sum


def recompute(apps, schema_editor):
    from courses.durations import lesson_minutes

    LessonPage = apps.get_model("courses", "LessonPage")
    CoursePage = apps.get_model("courses", "CoursePage")
    for lesson in LessonPage.objects.all().iterator():
        minutes = lesson_minutes([(b["type"], b["value"]) for b in lesson.body.raw_data])
        if minutes != lesson.estimated_minutes:
            LessonPage.objects.filter(pk=lesson.pk).update(estimated_minutes=minutes)
    for course in CoursePage.objects.all().iterator():
        total = LessonPage.objects.filter(
            path__startswith=course.path, depth__gt=course.depth, live=True
        ).aggregate(minutes=Sum("estimated_minutes"))["minutes"]
        CoursePage.objects.filter(pk=course.pk).update(estimated_minutes=total or 0)


class Migration(migrations.Migration):
    dependencies = [("courses", "0015_puzzle_worlds")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
