"""`make bench`: run every scenario against PostgreSQL under gunicorn and quote
each against the bare Django view measured in the same run.

    python -m benchmarks [--seconds 10] [--rounds 5] [--connections 8] [--only home]

Each scenario runs in `rounds` slices, each after a slice of the bare view, and
is quoted against those bare slices.

DATABASE_URL picks the database (default: a local `digiskills_bench`)."""

import argparse
import json
import os
import subprocess
import sys
import time

from benchmarks.load import LoadResult, run_load
from benchmarks.server import ROOT, gunicorn, production_env

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/digiskills_bench"


def _ensure_database(url: str) -> None:
    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _request(scenario) -> dict:
    body = scenario.body() if callable(scenario.body) else scenario.body
    return {"method": scenario.method, "body": body, "answers": scenario.answers}


def _load(scenario, port: int, args, headers, seconds: float, paths=None) -> LoadResult:
    return run_load(
        host="127.0.0.1",
        port=port,
        paths=paths if paths is not None else scenario.paths(),
        connections=args.connections,
        seconds=seconds,
        headers=headers,
        **_request(scenario),
    )


def _warm_up(scenario, port: int, args) -> None:
    _load(scenario, port, args, scenario.headers(), min(2, args.seconds))


def _merged(parts: list[LoadResult]) -> LoadResult:
    return LoadResult(
        requests=sum(p.requests for p in parts),
        errors=sum(p.errors for p in parts),
        seconds=sum(p.seconds for p in parts),
        latencies_ms=[lat for p in parts for lat in p.latencies_ms],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2))
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="slices of each scenario, each after a slice of the bare view",
    )
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DB
    if not database_url.startswith("postgres"):
        print("benchmarks run on PostgreSQL: set DATABASE_URL=postgres://...", file=sys.stderr)
        return 2
    _ensure_database(database_url)
    env = production_env(database_url)
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"], cwd=ROOT, env=env, check=True
        )

    os.environ.update(
        {
            k: env[k]
            for k in (
                "DJANGO_SETTINGS_MODULE",
                "DATABASE_URL",
                "DJANGO_DEBUG",
                "DJANGO_SECRET_KEY",
                "DJANGO_ALLOWED_HOSTS",
            )
        }
    )
    import django

    django.setup()
    from benchmarks.scenarios import BARE, SCENARIOS

    chosen = [s for s in SCENARIOS if not args.only or s.name in args.only]
    unknown = sorted(set(args.only) - {s.name for s in SCENARIOS})
    if unknown or not chosen:
        names = ", ".join(s.name for s in SCENARIOS)
        print(f"no scenario named {', '.join(unknown)}; the scenarios: {names}", file=sys.stderr)
        return 2
    for scenario in chosen:
        started = time.perf_counter()
        scenario.prepare()
        print(f"prepared {scenario.name} in {time.perf_counter() - started:.1f}s")
    # Freshly written rows have no planner statistics and no visibility map yet
    # (autovacuum comes later): before this, the first run after the data was
    # made measured the progress write at 0.09x of the bare view, 0.15x after a
    # VACUUM ANALYZE (2026-12-06, the same machine).
    from django.db import connection

    if connection.vendor == "postgresql" and chosen:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
        print(f"vacuumed and analysed in {time.perf_counter() - started:.1f}s")

    for scenario in chosen:
        env.update(scenario.env)
    rows = []
    with gunicorn(env, workers=args.workers) as port:
        _warm_up(BARE, port, args)
        for scenario in chosen:
            _warm_up(scenario, port, args)
            # Asked again: write scenarios get fresh learners for the measured run.
            headers, paths, slice_seconds = (
                scenario.headers(),
                scenario.paths(),
                args.seconds / args.rounds,
            )
            bare_slices, slices = [], []
            # The bare view and the scenario in turns, `rounds` slices each: a
            # shared machine's speed drifts within seconds (one pass measured
            # the same tree's JSON verification at 0.48x and 0.72x when the bare
            # view ran only before all scenarios), and each ratio is read
            # against the bare view of the same moments.
            for _ in range(args.rounds):
                bare_slices.append(_load(BARE, port, args, {}, slice_seconds))
                slices.append(_load(scenario, port, args, headers, slice_seconds, paths))
            rows.append((scenario, _merged(slices), _merged(bare_slices)))

    bare_all = _merged([bare for _, _, bare in rows])
    print()
    print(f"{'scenario':<20} {'req/s':>9} {'x bare':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    report = []
    for scenario, result, bare in [(BARE, bare_all, bare_all), *rows]:
        ratio = result.rps / bare.rps if bare.rps else float("nan")
        print(
            f"{scenario.name:<20} {result.rps:>9.0f} {ratio:>7.2f} {result.percentile(50):>8.1f} "
            f"{result.percentile(99):>8.1f} {result.errors:>7}"
        )
        report.append(
            {
                "scenario": scenario.name,
                "description": scenario.description,
                "rps": round(result.rps, 1),
                "bare_rps": round(bare.rps, 1),
                "ratio_to_bare": round(ratio, 3),
                "p50_ms": round(result.percentile(50), 2),
                "p99_ms": round(result.percentile(99), 2),
                "errors": result.errors,
            }
        )
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    path = out / time.strftime("%Y%m%d-%H%M%S.json")
    path.write_text(
        json.dumps(
            {
                "connections": args.connections,
                "workers": args.workers,
                "seconds": args.seconds,
                "rounds": args.rounds,
                "results": report,
            },
            indent=2,
        )
    )
    print(f"\nsaved {path.relative_to(ROOT)}")
    return 1 if any(r["errors"] for r in report) else 0


if __name__ == "__main__":
    sys.exit(main())
