from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Issuing, signing, printing and public verification of certificates."""

    name = "certificates"
    verbose_name = _("Certificates")
