"""The people of Digiskills (DESIGN.md) as roles.

A role says what kind of work a person may do at all; it is held as membership
of a Django group of the same name, granted and revoked only through
`lms.services.role_grant` / `role_revoke` (audited). *Where* a person may do it
is never a role: it is scoped by the model that owns the relation — a partner
membership (organisation), a class section (teacher), a consent (helper) — and
checked by the `access_*` functions of each app's `permissions.py`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEARNER = "learner", _("Learner")
    YOUNG_LEARNER = "young_learner", _("Young learner")
    TEACHER = "teacher", _("Teacher")
    HELPER = "helper", _("Digital helper")
    PARTNER_STAFF = "partner_staff", _("Partner staff")
    FUND_OFFICER = "fund_officer", _("Fund officer")
    EMPLOYER = "employer", _("Employer")
    # Wagtail's own "Editors" group: its page and snippet permissions come with it.
    EDITOR = "editor", _("Editor")
    # Decides name corrections on certificates (not is_staff: a permission,
    # `certificates.review_name_correction`, granted to the group by
    # certificates' migration 0003).
    CERTIFICATE_OFFICER = "certificate_officer", _("Certificate officer")
    # Runs the platform's people: activates and suspends any digital helper
    # (`lms.manage_helpers`). Partner managers do it for their own organisation
    # without this role.
    PLATFORM_ADMINISTRATOR = "platform_administrator", _("Platform administrator")
    # Answers for learners' data: may export any learner's xAPI statements,
    # children's included (`lms.export_learner_statements`).
    DATA_PROTECTION_OFFICER = "data_protection_officer", _("Data protection officer")


# Group names are stable identifiers; the labels above are what people read.
GROUP_NAMES: dict[str, str] = {
    Role.LEARNER: "Learners",
    Role.YOUNG_LEARNER: "Young learners",
    Role.TEACHER: "Teachers",
    Role.HELPER: "Digital helpers",
    Role.PARTNER_STAFF: "Partner staff",
    Role.FUND_OFFICER: "Fund officers",
    Role.EMPLOYER: "Employers",
    Role.EDITOR: "Editors",
    Role.CERTIFICATE_OFFICER: "Certificate officers",
    Role.PLATFORM_ADMINISTRATOR: "Platform administrators",
    Role.DATA_PROTECTION_OFFICER: "Data protection officers",
}

# Django permissions that come with a role's group (given by migrations).
# Never `is_staff`: a content editor (Wagtail's "Editors") holds none of these.
EXPORT_LEARNER_STATEMENTS = "lms.export_learner_statements"
MANAGE_HELPERS = "lms.manage_helpers"

ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    Role.CERTIFICATE_OFFICER: ("certificates.review_name_correction",),
    Role.PLATFORM_ADMINISTRATOR: (MANAGE_HELPERS,),
    Role.DATA_PROTECTION_OFFICER: (EXPORT_LEARNER_STATEMENTS,),
}

# Roles that a person takes on by signing up; all others are granted by staff.
SELF_SERVICE_ROLES = frozenset({Role.LEARNER})
