"""Benchmark scenarios. Each names the URLs it drives and, when it needs volume
data, a generator that creates it once (idempotent) before the run. The bare
Django view is measured in the same run and every figure is quoted against it."""

from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks import courses_data


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    paths: Callable[[], list[str]]
    prepare: Callable[[], None] = field(default=lambda: None)


def _site() -> None:
    from courses.services import site_bootstrap

    site_bootstrap()


BARE = Scenario("bare", "bare Django view (the yardstick)", lambda: ["/bench/bare"])

SCENARIOS = [
    Scenario(
        "home",
        "home page (Wagtail, four languages, anonymous)",
        lambda: ["/nl/", "/fr/", "/de/", "/en/"],
        _site,
    ),
    Scenario("healthz", "health check (database, cache, broker)", lambda: ["/healthz"]),
    Scenario(
        "catalogue",
        "course catalogue, 500 courses, filters and pages (anonymous)",
        courses_data.paths_catalogue,
        courses_data.prepare,
    ),
    Scenario(
        "lesson",
        "lesson page among 10,000 lessons, with its course, module and neighbours",
        courses_data.paths_lesson,
        courses_data.prepare,
    ),
]
