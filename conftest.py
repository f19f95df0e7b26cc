"""Fixtures shared by every test: the site skeleton, people, and a real Celery
worker for the tests that need one."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

from courses.services import site_bootstrap

ROOT = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language: a request or a service that
    activated another one in an earlier test does not leak into the next."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real `celery worker` process on the real broker, reading and writing the
    test database, on a queue of its own so that no other worker steals tasks."""
    if settings.CELERY_BROKER_URL.startswith("memory://"):
        pytest.skip("no CELERY_BROKER_URL: tasks run in-process; CI runs this on Redis")
    from django.db import connection

    from config.celery import app

    db_url = os.environ.get("DATABASE_URL", "")
    if not db_url:
        pytest.skip("the worker needs a server database (DATABASE_URL) to share with the tests")
    parts = urlsplit(db_url)
    test_db_url = urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))
    queue = f"digiskills-test-{uuid.uuid4().hex[:8]}"
    log_path = tmp_path_factory.mktemp("celery") / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": test_db_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool=solo",
        "--queues",
        queue,
        "--hostname",
        f"{queue}@%h",
        "--without-mingle",
        "--without-gossip",
        "--loglevel=INFO",
    ]
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

    saved = app.conf.task_always_eager, app.conf.task_default_queue
    app.conf.task_always_eager = False
    app.conf.task_default_queue = celery_worker_process["queue"]
    try:
        yield celery_worker_process
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = saved
