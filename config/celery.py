"""The Celery app: settings from Django (CELERY_*), tasks found in every app.

Tasks subclass `outbox.task.OutboxTask` (Celery's DjangoTask), so
`task.delay_on_commit(...)` sends only once the surrounding transaction has
committed: a worker never sees a row that might still be rolled back. A message
the broker refuses is kept in the outbox and sent again by `outbox_flush`: no
caller ever fails because a task could not be queued. The beat schedule lives
here, in one place.
"""

import os

from celery import Celery
from celery.schedules import crontab
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

app = Celery("digiskills", task_cls="outbox.task:OutboxTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # GDPR retention schedule (issue 19): inactive accounts, closed classes,
    # partners' uploaded files.
    "gdpr-retention": {
        "task": "lms.tasks.retention_apply",
        "schedule": crontab(hour=2, minute=41),
    },
    "partners-import-files-purge": {
        "task": "partners.tasks.import_files_purge",
        "schedule": crontab(hour=2, minute=53),
    },
    "purge-expired-sessions": {
        "task": "lms.tasks.sessions_purge_expired",
        "schedule": crontab(hour=3, minute=17),
    },
    "resume-webhook-deliveries": {
        "task": "partners.tasks.webhook_deliveries_resume",
        "schedule": 60.0,
    },
    "project-snapshots": {
        "task": "analytics.tasks.project_snapshots_refresh",
        "schedule": 600.0,
    },
    "outbox-flush": {
        "task": "outbox.tasks.outbox_flush",
        "schedule": float(settings.OUTBOX_FLUSH_SECONDS),
    },
    "bulk-jobs-resume": {
        "task": "certificates.tasks.bulk_jobs_resume",
        "schedule": float(settings.JOBS_RESUME_SECONDS),
    },
    "import-batches-resume": {
        "task": "partners.tasks.import_batches_resume",
        "schedule": float(settings.JOBS_RESUME_SECONDS),
    },
    # Receipts of certificate checks, buffered in Redis by the request.
    "certificates-receipts-drain": {
        "task": "certificates.tasks.receipts_drain",
        "schedule": float(settings.CERTIFICATES_RECEIPTS_DRAIN_SECONDS),
    },
    "certificates-pending-sweep": {
        "task": "certificates.tasks.certificates_pending_sweep",
        "schedule": 900.0,
    },
    "helper-consent-reminders": {
        "task": "lms.tasks.consent_reminders_send",
        "schedule": crontab(hour=9, minute=5),
    },
    # payments: invoices (issue 20): PDFs and e-mails a lost task left behind.
    "invoices-pending-sweep": {
        "task": "payments.tasks.invoices_pending_sweep",
        "schedule": 900.0,
    },
}
