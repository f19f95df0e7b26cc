"""xAPI statements: every learning event, as a Learning Record Store keeps it.

The full statement is kept as JSON; the columns an export or a report filters
on are copied into indexed columns. The actor is always decided by the server.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One xAPI 1.0.3 statement about a learner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # No index of its own: lms_xapi_learner_idx starts with the learner.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="xapi_statements",
        db_index=False,
    )
    verb = models.CharField(max_length=200)
    object_id = models.CharField(max_length=400)
    course_key = models.UUIDField(null=True, blank=True)
    timestamp = models.DateTimeField()
    stored = models.DateTimeField(auto_now_add=True)
    statement = models.JSONField()
    # Set when the external LRS (LRS_ENDPOINT) acknowledged the statement.
    forwarded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        permissions = [
            ("export_learner_statements", _("Can export any learner's xAPI statements")),
        ]
        ordering = ["timestamp", "id"]
        indexes = [
            models.Index(fields=["learner", "timestamp"], name="lms_xapi_learner_idx"),
            models.Index(fields=["course_key", "timestamp"], name="lms_xapi_course_idx"),
            models.Index(fields=["verb"], name="lms_xapi_verb_idx"),
            models.Index(fields=["object_id"], name="lms_xapi_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.verb.rsplit('/', 1)[-1]} {self.object_id}"
