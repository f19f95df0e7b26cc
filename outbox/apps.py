from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Task messages the broker could not take, kept and sent again later.

    Infrastructure, not a domain: every app's tasks use it through the Celery
    task base class (outbox.task.OutboxTask), so it sits below all of them and
    imports none of them."""

    name = "outbox"
    verbose_name = _("Task outbox")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from celery.signals import worker_ready

        from outbox import checks  # noqa: F401 (registers the system check)
        from outbox.signals import on_worker_ready

        worker_ready.connect(on_worker_ready, dispatch_uid="outbox.on_worker_ready", weak=False)
