"""Start the platform under gunicorn with production settings on PostgreSQL,
the way it runs for real, for the length of a benchmark run."""

import os
import secrets
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_cache_url() -> str:
    """The shared cache the server runs with, as in production (pages, rate
    limits and sessions shared by every worker): BENCH_CACHE_URL, else a Redis
    CACHE_URL of the environment, else the local Redis server's database 0."""
    chosen = os.environ.get("BENCH_CACHE_URL") or os.environ.get("CACHE_URL", "")
    return chosen if chosen.startswith("redis") else "redis://127.0.0.1:6379/0"


def production_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "CACHE_URL": bench_cache_url(),
        "LOG_LEVEL": "WARNING",
        # /bench/bare, the yardstick, exists only in the benchmarks' settings.
        "DIGISKILLS_BENCHMARK_ROUTES": "true",
    }


def django_in_process(
    database_url: str, *, commands=(("migrate", "--no-input"),), hosts: str = ""
) -> bool:
    """Set Django up in this process on `database_url` (PostgreSQL, created if
    missing, `commands` run first) with production settings and no broker, for
    a benchmark that drives the services or the test client itself. False when
    the address is not PostgreSQL (the message is printed)."""
    from benchmarks.__main__ import _ensure_database

    if not database_url.startswith("postgres"):
        print("this benchmark runs on PostgreSQL: set DATABASE_URL=postgres://...", file=sys.stderr)
        return False
    _ensure_database(database_url)
    env = production_env(database_url)
    if hosts:
        env["DJANGO_ALLOWED_HOSTS"] = hosts
    # Tasks are queued, not sent, as with a broker in production.
    env.pop("CELERY_BROKER_URL", None)
    for command in commands:
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"], cwd=ROOT, env=env, check=True
        )
    os.environ.update(env)
    import django

    django.setup()
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int):
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
