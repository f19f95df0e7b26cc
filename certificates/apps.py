from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Issuing, signing, printing and public verification of certificates."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from certificates.personal_data import certificates_erase_for, certificates_personal_data
        from certificates.selectors import (
            certificate_carries_name_exists,
            certificate_valid_exists,
        )
        from certificates.signals import on_course_completed, on_legal_name_given
        from lms.hooks.coaching import register_training_check
        from lms.hooks.identity import register_name_in_use_check
        from lms.hooks.personal_data import register_personal_data
        from lms.signals import course_completed, legal_name_given

        # Digital helpers are activated once they hold their training certificate.
        register_training_check(certificate_valid_exists)

        course_completed.connect(
            on_course_completed, dispatch_uid="certificates.on_course_completed"
        )
        # A name on a certificate is changed only by an approved correction.
        register_name_in_use_check(certificate_carries_name_exists)
        legal_name_given.connect(
            on_legal_name_given, dispatch_uid="certificates.on_legal_name_given"
        )
        # Its rows in the person's journal, in words ("My account").
        from certificates.notices import NOTICE_TEXTS
        from lms.notices import register_notice_texts

        register_notice_texts(NOTICE_TEXTS)
        # "Download my data" and "Delete my account" (GDPR).
        register_personal_data(
            "certificates", collect=certificates_personal_data, erase=certificates_erase_for
        )
