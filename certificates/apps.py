from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Issuing, signing, printing and public verification of certificates."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from certificates.signals import on_course_completed
        from lms.signals import course_completed

        course_completed.connect(
            on_course_completed, dispatch_uid="certificates.on_course_completed"
        )
