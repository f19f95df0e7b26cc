"""Benchmark scenarios. Each names the URLs it drives and, when it needs volume
data, a generator that creates it once (idempotent) before the run. The bare
Django view is measured in the same run and every figure is quoted against it."""

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks import courses_data


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    paths: Callable[[], list[str]]
    prepare: Callable[[], None] = field(default=lambda: None)
    method: str = "GET"
    # The request body, or a function that makes it (called once, after prepare()).
    body: bytes | Callable[[], bytes] | None = None
    # 4xx statuses that are the expected answer, not errors (e.g. 422 for a hostile PDF).
    answers: tuple[int, ...] = ()
    # Called after prepare(): headers for all connections, or one dict per connection.
    headers: Callable[[], dict | list[dict]] = field(default=lambda: {})

    # Extra environment for the server (e.g. a rate limit fit for one load client).
    env: dict[str, str] = field(default_factory=dict)


def _site() -> None:
    from courses.services import site_bootstrap

    site_bootstrap()


from benchmarks.learning import LEARNING_SCENARIOS  # noqa: E402 (needs Scenario)
from benchmarks.pdf_check import PDF_CHECK_SCENARIOS  # noqa: E402 (needs Scenario)

# One load client is one address: lift the per-client limit (it is still counted).
# Receipts of checks are buffered in the cache's Redis as in production (no
# broker in the request; certificates/receipts.py). BENCH_CELERY_BROKER_URL
# still gives the server a broker nobody consumes, for any task a page sends.
_VERIFY_ENV = {"CERTIFICATES_VERIFY_RATE": "100000000/60"}
if os.environ.get("BENCH_CELERY_BROKER_URL"):
    _VERIFY_ENV["CELERY_BROKER_URL"] = os.environ["BENCH_CELERY_BROKER_URL"]


def _puzzles() -> None:
    from courses.puzzles.demo import seed

    _site()
    seed()


BARE = Scenario("bare", "bare Django view (the yardstick)", lambda: ["/bench/bare"])

SCENARIOS = [
    Scenario(
        "home",
        "home page (Wagtail, four languages, anonymous)",
        lambda: ["/nl/", "/fr/", "/de/", "/en/"],
        _site,
    ),
    Scenario("healthz", "health check (database, cache, broker)", lambda: ["/healthz"]),
    *LEARNING_SCENARIOS,
    Scenario(
        "verify",
        "certificate verification JSON API, 1,000,000 certificates (one query per lookup)",
        lambda: __import__("benchmarks.certificates", fromlist=["x"]).api_paths(),
        lambda: __import__("benchmarks.certificates", fromlist=["x"]).prepare_certificates(),
        env=_VERIFY_ENV,
    ),
    Scenario(
        "verify-page",
        "certificate verification page (HTML), 1,000,000 certificates",
        lambda: __import__("benchmarks.certificates", fromlist=["x"]).page_paths(),
        lambda: __import__("benchmarks.certificates", fromlist=["x"]).prepare_certificates(),
        env=_VERIFY_ENV,
    ),
    *PDF_CHECK_SCENARIOS,
    Scenario(
        "puzzles",
        "coding puzzle player and level list (four languages, anonymous)",
        lambda: ["/nl/puzzles/1/", "/fr/puzzles/9/", "/de/puzzles/12/", "/en/puzzles/"],
        _puzzles,
    ),
    Scenario(
        "catalogue",
        "course catalogue, 500 courses, filters and pages (anonymous)",
        courses_data.paths_catalogue,
        courses_data.prepare,
    ),
    Scenario(
        "lesson-anon",
        "anonymous lesson page among 10,000 lessons, with its course, module and neighbours",
        courses_data.paths_lesson,
        courses_data.prepare,
    ),
]
