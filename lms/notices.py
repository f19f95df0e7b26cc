"""What others did on a person's account, in words the person understands.

Built from the audit journal (`lms.AuditEntry`, rows whose `subject_user` is
the person): `notice_text(entry)` gives one translated sentence for a row;
`account_notice_record` appends the row and, where the person has an e-mail
address, e-mails the same sentence once the transaction has committed.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.models import AuditEntry, User

# action -> sentence; %(actor)s is the person who acted (or "someone").
NOTICE_TEXTS = {
    "card.print": gettext_lazy("%(actor)s printed a login card for your account."),
    "card.signin": gettext_lazy("Someone signed in to your account with a login card."),
    "card.signin_refused": gettext_lazy(
        "A login card was refused because you chose your own password. The card no longer works."
    ),
    "user.password_chosen": gettext_lazy("You chose your own password."),
    "personal_data.export": gettext_lazy("You downloaded your data."),
    "account.inactivity_warn": gettext_lazy(
        "Your account was not used for a long time: we warned you that it will be erased."
    ),
    "consent.request": gettext_lazy("%(actor)s asked for your consent as a digital helper."),
    "consent.record_paper": gettext_lazy(
        "%(actor)s recorded a consent form signed on paper in your name. It has no effect "
        "until you confirm it."
    ),
    "consent.scan_upload": gettext_lazy(
        "%(actor)s uploaded the scan of a consent form signed in your name."
    ),
    "consent.check": gettext_lazy(
        "%(actor)s checked the scan of your signed consent form: the consent is now in force."
    ),
    "consent.confirm": gettext_lazy("You confirmed a consent signed on paper."),
    "consent.give": gettext_lazy("You gave a digital helper your consent."),
    "consent.give_helper_screen": gettext_lazy(
        "You gave your consent on the screen of %(actor)s, with your password."
    ),
    "consent.refuse": gettext_lazy("You refused a digital helper's request."),
    "consent.replace": gettext_lazy("%(actor)s replaced an unanswered request by a new one."),
    "consent.withdraw": gettext_lazy("You withdrew a consent."),
}

# Actions the person is e-mailed about (what others did, or did on their screen).
EMAILED = frozenset(
    {
        "card.print",
        "card.signin",
        "card.signin_refused",
        "consent.request",
        "consent.record_paper",
        "consent.check",
        "consent.give_helper_screen",
    }
)


def notice_text(entry: AuditEntry) -> str:
    """One translated sentence for a journal row about the person."""
    actor = str(entry.actor) if entry.actor_id else _("someone")
    text = NOTICE_TEXTS.get(entry.action)
    if text is None:
        return _("Another change (%(action)s).") % {"action": entry.action}
    return str(text) % {"actor": actor}


def account_notice_record(
    *, actor: User | None, action: str, target: object, subject_user: User, data: dict | None = None
) -> AuditEntry:
    """Append an audit row about `subject_user` and, for the actions in
    `EMAILED`, e-mail the person (if they have an address) after commit."""
    from lms.services.accounts import audit_record

    entry = audit_record(
        actor=actor, action=action, target=target, subject_user=subject_user, data=data
    )
    if action in EMAILED and subject_user.email:
        from lms.tasks_coaching import account_notice_send

        account_notice_send.delay_on_commit(entry.pk)
    return entry
