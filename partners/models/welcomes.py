"""Welcome e-mails and login cards of an import, held until partner staff
release them, then sent at a pace (PARTNER_WELCOME_PER_MINUTE).

`ImportWelcome` is the list of people the import created (one row each, made
by the commit, in its transaction); `ImportRelease` exists once staff released
them (one per batch: a double click releases once) and carries the pace.
Written only by `partners.services.welcomes`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models.imports import ImportBatch


class ImportWelcome(models.Model):
    """One account created by an import: its welcome e-mail (or, without an
    e-mail address, its login card) waits for the release."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="welcomes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    by_email = models.BooleanField()
    # Set when the e-mail went (or was found already sent): never sent again.
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("held welcome")
        verbose_name_plural = _("held welcomes")
        constraints = [
            models.UniqueConstraint(fields=["batch", "user"], name="partners_welcome_once")
        ]
        indexes = [
            models.Index(
                fields=["batch", "id"],
                condition=Q(by_email=True, sent_at__isnull=True),
                name="partners_welcome_todo_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.batch_id} · {self.user_id}"


class ImportRelease(models.Model):
    """Staff released the welcomes of an import: they are sent a minute's
    worth at a time (`next_at` is the pace: a send is claimed only once due)."""

    batch = models.OneToOneField(ImportBatch, on_delete=models.CASCADE, related_name="release")
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    released_at = models.DateTimeField(auto_now_add=True)
    emails_total = models.PositiveIntegerField(default=0)
    next_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("welcome release")
        verbose_name_plural = _("welcome releases")
        indexes = [
            models.Index(
                fields=["next_at"],
                condition=Q(finished_at__isnull=True),
                name="partners_release_open_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.batch_id} ({self.released_at:%Y-%m-%d})"
