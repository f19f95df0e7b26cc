"""What the partners app wrote in a person's journal, in words, for "My
account" (registered with `lms.notices` when the app starts)."""

from django.utils.translation import gettext_lazy

NOTICE_TEXTS = {
    "partners.membership_grant": gettext_lazy(
        "%(actor)s gave you a staff role in an organisation."
    ),
    "partners.membership_revoke": gettext_lazy(
        "%(actor)s took a staff role in an organisation away from you."
    ),
    "partners.outcome_record": gettext_lazy(
        "%(actor)s recorded what you did after your training (for example, a job found)."
    ),
    "partners.learner_situation_record": gettext_lazy(
        "%(actor)s recorded your situation (for example, looking for a job)."
    ),
}
