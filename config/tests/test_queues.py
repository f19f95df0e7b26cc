"""Every task of the project has a queue, and the workers read every queue."""

import shutil
import subprocess
from pathlib import Path

from django.conf import settings

from config.celery import app
from config.queues import ALL_QUEUES, DEFAULT, TASK_QUEUES
from conftest import celery_worker_command

ROOT = Path(__file__).resolve().parents[2]
PROJECT_APPS = ("analytics.", "certificates.", "courses.", "lms.", "outbox.", "partners.")
PROJECT_APPS += ("payments.", "frontend.", "config.")


def _project_tasks() -> set[str]:
    app.loader.import_default_modules()
    return {name for name in app.tasks if name.startswith(PROJECT_APPS)}


def test_every_task_of_the_project_has_a_route_to_a_known_queue():
    tasks = _project_tasks()
    assert len(tasks) >= 30  # the autodiscovery found them
    unrouted = sorted(tasks - set(settings.CELERY_TASK_ROUTES))
    assert unrouted == [], f"add these tasks to config/queues.py: {unrouted}"
    for name in tasks:
        assert settings.CELERY_TASK_ROUTES[name]["queue"] in ALL_QUEUES


def test_no_route_names_a_task_that_does_not_exist():
    assert sorted(set(TASK_QUEUES) - _project_tasks()) == []


def test_celery_sends_each_task_to_its_queue():
    router = app.amqp.router
    assert router.route({}, "certificates.tasks.certificate_pdf_render")["queue"].name == (
        "certificates"
    )
    assert router.route({}, "partners.tasks.webhook_deliver")["queue"].name == "webhooks"
    assert router.route({}, "partners.tasks.import_commit")["queue"].name == "imports"
    assert router.route({}, "lms.tasks.account_welcome_send")["queue"].name == "email"
    assert router.route({}, "outbox.tasks.outbox_flush")["queue"].name == DEFAULT


def test_every_queue_has_a_task():
    assert set(TASK_QUEUES.values()) == set(ALL_QUEUES)


def test_the_test_workers_read_every_queue():
    command = celery_worker_command("w@h")
    queues = command[command.index("--queues") + 1].split(",")
    assert sorted(queues) == sorted(ALL_QUEUES)
    # A worker given its own queue reads only that one.
    own = celery_worker_command("w@h", "--queues", "mine")
    assert own.count("--queues") == 1 and own[own.index("--queues") + 1] == "mine"


def test_make_worker_reads_every_queue():
    make = shutil.which("make") or "make"
    dry_run = subprocess.run(  # noqa: S603 (make, fixed arguments)
        [make, "-n", "worker"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    line = next(x for x in dry_run.splitlines() if "celery -A config worker" in x)
    queues = line.split("--queues ", 1)[1].split()[0].split(",")
    assert sorted(queues) == sorted(ALL_QUEUES)
