from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The append-only journal of sensitive actions (who did what to which
    object, when). Below every domain app: any app may write to it through
    `audit.services.audit_record`, and it imports none of them."""

    name = "audit"
    verbose_name = _("Audit journal")
