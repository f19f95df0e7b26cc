"""Partner pages of a large cohort: "Record outcomes", the learners, the
cohorts of the organisation and the login cards of a 50,000-learner cohort,
against the same pages of a 50-learner cohort (time and queries), and the
CSV (streamed) and XLSX exports of the large cohort (time and memory).

    DATABASE_URL=postgres://... python -m benchmarks.partner_pages [learners]

Goal: each page of the large cohort within the query budget of the small one
and under a second; the export streams with flat memory. The database
(default `digiskills_bench_pages`) is migrated first; every run makes a new
organisation (learners inserted with COPY, as `partners.tests.crowd` does)."""

import json
import os
import resource
import sys
import time

LEARNERS = 50_000
SMALL = 50
PAGE_SECONDS = 1.0
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/digiskills_bench_pages"
PAGES = ("cohort_outcomes", "cohort", "organisation", "cohort_cards")


def _peak_mib() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _setup(size: int):
    import uuid

    from benchmarks.imports import _course
    from lms.models import User
    from partners.services import membership_grant, organisation_create
    from partners.tests.crowd import cohort_crowd
    from partners.tests.factories import CohortFactory, ProjectFactory

    course = _course()
    tag = uuid.uuid4().hex[:8]
    organisation = organisation_create(
        name=f"Bench pages {tag}", slug=f"pages-{tag}", kind="employment_agency", language="nl"
    )
    manager = User.objects.create(username=f"bench-pages-{tag}", preferred_language="en")
    membership_grant(organisation=organisation, user=manager, role="manager")
    project = ProjectFactory(organisation=organisation, reference=f"BENCH-PAGES-{tag}")
    cohorts = {}
    for name, n in (("small", SMALL), ("large", size)):
        cohort = CohortFactory(project=project, name=f"{name} {tag}")
        cohort.courses.create(course_key=course.translation_key)
        started = time.perf_counter()
        # Half of them without e-mail: they get login cards.
        cohort_crowd(cohort, n // 2, course=course, email=True)
        cohort_crowd(cohort, n - n // 2, course=course, email=False)
        print(f"{n} learners inserted in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        cohorts[name] = cohort
    return organisation, manager, cohorts


def _measure(client, url: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return {"seconds": round(seconds, 3), "queries": len(queries)}


def run(size: int) -> dict:
    from django.test import Client
    from django.urls import reverse

    organisation, manager, cohorts = _setup(size)
    client = Client()
    client.force_login(manager)
    slug = organisation.slug
    result: dict = {"learners": size, "small": SMALL, "pages": {}}
    for page in PAGES:
        figures = {}
        for name, cohort in cohorts.items():
            args = [slug] if page == "organisation" else [slug, cohort.pk]
            url = reverse(f"partners:{page}", args=args)
            client.get(url)  # warm the caches
            figures[name] = _measure(client, url)
            figures[f"{name}_last_page"] = _measure(client, url + "?page=999999")
            figures[f"{name}_search"] = _measure(client, url + "?q=Peeters")
        result["pages"][page] = figures

    for fmt in ("csv", "xlsx"):
        url = reverse("partners:cohort_export", args=[slug, cohorts["large"].pk, fmt])
        before = _peak_mib()
        started = time.perf_counter()
        response = client.get(url)
        size_bytes = sum(len(chunk) for chunk in response.streaming_content)
        result[f"export_{fmt}"] = {
            "seconds": round(time.perf_counter() - started, 1),
            "bytes": size_bytes,
            "peak_rss_mib_before": before,
            "peak_rss_mib_after": _peak_mib(),
        }
    result["load_average_1m"] = round(os.getloadavg()[0], 1)
    return result


def main() -> int:
    from benchmarks.server import django_in_process

    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DB
    commands = (("migrate", "--no-input"), ("collectstatic", "--no-input"))
    if not django_in_process(
        database_url, commands=commands, hosts="testserver,127.0.0.1,localhost"
    ):
        return 2
    size = int(sys.argv[1]) if len(sys.argv) > 1 else LEARNERS
    result = run(size)
    print(json.dumps(result, indent=2))
    large = result["pages"]["cohort_outcomes"]
    within = large["large"]["queries"] <= large["small"]["queries"]
    return 0 if within and large["large"]["seconds"] < PAGE_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
