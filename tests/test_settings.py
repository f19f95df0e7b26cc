"""The settings as a production start sees them, run in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k3y-" + "x7Q9!pL2@vR8#mN4$tW6%zY1^bC5&dF0*hJ3(gK8)sA2" * 2,
    "DJANGO_ALLOWED_HOSTS": "digiskills.example.be",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://digiskills.example.be",
    "SITE_URL": "https://digiskills.example.be",
}


def _manage(
    *args: str, extra_env: dict[str, str], drop: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    ignored = {*drop, "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env.update(extra_env)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_a_secret_key_refuses_to_start_and_says_why():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", extra_env=env, drop=("DJANGO_SECRET_KEY",))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_ALLOWED_HOSTS"}
    result = _manage("check", extra_env=env, drop=("DJANGO_ALLOWED_HOSTS",))
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is empty" in result.stderr


def test_check_deploy_in_production_prints_no_warning():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_embedded_default_needs_no_environment():
    drop = ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "DJANGO_DEBUG", "DJANGO_SECRET_KEY")
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
        "s.EMAIL_BACKEND.rsplit('.', 2)[-2], s.STORAGES['default']['BACKEND'].rsplit('.', 1)[-1])",
        extra_env={"DIGISKILLS_DATA_DIR": str(ROOT / "var" / "test-embedded")},
        drop=drop,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "True",
        "django.db.backends.sqlite3",
        "True",
        "console",
        "FileSystemStorage",
    ]


def test_env_example_lists_every_variable_the_settings_read():
    import re

    read = set()
    for path in (ROOT / "config").rglob("*.py"):
        read |= set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', path.read_text()))
    listed = set(re.findall(r"^([A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read - listed == set(), "add these to .env.example"


def test_production_settings_route_no_bench_view():
    code = (
        "from django.urls import Resolver404, resolve\n"
        "try:\n    resolve('/bench/bare'); print('routed')\n"
        "except Resolver404:\n    print('absent')"
    )
    result = _manage("shell", "--no-imports", "-c", code, extra_env=PRODUCTION)
    assert result.stdout.strip() == "absent", result.stderr


def test_the_benchmarks_settings_route_the_bench_view():
    from benchmarks.server import production_env

    env = {**production_env("sqlite:///:memory:"), **PRODUCTION}
    code = "from django.urls import resolve; print(resolve('/bench/bare').url_name)"
    result = _manage("shell", "--no-imports", "-c", code, extra_env=env)
    assert result.stdout.strip() == "bench-bare", result.stderr


def test_every_cookie_is_secure_in_production():
    code = (
        "from django.conf import settings\n"
        "names = sorted(n for n in dir(settings) if n.endswith('_COOKIE_SECURE'))\n"
        "print(names)\n"
        "print(all(getattr(settings, n) is True for n in names))\n"
        "print(settings.SECURE_HSTS_SECONDS >= 31536000, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    result = _manage("shell", "--no-imports", "-c", code, extra_env=PRODUCTION)
    names, all_secure, hsts = result.stdout.strip().splitlines()
    assert names == "['CSRF_COOKIE_SECURE', 'LANGUAGE_COOKIE_SECURE', 'SESSION_COOKIE_SECURE']"
    assert all_secure == "True"
    # The messages cookie (Django's fallback storage) follows SESSION_COOKIE_SECURE.
    assert hsts == "True True"
