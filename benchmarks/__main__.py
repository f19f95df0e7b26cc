"""`make bench`: run every scenario against PostgreSQL under gunicorn and quote
each against the bare Django view measured in the same run.

    python -m benchmarks [--seconds 10] [--connections 8] [--only home]

DATABASE_URL picks the database (default: a local `digiskills_bench`)."""

import argparse
import json
import os
import subprocess
import sys
import time

from benchmarks.load import run_load
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2))
    parser.add_argument("--only", action="append", default=[])
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
        for scenario in [BARE, *chosen]:
            paths = scenario.paths()
            body = scenario.body() if callable(scenario.body) else scenario.body
            request = {"method": scenario.method, "body": body, "answers": scenario.answers}
            run_load(
                headers=scenario.headers(),
                host="127.0.0.1",
                port=port,
                paths=paths,
                connections=args.connections,
                seconds=min(2, args.seconds),
                **request,
            )  # warm-up
            result = run_load(
                host="127.0.0.1",
                port=port,
                paths=paths,
                connections=args.connections,
                seconds=args.seconds,
                # Asked again: write scenarios get fresh learners for the measured run.
                headers=scenario.headers(),
                **request,
            )
            rows.append((scenario, result))

    bare_rps = rows[0][1].rps
    print()
    print(f"{'scenario':<20} {'req/s':>9} {'x bare':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    report = []
    for scenario, result in rows:
        ratio = result.rps / bare_rps if bare_rps else float("nan")
        print(
            f"{scenario.name:<20} {result.rps:>9.0f} {ratio:>7.2f} {result.percentile(50):>8.1f} "
            f"{result.percentile(99):>8.1f} {result.errors:>7}"
        )
        report.append(
            {
                "scenario": scenario.name,
                "description": scenario.description,
                "rps": round(result.rps, 1),
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
                "results": report,
            },
            indent=2,
        )
    )
    print(f"\nsaved {path.relative_to(ROOT)}")
    return 1 if any(r["errors"] for r in report) else 0


if __name__ == "__main__":
    sys.exit(main())
