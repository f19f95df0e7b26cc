"""Volume data for the catalogue and lesson scenarios: 500 English courses of
one module with 20 lessons each (10,500 pages), written with SQL
(`INSERT ... SELECT generate_series`) by copying one course built through
Wagtail. Idempotent: nothing is written when the courses exist."""

from django.db import connection, transaction

COURSES = 500
LESSONS = 20
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# One row per (module of a bench course, lesson number).
LESSON_SOURCE = (
    "(SELECT m.path AS mpath, m.depth AS mdepth, m.url_path AS murl, n "  # noqa: S608 (constants)
    f"FROM wagtailcore_page m, generate_series(1, {LESSONS}) n "
    "WHERE m.slug = 'module' AND m.url_path LIKE '%%/bench-course-%%') g"
)


def _b36(expr: str) -> str:
    # Treebeard's materialised path step: 4 base-36 characters ("%%" is the
    # modulo operator in a query that has parameters).
    a = f"'{ALPHABET}'"
    return (
        f"substr({a}, (({expr}) / 46656) %% 36 + 1, 1)"
        f" || substr({a}, (({expr}) / 1296) %% 36 + 1, 1)"
        f" || substr({a}, (({expr}) / 36) %% 36 + 1, 1)"
        f" || substr({a}, ({expr}) %% 36 + 1, 1)"
    )


def _columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
    return [column.name for column in description]


def _copy_pages(cursor, *, template_id: int, overrides: dict[str, str], source: str) -> None:
    """Insert one wagtailcore_page row per row of `source` (aliased g), copying
    the template page's columns except the overridden ones."""
    columns = [c for c in _columns("wagtailcore_page") if c != "id"]
    values = [overrides.get(c, f"t.{c}") for c in columns]
    cursor.execute(
        f"INSERT INTO wagtailcore_page ({', '.join(columns)}) "  # noqa: S608 (no user input)
        f"SELECT {', '.join(values)} FROM wagtailcore_page t, {source} WHERE t.id = %s",
        [template_id],
    )


def _copy_specific(cursor, *, table: str, template_id: int, where: str) -> None:
    columns = [c for c in _columns(table) if c != "page_ptr_id"]
    cursor.execute(
        f"INSERT INTO {table} (page_ptr_id, {', '.join(columns)}) "  # noqa: S608
        f"SELECT p.id, {', '.join('t.' + c for c in columns)} FROM wagtailcore_page p, {table} t "
        f"WHERE t.page_ptr_id = %s AND {where}",
        [template_id],
    )


def prepare() -> None:
    from courses.models import CatalogPage, CoursePage, LessonPage, ModulePage
    from courses.services import site_bootstrap

    home = site_bootstrap()
    catalogue = CatalogPage.objects.child_of(home).get()
    if CoursePage.objects.filter(slug="bench-course-1").exists():
        return
    with transaction.atomic():
        template = CoursePage(
            slug="bench-template",
            title="Using online public services",
            summary="Sign in with itsme and read your letters in the e-Box.",
            track="basic",
            audience="adults",
            locale=catalogue.locale,
        )
        catalogue.add_child(instance=template)
        template.competences.set([])
        template.save_revision().publish()
        module = ModulePage(slug="module", title="The e-Box", locale=catalogue.locale)
        template.add_child(instance=module)
        module.save_revision().publish()
        lesson = LessonPage(
            slug="lesson",
            title="Your e-Box: official letters online",
            locale=catalogue.locale,
            body=[
                ("heading", "What is the e-Box?"),
                ("paragraph", "<p>The e-Box is a safe mailbox of the government.</p>" * 5),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Watch out",
                        "text": "<p>Only you type your code.</p>",
                    },
                ),
                (
                    "steps",
                    {"title": "Open it", "steps": [{"text": f"<p>Step {n}</p>"} for n in range(5)]},
                ),
            ],
        )
        module.add_child(instance=lesson)
        lesson.save_revision().publish()
        ids = {"course": template.pk, "module": module.pk, "lesson": lesson.pk}
        catalogue_path, catalogue_url = catalogue.path, catalogue.url_path
        start = CatalogPage.objects.get(pk=catalogue.pk).numchild + 1

        with connection.cursor() as cursor:
            course_path = f"'{catalogue_path}' || {_b36(f'g + {start}')}"
            _copy_pages(
                cursor,
                template_id=ids["course"],
                source=f"generate_series(0, {COURSES - 1}) g",
                overrides={
                    "path": course_path,
                    "numchild": "1",
                    "slug": "'bench-course-' || g",
                    "title": "'Online public services, group ' || g",
                    "draft_title": "'Online public services, group ' || g",
                    "url_path": f"'{catalogue_url}bench-course-' || g || '/'",
                    "translation_key": "gen_random_uuid()",
                    "latest_revision_id": "NULL",
                    "live_revision_id": "NULL",
                },
            )
            _copy_specific(
                cursor,
                table="courses_coursepage",
                template_id=ids["course"],
                where="p.slug LIKE 'bench-course-%%'",
            )
            _copy_pages(
                cursor,
                template_id=ids["module"],
                source="(SELECT * FROM wagtailcore_page WHERE slug LIKE 'bench-course-%%') c",
                overrides={
                    "path": "c.path || '0001'",
                    "depth": "c.depth + 1",
                    "numchild": str(LESSONS),
                    "slug": "'module'",
                    "url_path": "c.url_path || 'module/'",
                    "translation_key": "gen_random_uuid()",
                    "latest_revision_id": "NULL",
                    "live_revision_id": "NULL",
                },
            )
            _copy_specific(
                cursor,
                table="courses_modulepage",
                template_id=ids["module"],
                where="p.slug = 'module' AND p.url_path LIKE '%%/bench-course-%%'",
            )
            _copy_pages(
                cursor,
                template_id=ids["lesson"],
                source=LESSON_SOURCE,
                overrides={
                    "path": f"g.mpath || {_b36('g.n')}",
                    "depth": "g.mdepth + 1",
                    "numchild": "0",
                    "slug": "'lesson-' || g.n",
                    "title": "'Lesson ' || g.n",
                    "draft_title": "'Lesson ' || g.n",
                    "url_path": "g.murl || 'lesson-' || g.n || '/'",
                    "translation_key": "gen_random_uuid()",
                    "latest_revision_id": "NULL",
                    "live_revision_id": "NULL",
                },
            )
            _copy_specific(
                cursor,
                table="courses_lessonpage",
                template_id=ids["lesson"],
                where="p.slug LIKE 'lesson-%%' AND p.url_path LIKE '%%/bench-course-%%'",
            )
            cursor.execute(
                "UPDATE wagtailcore_page SET numchild = numchild + %s WHERE id = %s",
                [COURSES, catalogue.pk],
            )


def paths_catalogue() -> list[str]:
    # Search is left out: pages written with SQL are not in the search index.
    return ["/en/courses/", "/en/courses/?track=basic&page=3", "/en/courses/?area=1&page=10"]


def paths_lesson() -> list[str]:
    return [
        f"/en/courses/bench-course-{n}/module/lesson-{n % LESSONS + 1}/" for n in range(0, 400, 7)
    ]
