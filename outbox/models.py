"""Task messages kept because the broker refused them (down, unreachable, too
slow), sent again by `outbox.services.messages_flush`.

Written only by `outbox.services`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One task message waiting to be published: the task's name, its
    arguments and the publishing options that matter (queue, eta, task id)."""

    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    options = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by the flush that sends it (a conditional UPDATE, so one flush sends
    # it); a claim older than the lease is taken over (that flush died).
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")

    def __str__(self) -> str:
        return f"{self.task_name} #{self.pk}"
