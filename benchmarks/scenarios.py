"""Benchmark scenarios. Each names the URLs it drives and, when it needs volume
data, a generator that creates it once (idempotent) before the run. The bare
Django view is measured in the same run and every figure is quoted against it."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    paths: Callable[[], list[str]]
    prepare: Callable[[], None] = field(default=lambda: None)


def _site() -> None:
    from courses.services import site_bootstrap

    site_bootstrap()


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
    Scenario(
        "puzzles",
        "coding puzzle player and level list (four languages, anonymous)",
        lambda: ["/nl/puzzles/1/", "/fr/puzzles/9/", "/de/puzzles/12/", "/en/puzzles/"],
        _puzzles,
    ),
]
