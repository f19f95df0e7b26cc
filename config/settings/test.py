"""Test settings: the base settings, made fast and isolated.

The database, broker and cache still come from the environment, so CI runs the
same suite on PostgreSQL with a Redis broker and a real Celery worker.
"""

import os
import re

# --- parallel runs (pytest -n, pytest-xdist) ---------------------------------
# Each xdist worker ("gw0", "gw1", ...) gets its own test database (pytest-django
# adds the suffix), its own media directory (below) and its own Redis cache
# database: every test empties the cache (conftest._fresh_cache), which must not
# empty another worker's in the middle of its test. Worker N uses the database
# number of CACHE_URL minus 2N (CI: 15, 13, ...). The URL is rewritten in the
# environment once, so the Celery worker processes a test starts share it.


def worker_cache_url(url: str, worker: str) -> str:
    """CACHE_URL for xdist worker `worker` ("gw0", "gw1", ...): the database
    number minus 2 per worker; a URL without a number (not Redis) unchanged."""
    found = re.fullmatch(r"(redis://[^/]+)/(\d+)", url)
    if not found:
        return url
    number = int(found[2]) - 2 * int(worker.removeprefix("gw") or 0)
    if number < 0:
        raise RuntimeError(f"CACHE_URL's database number leaves none for {worker}")
    return f"{found[1]}/{number}"


_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WORKER and os.environ.get("DIGISKILLS_TEST_CACHE_WORKER") != _XDIST_WORKER:
    if "CACHE_URL" in os.environ:
        os.environ["CACHE_URL"] = worker_cache_url(os.environ["CACHE_URL"], _XDIST_WORKER)
    os.environ["DIGISKILLS_TEST_CACHE_WORKER"] = _XDIST_WORKER

from .base import *  # noqa: E402, F403
from .base import DATA_DIR, LOGGING  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = DATA_DIR / ("test-media-" + _XDIST_WORKER if _XDIST_WORKER else "test-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
DEMO_MODE = True
LOGGING["root"]["level"] = "WARNING"
# Unit tests run tasks in-process; the tests marked `celery_worker` switch to
# the real broker and a real worker process (see conftest.py).
# A worker process started by a test (conftest.WorkerProcess sets this test-only
# variable) takes its tasks from the broker and sends the ones it queues there.
CELERY_TASK_ALWAYS_EAGER = os.environ.get("CELERY_WORKER_PROCESS") != "1"
# Webhook tests talk to a plain-http server thread on 127.0.0.1.
PARTNERS_WEBHOOK_ALLOW_HTTP = True
PARTNERS_WEBHOOK_ALLOW_LOOPBACK = True
# Many tests replay programs from one address within a minute; the tests of
# the limit itself set a small rate.
PUZZLES_CHECK_RATE = "10000/60"
# Hundreds of tests sign staff in with force_login: MFA is enforced only in the
# tests of it (lms/tests/test_mfa.py switch it on with the `settings` fixture).
MFA_REQUIRED = False
# Passkeys on the live server's http://localhost (browser tests).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# A slow CI machine can take over a minute between sign-in and the request a
# test counts queries for: no idle-activity write there (lms/tests/
# test_idle_sessions.py sets the production minute).
SESSION_IDLE_WRITE_EVERY = 3600

# --- scale: the read replica in tests ---------------------------------------------
# On PostgreSQL a "replica" connection is a test mirror of default: a second
# connection to the same test database, so it sees what the tests committed.
# Reads go there only in the tests that switch DATABASE_REPLICA_READS on (they
# commit their data: a mirror never sees another connection's open transaction).
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES.setdefault("replica", {**DATABASES["default"]})  # noqa: F405
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # noqa: F405
    DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
DATABASE_REPLICA_READS = False

# One test process: its cache is shared by every request of a test, so the
# signed-in query budgets are the same with and without Redis.
SESSION_ENGINE = "config.sessions"
