"""Fund report volume benchmark: the report of a whole DBSF call (200 projects)
over 1,000,000 enrolments, computed end to end through analytics' pipeline
(one SQL cube + pandas roll-ups), quoted against the equivalent single
PostgreSQL GROUP BY (GROUPING SETS) measured in the same run, with peak memory.

    python -m benchmarks.fund_report [--enrolments 1000000] [--repeat 3]

Data is generated with INSERT ... SELECT generate_series, once, in its own
database (BENCH_REPORTS_DATABASE_URL, default digiskills_bench_reports, with
the size appended for other sizes than 1,000,000: one database per size).

Both sides run on the same connection, first with the server's settings, then
again with JIT compilation off for both (`SET jit = off`), so the ratio does
not rest on what JIT happens to cost either query."""

import argparse
import datetime
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc

from benchmarks.people import users_insert
from benchmarks.server import ROOT, production_env

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/digiskills_bench_reports"
PROJECTS, ORGANISATIONS, COURSES_PER_COHORT = 200, 50, 2
YEAR_START, YEAR_END = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
GROUPS = ["jobseekers", "young_people", "women_in_digital", "seniors", "low_educated"]


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _course():
    from courses.models import CatalogPage, CoursePage, HomePage
    from courses.services import site_bootstrap

    site_bootstrap()
    course = CoursePage.objects.filter(slug="bench-report-course").first()
    if course is None:
        home = HomePage.objects.get(locale__language_code="en")
        catalog = CatalogPage.objects.child_of(home).first() or home.add_child(
            instance=CatalogPage(title="Courses", slug="courses")
        )
        course = catalog.add_child(
            instance=CoursePage(
                title="Report benchmark course",
                slug="bench-report-course",
                track="security",
                audience="adults",
                summary="Enrolments for the fund report benchmark.",
            )
        )
    return course


def prepare(enrolments: int) -> list[int]:
    """Projects, cohorts and `enrolments` enrolments (2 per learner), 40 % of
    them completed, a certificate for 20 %, target groups and outcomes."""
    from django.db import connection

    from certificates.models import SigningKey, StatusList
    from partners.models import Organisation, Programme, Project, ProjectTarget

    programme, _ = Programme.objects.get_or_create(
        code="bench-2026", defaults={"name": "Benchmark call 2026", "year": 2026}
    )
    projects = list(Project.objects.filter(programme=programme).order_by("pk"))
    learners = enrolments // COURSES_PER_COHORT
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM lms_enrolment), "
            "(SELECT count(*) FROM partners_outcome), "
            "(SELECT count(*) FROM certificates_certificate)"
        )
        enrolled, outcomes, certificates = cursor.fetchone()
        if projects and enrolled >= enrolments and outcomes and certificates:
            return [p.pk for p in projects]
    course = _course()
    orgs = [
        Organisation.objects.get_or_create(
            slug=f"bench-org-{n}",
            defaults={"name": f"Bench org {n}", "kind": "dbsf_project", "region": "flanders"},
        )[0]
        for n in range(ORGANISATIONS)
    ]
    regions = ["flanders", "wallonia", "brussels", "east_belgium"]
    for n in range(len(projects), PROJECTS):
        project = Project.objects.create(
            programme=programme,
            organisation=orgs[n % ORGANISATIONS],
            name=f"Bench project {n}",
            reference=f"BENCH-{n:04d}",
            budget_eur=150_000,
            starts_on=YEAR_START,
            ends_on=YEAR_END,
            region=regions[n % 4],
        )
        ProjectTarget.objects.create(project=project, learners=learners // PROJECTS, certified=500)
        ProjectTarget.objects.create(
            project=project, target_group=GROUPS[n % 5], learners=learners // PROJECTS // 4
        )
    projects = list(Project.objects.filter(programme=programme).order_by("pk"))
    key = SigningKey.objects.filter(kid="bench-reports").first() or SigningKey.objects.create(
        kid="bench-reports", public_jwk={}, private_jwk_encrypted="-", active=False
    )
    lists = [StatusList.objects.create() for _ in range(enrolments // 131_072 + 1)]
    params = {
        "n": learners,
        "projects": [p.pk for p in projects],
        "orgs": [p.organisation_id for p in projects],
        "course": course.pk,
        "key": key.pk,
        "list0": lists[0].pk,
    }
    statements = [
        "TRUNCATE lms_enrolment, partners_cohortmember, partners_learnertargetgroup, "
        "partners_outcome, partners_cohortcourse, partners_cohort, certificates_certificate "
        "CASCADE",
        "DELETE FROM partners_partnerlearner",
        "DELETE FROM lms_user WHERE username LIKE 'bench-r-%%'",
        # Two cohorts per project, each following two courses (keys derived from the cohort).
        """INSERT INTO partners_cohort (project_id, name, starts_on, created_at)
           SELECT p, 'Cohort ' || p || '-' || c, '2026-01-01', now()
           FROM unnest(%(projects)s::bigint[]) p CROSS JOIN generate_series(0, 1) c""",
        """INSERT INTO partners_cohortcourse (cohort_id, course_key)
           SELECT id, md5('course' || ((id + k) %% 4))::uuid
           FROM partners_cohort CROSS JOIN generate_series(0, 1) k""",
        """CREATE TEMP TABLE bench_people AS
           SELECT u.id AS user_id, row_number() OVER (ORDER BY u.id) AS n
           FROM lms_user u WHERE u.username LIKE 'bench-r-%%'""",
        """INSERT INTO partners_partnerlearner (organisation_id, external_id, user_id,
               first_name, last_name, birth_date, gender, postcode, region, situation,
               created_at, updated_at)
           SELECT (%(orgs)s::bigint[])[1 + n %% 200], 'B' || n, user_id, 'Bench', '',
                  CASE WHEN n %% 17 = 0 THEN NULL
                       ELSE date '1950-01-01' + ((n * 7919) %% 21000)::int END,
                  (ARRAY['f','m','x','u'])[1 + (n %% 7) %% 4],
                  '1000', (ARRAY['flanders','wallonia','brussels','east_belgium'])[1 + n %% 4],
                  'jobseeker', now(), now()
           FROM bench_people""",
        """INSERT INTO partners_cohortmember (cohort_id, learner_id, joined_at)
           SELECT c.id, pl.id, now()
           FROM partners_partnerlearner pl
           JOIN bench_people b ON b.user_id = pl.user_id
           JOIN LATERAL (
               SELECT id FROM partners_cohort
               WHERE project_id = (%(projects)s::bigint[])[1 + b.n %% 200]
               ORDER BY id OFFSET (b.n / 200) %% 2 LIMIT 1) c ON true""",
        """INSERT INTO lms_enrolment (learner_id, course_key, course_id, source, status,
               enrolled_at, completed_at)
           SELECT pl.user_id, cc.course_key, %(course)s, 'partner',
                  CASE WHEN (pl.id + abs(hashtext(cc.course_key::text))) %% 5 < 2
                       THEN 'completed' ELSE 'active' END,
                  timestamptz '2026-01-01' + (pl.id %% 330) * interval '1 day',
                  CASE WHEN (pl.id + abs(hashtext(cc.course_key::text))) %% 5 < 2
                       THEN timestamptz '2026-02-01' + (pl.id %% 300) * interval '1 day' END
           FROM partners_cohortmember cm
           JOIN partners_partnerlearner pl ON pl.id = cm.learner_id
           JOIN partners_cohortcourse cc ON cc.cohort_id = cm.cohort_id""",
        """INSERT INTO certificates_certificate (public_id, code, holder_id, course_key,
               content_version, language, content, issued_at,
               signing_key_id, credential_jwt, status_list_id, status_index,
               revocation_reason, pdf_files)
           SELECT gen_random_uuid(), upper(substr(md5('bc' || e.id), 1, 12)), e.learner_id,
                  e.course_key, 1, 'nl', '{}'::jsonb, e.completed_at, %(key)s, '-',
                  %(list0)s + (row_number() OVER ()) / 131072,
                  (row_number() OVER ()) %% 131072, '', '{}'::jsonb
           FROM lms_enrolment e WHERE e.status = 'completed' AND e.id %% 2 = 0""",
        """INSERT INTO partners_learnertargetgroup (learner_id, target_group)
           SELECT id, (ARRAY['jobseekers','young_people','women_in_digital','seniors',
                             'low_educated'])[1 + id %% 5]
           FROM partners_partnerlearner WHERE id %% 10 < 4
           UNION ALL
           SELECT id, 'newcomers' FROM partners_partnerlearner WHERE id %% 10 = 0""",
        """INSERT INTO partners_outcome (learner_id, point, situation, recorded_at, source)
           SELECT id, '3m', (ARRAY['job_found','jobseeker','further_training'])[1 + id %% 3],
                  now(), 'import'
           FROM partners_partnerlearner WHERE id %% 5 = 0
           UNION ALL
           SELECT id, '6m', (ARRAY['job_found','employed'])[1 + id %% 2], now(), 'import'
           FROM partners_partnerlearner WHERE id %% 10 = 0""",
        "DROP TABLE bench_people",
        "VACUUM ANALYZE",
    ]
    with connection.cursor() as cursor:
        users_insert(cursor, prefix="bench-r-", count=params["n"], name="Bench ", language="nl")
        for sql in statements:
            started = time.perf_counter()
            cursor.execute(sql, params)
            label = " ".join(sql.split()[:3])[:40]
            print(f"  {label}: {time.perf_counter() - started:.1f}s")
    return [p.pk for p in projects]


def baseline_sql(project_ids, period):
    """The same figures (totals, region, gender, age band, outcomes and target
    groups per project) in PostgreSQL alone: the pipeline's own per-learner
    rows (the same joins and reduction, so any change to them counts on both
    sides) grouped by ONE GROUP BY GROUPING SETS, no pandas. (The target groups
    come out as combinations, as in the pipeline's cube.)"""
    from analytics.reports import cube_sql

    sql, params = cube_sql(project_ids, period)
    group_by = "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
    assert group_by in sql and "COUNT(*) AS learners" in sql
    rows = sql.replace(group_by, "").replace("COUNT(*) AS learners", "1 AS learners")
    grouped = f"""
        SELECT project_id, region, gender, age_band, groups, outcome_3m, outcome_6m,
               COUNT(*) AS reached, SUM(completed) AS completed, SUM(certified) AS certified
        FROM ({rows}) per_learner_rows
        GROUP BY GROUPING SETS ((project_id), (project_id, region), (project_id, gender),
                                (project_id, age_band), (project_id, outcome_3m),
                                (project_id, outcome_6m), (project_id, groups))
    """  # noqa: S608 (only the pipeline's own SQL is interpolated)
    return grouped, params


def _baseline(project_ids, period) -> float:
    from django.db import connection

    sql, params = baseline_sql(project_ids, period)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    assert rows
    return time.perf_counter() - started


def _pipeline(project_ids, period) -> float:
    from analytics.reports import programme_figures

    started = time.perf_counter()
    figures = programme_figures(project_ids=project_ids, period=period)
    elapsed = time.perf_counter() - started
    assert len(figures) == len(project_ids)
    return elapsed


def _pipeline_peak(project_ids, period) -> int:
    """Peak Python memory of one run (traced separately: tracing slows Python)."""
    from analytics.reports import programme_figures

    tracemalloc.start()
    programme_figures(project_ids=project_ids, period=period)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def _compare(project_ids, period, repeat: int) -> dict:
    """Medians of `repeat` alternating runs of the pipeline and the yardstick,
    after one warm-up run of each (caches, plans)."""
    _pipeline(project_ids, period)
    _baseline(project_ids, period)
    pipeline, baseline = [], []
    for _ in range(repeat):
        pipeline.append(_pipeline(project_ids, period))
        baseline.append(_baseline(project_ids, period))
    return {
        "pipeline_s": round(statistics.median(pipeline), 3),
        "group_by_s": round(statistics.median(baseline), 3),
        "ratio": round(statistics.median(pipeline) / statistics.median(baseline), 3),
        "pipeline_runs_s": [round(t, 3) for t in pipeline],
        "group_by_runs_s": [round(t, 3) for t in baseline],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enrolments", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    default = DEFAULT_DB if args.enrolments == 1_000_000 else f"{DEFAULT_DB}_{args.enrolments}"
    url = os.environ.get("BENCH_REPORTS_DATABASE_URL") or default
    _ensure_database(url)
    env = production_env(url)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection

    from analytics.reports import Period

    started = time.perf_counter()
    project_ids = prepare(args.enrolments)
    print(f"data ready in {time.perf_counter() - started:.1f}s")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM lms_enrolment")
        count = cursor.fetchone()[0]
    period = Period(YEAR_START, YEAR_END)
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        jit = cursor.fetchone()[0]
    runs = _compare(project_ids, period, args.repeat)
    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    runs_without_jit = _compare(project_ids, period, args.repeat)
    with connection.cursor() as cursor:
        cursor.execute("RESET jit")
    peak = _pipeline_peak(project_ids, period)
    result = {
        "enrolments": count,
        "projects": len(project_ids),
        **runs,
        "server_jit": jit,
        "jit_off": runs_without_jit,
        "python_peak_mib": round(peak / 2**20, 1),
        "process_max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / time.strftime("fund-report-%Y%m%d-%H%M%S.json")).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
