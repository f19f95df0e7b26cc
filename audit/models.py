"""The audit journal. Written only by `audit.services`; read through
`audit.selectors`."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("The audit journal is append-only.")

    def delete(self):
        raise PermissionDenied("The audit journal is append-only.")


class AuditEntry(models.Model):
    """One sensitive action: who did what to which object, when. Append-only:
    rows are added by `audit.services.audit_record` and never changed or deleted."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_actions",
    )
    action = models.CharField(max_length=64)
    # The object acted on, named by its model label and primary key so that the
    # journal can point into any app without that app depending on this one.
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    # The person the action concerns, when there is one (for "my journal").
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_about",
    )
    data = models.JSONField(default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had when the journal lived in lms.
        db_table = "lms_auditentry"
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit journal")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="lms_audit_target_idx"),
            models.Index(fields=["subject_user", "-created_at"], name="lms_audit_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("The audit journal is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit journal is append-only.")
