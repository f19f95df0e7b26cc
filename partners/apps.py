from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Organisations, DBSF projects, cohorts, bulk enrolment and the partner API."""

    name = "partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from certificates.signals import certificate_issued
        from lms.hooks.coaching import register_organisation_rules
        from lms.hooks.personal_data import register_personal_data
        from lms.signals import course_completed
        from partners import permissions, receivers
        from partners.personal_data import partners_erase_for, partners_personal_data
        from partners.signals import learners_enrolled

        register_organisation_rules(
            manages=permissions.is_organisation_manager,
            managed_ids=permissions.organisations_managed_ids,
            knows_learner=permissions.organisation_knows_learner,
            holds_role=permissions.holds_organisation_role,
            facts=permissions.organisations_facts,
        )

        learners_enrolled.connect(
            receivers.on_learners_enrolled, dispatch_uid="partners.webhooks.enrolled"
        )
        course_completed.connect(
            receivers.on_course_completed, dispatch_uid="partners.webhooks.completed"
        )
        certificate_issued.connect(
            receivers.on_certificate_issued, dispatch_uid="partners.webhooks.certified"
        )
        # Its rows in the person's journal, in words ("My account").
        from lms.notices import register_notice_texts
        from partners.notices import NOTICE_TEXTS

        register_notice_texts(NOTICE_TEXTS)
        # "Download my data" and "Delete my account" (GDPR).
        register_personal_data(
            "partner_records", collect=partners_personal_data, erase=partners_erase_for
        )
