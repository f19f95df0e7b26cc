"""Bulk enrolment benchmark: a 50,000-row learner file, as a Belgian partner
exports it (Excel CSV, semicolons, Windows-1252, dd/mm/yyyy, accents, some
learners without e-mail, the partner's own target-group words, 2 % of rows
with problems), mapped (the partner confirms the proposed matches), checked
and then enrolled into a cohort on PostgreSQL, through the same services the
pages call. A second thread reads the progress bar's value (as the page's
poll does) every 0.2 s while the steps run.

    DATABASE_URL=postgres://... python -m benchmarks.imports [rows]

Goal: checked and committed in under 60 s. The database (default
`digiskills_bench_imports`) is migrated first; every run uses a new
organisation, so the enrolment writes are all new accounts."""

import io
import json
import os
import random
import resource
import sys
import threading
import time

ROWS = 50_000
GOAL_SECONDS = 60
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/digiskills_bench_imports"
FIRST = ["Zoë", "Lotte", "Mehmet", "François", "Jürgen", "Aïcha", "Noah", "Elif", "Léa", "Bram"]
LAST = ["Peeters", "Janssens", "Özdemir", "Dubois", "Müller", "Van den Broeck", "Lambert"]


def learner_file(rows: int, seed: int = 7) -> bytes:
    from partners.tests.files import NL_HEADERS

    rng = random.Random(seed)
    out = io.StringIO()
    out.write(";".join(NL_HEADERS) + "\r\n")
    for n in range(1, rows + 1):
        birth = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2008)}"
        postcode = str(rng.choice([1000, 1080, 2000, 3500, 4000, 4700, 6000, 8000, 9000]))
        email = f"learner{n}.{seed}@example.be" if rng.random() < 0.6 else ""
        if n % 50 == 0:  # 2 % of the rows carry one problem each
            postcode, birth = rng.choice([("75001", birth), (postcode, "31/02/1990")])
        out.write(
            ";".join(
                [
                    f"P-{seed}-{n:06d}",
                    rng.choice(FIRST),
                    rng.choice(LAST),
                    email,
                    rng.choice(["nl", "fr", "de", "en"]),
                    birth,
                    rng.choice(["v", "m", "x", ""]),
                    postcode,
                    rng.choice(["werkzoekend", "student", "werkend", ""]),
                    # The partner's own words: the mapping step matches them.
                    rng.choice(["jobseeker", "young|woman-in-digital", "senior", ""]),
                    "",
                ]
            )
            + "\r\n"
        )
    return out.getvalue().encode("cp1252")


def _course():
    from courses.models import CatalogPage, CoursePage
    from courses.services import site_bootstrap

    home = site_bootstrap()
    course = CoursePage.objects.filter(slug="bench-import-course").first()
    if course is None:
        catalogue = CatalogPage.objects.child_of(home).get()
        course = CoursePage(
            slug="bench-import-course",
            title="Digital first steps",
            summary="E-mail, the e-Box and safe passwords.",
            track="basic",
            audience="adults",
            locale=catalogue.locale,
        )
        catalogue.add_child(instance=course)
        course.save_revision().publish()
    return course


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class ProgressWatch(threading.Thread):
    """Reads the batch's progress percentage as the page's poll does."""

    def __init__(self, batch_id: int):
        super().__init__(daemon=True)
        self.batch_id = batch_id
        self.seen: list[tuple[str, int]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        from django.core.cache import cache

        from partners.services.imports import progress_key

        while not self.stop.wait(0.2):
            value = cache.get(progress_key(self.batch_id))
            if value is not None and (not self.seen or self.seen[-1][1] != value):
                self.seen.append((f"{time.perf_counter():.1f}", value))


def run(rows: int) -> dict:
    import datetime
    import uuid

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import override_settings

    from lms.models import User
    from partners.models import Cohort, CohortCourse, ImportBatch, Programme, Project
    from partners.services import (
        import_batch_commit_request,
        import_batch_create,
        import_batch_map,
        membership_grant,
        organisation_create,
    )

    course = _course()
    tag = uuid.uuid4().hex[:8]
    organisation = organisation_create(
        name=f"Bench partner {tag}", slug=f"bench-{tag}", kind="employment_agency", language="nl"
    )
    manager = User.objects.create(username=f"bench-manager-{tag}")
    membership_grant(organisation=organisation, user=manager, role="manager")
    programme, _ = Programme.objects.get_or_create(
        code="bench", defaults={"name": "Bench call", "year": 2026}
    )
    project = Project.objects.create(
        programme=programme,
        organisation=organisation,
        name="Bench project",
        reference=f"BENCH-{tag}",
        budget_eur=1_000_000,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        region="flanders",
    )
    cohort = Cohort.objects.create(
        project=project, name="Bench cohort", starts_on=project.starts_on
    )
    CohortCourse.objects.create(cohort=cohort, course_key=course.translation_key)
    data = learner_file(rows, seed=int(tag, 16) % 1000)

    # Both steps run here, in this process, as the Celery task would run them.
    with override_settings(PARTNER_IMPORT_BACKGROUND_ROWS=10**9, PARTNER_IMPORT_MAX_BYTES=10**9):
        started, cpu_started = time.perf_counter(), _cpu()
        batch = import_batch_create(
            organisation=organisation,
            cohort=cohort,
            upload=SimpleUploadedFile("cursisten.csv", data),
            uploaded_by=manager,
        )
        surveyed = time.perf_counter()
        assert batch.status == ImportBatch.Status.MAPPING, batch.status
        words = {}
        for word in batch.mapping["words"]:  # the partner accepts every proposal
            words.setdefault(word["field"], {})[word["key"]] = word["proposal"]
        watch = ProgressWatch(batch.pk)
        watch.start()
        mapped = time.perf_counter()
        batch = import_batch_map(
            batch=batch,
            columns={c["index"]: c["field"] for c in batch.mapping["columns"]},
            words=words,
            mapped_by=manager,
        )
        checked = time.perf_counter()
        import_batch_commit_request(batch=batch, committed_by=manager)
        committed = time.perf_counter()
        watch.stop.set()
        watch.join()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED, batch.problem
    return {
        "rows": batch.rows_total,
        "valid": batch.rows_valid,
        "invalid": batch.rows_invalid,
        "bytes": len(data),
        "words_mapped": sum(len(w) for w in words.values()),
        "upload_and_mapping_survey_seconds": round(surveyed - started, 1),
        "check_seconds": round(checked - mapped, 1),
        "commit_seconds": round(committed - checked, 1),
        "total_seconds": round(committed - started, 1),
        # Distinct values the progress bar showed while the steps ran.
        "progress_updates_seen": len(watch.seen),
        # CPU of this process (Python; PostgreSQL's own work is not counted):
        # the wall time depends on what else runs on the machine.
        "python_cpu_seconds": round(_cpu() - cpu_started, 1),
        "load_average_1m": round(os.getloadavg()[0], 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "goal_seconds": GOAL_SECONDS,
    }


def main() -> int:
    from benchmarks.server import django_in_process

    if not django_in_process(os.environ.get("DATABASE_URL") or DEFAULT_DB):
        return 2
    from config.celery import app

    app.conf.task_always_eager = False
    app.conf.broker_url = "memory://"
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    result = run(rows)
    print(json.dumps(result, indent=2))
    return 0 if result["total_seconds"] < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
