"""Who accepted which version of which legal document, and when."""

from django.conf import settings
from django.db import models


class LegalAcceptance(models.Model):
    """One person's acceptance of one version of a legal document (`lms.legal`).
    Written by `lms.services.legal_accept`; never changed afterwards."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="legal_acceptances"
    )
    document = models.CharField(max_length=32)
    version = models.CharField(max_length=32)
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "document", "version"], name="lms_legal_acceptance_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} {self.version}"
