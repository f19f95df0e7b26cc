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
    method: str = "GET"
    body: bytes | None = None
    # Called after prepare(): headers for all connections, or one dict per connection.
    headers: Callable[[], dict | list[dict]] = field(default=lambda: {})


def _site() -> None:
    from courses.services import site_bootstrap

    site_bootstrap()


from benchmarks.learning import LEARNING_SCENARIOS  # noqa: E402 (needs Scenario)

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
]
