"""Celery queues, and the queue of every task of the project (by task name).

Separate queues let each kind of work have its own workers: a burst of
certificate PDFs never delays a password e-mail, a slow partner webhook never
holds up an import. `config/tests/test_queues.py` checks that every task the
app registers has a route here: a new task without one fails the tests
instead of landing in a queue no worker reads.

Run one worker for all queues (`celery -A config worker -Q` + `ALL_QUEUES`
joined by commas, as `make worker` and the tests do), or one per queue in
production (README, "From one machine to many")."""

CERTIFICATES = "certificates"  # issuing, signing, certificate and invoice PDFs
WEBHOOKS = "webhooks"  # outgoing HTTP calls: partner webhooks, xAPI to the LRS
IMPORTS = "imports"  # partner CSV/XLSX imports
EMAIL = "email"  # every e-mail
DEFAULT = "default"  # beat housekeeping, snapshots, the outbox

ALL_QUEUES = (CERTIFICATES, WEBHOOKS, IMPORTS, EMAIL, DEFAULT)

TASK_QUEUES = {
    # certificates and PDFs
    "certificates.tasks.certificate_issue_for_completion": CERTIFICATES,
    "certificates.tasks.certificate_pdf_render": CERTIFICATES,
    "certificates.tasks.bulk_job_run": CERTIFICATES,
    "certificates.tasks.bulk_jobs_resume": CERTIFICATES,
    "certificates.tasks.certificates_pending_sweep": CERTIFICATES,
    "certificates.tasks.receipt_record": CERTIFICATES,
    "certificates.tasks.receipts_drain": CERTIFICATES,
    "payments.tasks.invoice_deliver": CERTIFICATES,
    "payments.tasks.invoices_pending_sweep": CERTIFICATES,
    # webhooks and other outgoing calls
    "partners.tasks.webhook_deliver": WEBHOOKS,
    "partners.tasks.webhook_deliveries_resume": WEBHOOKS,
    "lms.tasks.statement_forward": WEBHOOKS,
    # imports
    "partners.tasks.import_validate": IMPORTS,
    "partners.tasks.import_commit": IMPORTS,
    "partners.tasks.import_batches_resume": IMPORTS,
    "partners.tasks.import_files_purge": IMPORTS,
    # e-mail
    "certificates.tasks.certificate_email_send": EMAIL,
    "certificates.tasks.name_correction_email_send": EMAIL,
    "lms.tasks.account_welcome_send": EMAIL,
    "lms.tasks.accounts_welcome_send": EMAIL,
    "lms.tasks.account_notice_send": EMAIL,
    "lms.tasks.consent_reminders_send": EMAIL,
    "partners.tasks.import_welcomes_send": EMAIL,
    "payments.tasks.order_paid_email_send": EMAIL,
    "payments.tasks.voucher_email_send": EMAIL,
    # default
    "outbox.tasks.outbox_flush": DEFAULT,
    "lms.tasks.sessions_purge_expired": DEFAULT,
    "lms.tasks.section_children_erase": DEFAULT,
    "lms.tasks.retention_apply": DEFAULT,
    "analytics.tasks.project_snapshots_refresh": DEFAULT,
}

TASK_ROUTES = {name: {"queue": queue} for name, queue in TASK_QUEUES.items()}
