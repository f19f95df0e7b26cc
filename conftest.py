"""Fixtures shared by every test: the site skeleton, people, and a real Celery
worker for the tests that need one."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

from courses.services import site_bootstrap

ROOT = Path(__file__).resolve().parent

# localstripe (a fake Stripe server) for the payments tests and browser tests.
pytest_plugins = ["tests.localstripe"]


def pytest_configure(config):
    """Plain `pytest` behaves as `make test`: the translation catalogues are
    compiled when a .po is newer than its .mo (or the .mo is missing), so the
    tests of translated pages read this checkout's translations. Done once, in
    the process that starts the xdist workers, before they start."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    catalogues = [
        *ROOT.glob("locale/*/LC_MESSAGES/django.po"),
        *ROOT.glob("*/locale/*/LC_MESSAGES/django.po"),
    ]
    stale = [
        po
        for po in catalogues
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        from django.core.management import call_command

        call_command("compilemessages", ignore_patterns=[".venv", "node_modules"], verbosity=0)


# What a skipped test needs to run, by the words of its skip reason.
_SKIP_HINTS = (
    ("DATABASE_URL", "PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/digiskills"),
    ("PostgreSQL", "PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/digiskills"),
    ("CELERY_BROKER_URL", "a Redis broker: CELERY_BROKER_URL=redis://127.0.0.1:6379/14"),
    ("CACHE_URL", "a Redis cache: CACHE_URL=redis://127.0.0.1:6379/15"),
    ("redis-server", "redis-server on the PATH (apt-get install redis-server)"),
    ("Chromium", "Chromium (apt-get install chromium)"),
    ("node", "Node.js, then `make setup` (npm ci)"),
)


def pytest_terminal_summary(terminalreporter):
    """A run that skipped tests says so at its end: how many, why, and what
    runs them (CI sets all of it: .ci/run)."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons: dict[str, int] = {}
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    write = terminalreporter.write_line
    terminalreporter.section(f"{len(skipped)} tests skipped", sep="-")
    needs: dict[str, None] = {}  # the hints, each once, in order
    for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
        write(f"{count:5d}  {reason}")
        needs.update((hint, None) for word, hint in _SKIP_HINTS if word in reason)
    if needs:
        write("To run them, give the run:")
        for hint in needs:
            write(f"       {hint}")
        write("(.ci/run sets all of these; BROWSER_TESTS=required fails instead of skipping)")


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language: a request or a service that
    activated another one in an earlier test does not leak into the next."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache outlives each test's rollback: every test starts with an empty
    one, so none is served a page, a route, settings or a counter that an
    earlier test (with rows since rolled back, and ids used again) cached."""
    from django.core.cache import cache

    from courses.selectors.catalogue import pages_memo_clear

    cache.clear()
    pages_memo_clear()


# The rate limiter counts in fixed windows (config.ratelimit): tries counted to
# a limit in a test must not straddle the end of one, which starts the count
# again (seen once in CI: five wrong passwords at 00:44:59.955-00:45:00.041
# UTC, the fifth in a new 15-minute window). Its clock stands still in every
# test, 450 s into an hour's window (30 s into a minute's, the middle of a
# quarter of an hour's).
RATE_LIMIT_NOW = 1_800_000_450.0


@pytest.fixture(autouse=True)
def _rate_limit_clock(monkeypatch):
    from types import SimpleNamespace

    from config import ratelimit

    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: RATE_LIMIT_NOW))


class _KeyRing:
    """Real keys made on first use, then handed out in turn."""

    def __init__(self, make, count: int):
        self.make, self.count, self.keys, self.turn = make, count, [], 0

    def __call__(self):
        if len(self.keys) < self.count:
            self.keys.append(self.make())
            return self.keys[-1]
        self.turn += 1
        return self.keys[self.turn % self.count]


@pytest.fixture(scope="session")
def _key_rings():
    from certificates import keys

    return _KeyRing(keys.new_key_pair, 3), _KeyRing(keys.new_document_key, 2)


@pytest.fixture(autouse=True)
def _fast_keys(request, _key_rings, monkeypatch):
    """RSA key generation takes up to seconds: every test that issues a
    certificate shares three real credential key pairs and two real document
    (PDF seal) keys with their certificates, made once per session on first use
    and handed out in turn (tests marked `real_keys` generate their own)."""
    if "real_keys" in request.keywords:
        return
    from certificates import keys

    monkeypatch.setattr(keys, "new_key_pair", _key_rings[0])
    monkeypatch.setattr(keys, "new_document_key", _key_rings[1])


@contextlib.contextmanager
def module_rows(django_db_blocker):
    """For a module-scoped fixture whose rows take seconds to make (a course
    loaded in four languages, the demo): made once inside an outer transaction
    that is rolled back when the module ends; each test's own changes roll back
    to them. A fixture that hands out model objects should read them again for
    each test, as the kids course's does: a test may change the ones it is given."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def sessions_opened(monkeypatch) -> list[str]:
    """The paths of the requests that reached the session middleware, in order
    (the stateless lane, config/stateless.py, keeps its answers out of it)."""
    from django.contrib.sessions.middleware import SessionMiddleware

    opened: list[str] = []
    real = SessionMiddleware.process_request

    def recorded(self, request):
        opened.append(request.path)
        return real(self, request)

    monkeypatch.setattr(SessionMiddleware, "process_request", recorded)
    return opened


@pytest.fixture
def new_request_on_kept_connection(monkeypatch):
    """Call it to start a new request on a kept connection, with production's
    CONN_HEALTH_CHECKS: it returns the health checks Django sends from then
    on, one item each."""
    from django.db import DEFAULT_DB_ALIAS, connections

    wrapper = connections[DEFAULT_DB_ALIAS]  # the wrapper itself, not the proxy

    def start() -> list:
        wrapper.ensure_connection()
        monkeypatch.setattr(wrapper, "health_check_enabled", True)
        monkeypatch.setattr(wrapper, "close_at", None)
        checks = []
        real_is_usable = wrapper.is_usable

        def counting_is_usable():
            checks.append(1)
            return real_is_usable()

        monkeypatch.setattr(wrapper, "is_usable", counting_is_usable)
        wrapper.close_if_unusable_or_obsolete()
        return checks

    return start


def connection_end_by_server() -> int:
    """End this process's PostgreSQL connection from another one, as a server
    restart or an idle timeout would; the ended backend's pid."""
    import psycopg
    from django.db import connection

    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    return pid


@pytest.fixture
def home_page(db):
    """The home page in the four languages, as `make run` creates it."""
    return site_bootstrap()


def wait_until(predicate, *, timeout: float = 20.0, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def worker_database_url() -> str:
    """The URL of the test database, for a worker process to share it (skips
    the test without a server database)."""
    from django.db import connection

    db_url = os.environ.get("DATABASE_URL", "")
    if not db_url:
        pytest.skip("the worker needs a server database (DATABASE_URL) to share with the tests")
    parts = urlsplit(db_url)
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def celery_worker_command(hostname: str, *extra: str) -> list[str]:
    """`celery worker` as the tests start it: one process (solo pool), no
    chatter with other workers; every queue of the project unless `extra`
    names its own (config/queues.py: a task routed to a queue nobody reads
    would never run)."""
    from config.queues import ALL_QUEUES

    queues = [] if {"--queues", "-Q"} & set(extra) else ["--queues", ",".join(ALL_QUEUES)]
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool=solo",
        "--hostname",
        hostname,
        "--without-mingle",
        "--without-gossip",
        "--loglevel=INFO",
        *queues,
        *extra,
    ]


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real `celery worker` process on the real broker, reading and writing the
    test database, on a queue of its own so that no other worker steals tasks."""
    if settings.CELERY_BROKER_URL.startswith("memory://"):
        pytest.skip("no CELERY_BROKER_URL: tasks run in-process; CI runs this on Redis")

    from config.celery import app

    test_db_url = worker_database_url()
    queue = f"digiskills-test-{uuid.uuid4().hex[:8]}"
    log_path = tmp_path_factory.mktemp("celery") / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": test_db_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    command = celery_worker_command(f"{queue}@%h", "--queues", queue)
    with log_path.open("wb") as log:
        worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        ready = wait_until(
            lambda: bool(
                app.control.ping(destination=[f"{queue}@{os.uname().nodename}"], timeout=0.5)
            ),
            timeout=60,
        )
        if not ready:
            raise RuntimeError(f"Celery worker did not start:\n{log_path.read_text()[-3000:]}")
        yield {"queue": queue, "log": log_path}
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


@pytest.fixture
def celery_worker(celery_worker_process):
    """For one test: tasks go through the real broker to the worker process."""
    from config.celery import app

    saved = app.conf.task_always_eager, app.conf.task_default_queue, app.conf.task_routes
    app.conf.task_always_eager = False
    app.conf.task_default_queue = celery_worker_process["queue"]
    # Every task to the worker's own queue, whatever its route (conf.update
    # makes Celery build its router again).
    app.conf.update(task_routes={"*": {"queue": celery_worker_process["queue"]}})
    try:
        yield celery_worker_process
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = saved[:2]
        app.conf.update(task_routes=saved[2])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def broker_at(url: str):
    """This process publishes to `url` (a broker of the test's own, or a port
    where nothing listens), for real, not in-process; then back as it was."""
    from config.celery import app
    from outbox.task import broker_resume

    def switch(to: str) -> None:
        from kombu import pools

        pools.reset()  # closes and forgets every connection and producer pool
        app._after_fork()  # the app's references to them too
        app.conf.broker_url = app.conf.broker_write_url = app.conf.broker_read_url = to

    saved = app.conf.broker_url, app.conf.task_always_eager
    switch(url)
    app.conf.task_always_eager = False
    broker_resume()
    try:
        yield app
    finally:
        switch(saved[0])
        app.conf.task_always_eager = saved[1]
        broker_resume()


class RedisServer:
    """A `redis-server` of the test's own on a free port, to stop and start
    again (a broker outage); nothing kept on disk, so a restart is empty."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import redis

        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)

        def up() -> bool:
            try:
                return bool(client.ping())
            except redis.RedisError:
                return False

        if not wait_until(up, timeout=10, interval=0.05):
            raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server(tmp_path):
    """A private Redis (started); the test may stop and start it."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class WorkerProcess:
    """A `celery worker` process of the test's own, on a broker of the test's
    own (RedisServer), sharing the test database; settings through the
    environment (short beat periods, visibility timeout, stale-job threshold).

    Supervised as production runs it (systemd `Restart=always`, see the
    README): a worker that exits by itself is started again after a second.
    Celery can exit on a broker connection lost at the wrong moment (kombu's
    Redis transport, closing a channel whose connection is already gone,
    raises AttributeError: "Unrecoverable error"). `kill()` and `stop()` end
    the supervision first: a killed worker stays dead."""

    RESTART_SECONDS = 1.0

    def __init__(self, *, broker_url: str, workdir: Path, name: str, env: dict | None = None):
        self.broker_url = broker_url
        self.workdir = workdir
        self.name = name
        self.env = env or {}
        self.log = workdir / f"{name}.log"
        self.process = None
        self.restarts = 0
        self._lock = threading.Lock()
        self._ended = threading.Event()
        self._supervisor = None

    def start(self, *, beat: bool = False, wait: bool = True) -> "WorkerProcess":
        env = {
            **os.environ,
            **self.env,
            "DATABASE_URL": worker_database_url(),
            "CELERY_BROKER_URL": self.broker_url,
            "CELERY_WORKER_PROCESS": "1",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        }
        command = celery_worker_command(f"{self.name}-{uuid.uuid4().hex[:6]}@%h")
        if beat:
            command += ["--beat", "--schedule", str(self.workdir / f"{self.name}-beat")]
        self._ended.clear()
        self._spawn(command, env)
        if wait and not wait_until(lambda: " ready." in self.log.read_text(), timeout=60):
            raise RuntimeError(f"Celery worker did not start:\n{self.tail()}")
        self._supervisor = threading.Thread(
            target=self._supervise, args=(command, env), name=f"supervise-{self.name}", daemon=True
        )
        self._supervisor.start()
        return self

    def _spawn(self, command: list[str], env: dict) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def _supervise(self, command: list[str], env: dict) -> None:
        while not self._ended.wait(0.2):
            code = self.process.poll()
            if code is None or self._ended.wait(self.RESTART_SECONDS):
                continue
            with self._lock:
                if self._ended.is_set():
                    return
                with self.log.open("a") as log:
                    log.write(f"\n[supervisor] the worker exited with code {code}; started again\n")
                self.restarts += 1
                self._spawn(command, env)

    def _end_supervision(self) -> None:
        with self._lock:
            self._ended.set()
        if self._supervisor is not None:
            self._supervisor.join(timeout=5)

    def tail(self, size: int = 4000) -> str:
        return self.log.read_text()[-size:] if self.log.exists() else ""

    def kill(self) -> None:
        """kill -9: no goodbye, no acknowledgement, no restart."""
        self._end_supervision()
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        self._end_supervision()
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
