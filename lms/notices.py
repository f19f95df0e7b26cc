"""What others did on a person's account, in words the person understands.

Built from the audit journal (`audit.AuditEntry`, rows whose `subject_user` is
the person): `notice_text(entry)` gives one translated sentence for a row;
`account_notice_record` appends the row and, where the person has an e-mail
address, e-mails the same sentence once the transaction has committed.

Other apps write rows about the person too (certificates, partners, payments);
lms may not import them, so each registers its sentences when it starts:

    from lms.notices import register_notice_texts
    register_notice_texts({"certificates.issue": gettext_lazy("...")})
"""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import AuditEntry
from audit.selectors import audit_entry_get
from audit.services import audit_record
from lms.models import User

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
    "user.create": gettext_lazy("%(actor)s created your account."),
    "user.legal_name_set": gettext_lazy("Your name as on your identity card was recorded."),
    "user.identity_verified": gettext_lazy("Your identity was verified (itsme or CSAM)."),
    "user.take_over": gettext_lazy("You took over your account with your own e-mail address."),
    "enrolment.create": gettext_lazy("%(actor)s enrolled you in a course."),
    "enrolment.cancel": gettext_lazy("An enrolment in a course was cancelled."),
    "role.grant": gettext_lazy("%(actor)s gave you a new role on the platform."),
    "role.revoke": gettext_lazy("%(actor)s took a role on the platform away from you."),
    "legal.accepted": gettext_lazy("You accepted the terms of use and the privacy notice."),
    "helper.profile_create": gettext_lazy("%(actor)s made you a digital helper."),
    "helper.activate": gettext_lazy("%(actor)s activated your digital helper profile."),
    "helper.suspend": gettext_lazy("%(actor)s suspended your digital helper profile."),
    "section.picture_password_set": gettext_lazy("%(actor)s set a new picture password."),
    "section.consent_given": gettext_lazy(
        "%(actor)s recorded the consent of a parent or guardian."
    ),
    "section.consent_withdrawn": gettext_lazy(
        "%(actor)s recorded that a parent or guardian withdrew their consent."
    ),
}


def register_notice_texts(texts: dict) -> None:
    """Add another app's sentences (action -> lazy text with an optional
    %(actor)s); an action lms already words keeps its own sentence."""
    for action, text in texts.items():
        NOTICE_TEXTS.setdefault(action, text)


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
        # Never the raw code: a person cannot read "certificates.issue".
        return _("Something else was changed on your account.")
    return str(text) % {"actor": actor}


def account_notice_record(
    *, actor: User | None, action: str, target: object, subject_user: User, data: dict | None = None
) -> AuditEntry:
    """Append an audit row about `subject_user` and, for the actions in
    `EMAILED`, e-mail the person (if they have an address) after commit."""
    entry = audit_record(
        actor=actor, action=action, target=target, subject_user=subject_user, data=data
    )
    if action in EMAILED and subject_user.email:
        from lms import tasks

        tasks.account_notice_send.delay_on_commit(entry.pk)
    return entry


def account_notice_send(*, entry_id: int) -> str:
    """E-mail the person what another did on their account (one journal row),
    in their language."""
    entry = audit_entry_get(entry_id=entry_id)
    if entry is None or entry.subject_user is None or not entry.subject_user.email:
        return "skipped"
    person = entry.subject_user
    with translation.override(person.preferred_language):
        context = {"user": person, "text": notice_text(entry), "when": entry.created_at}
        subject = render_to_string("lms/email/account_notice_subject.txt", context).strip()
        body = render_to_string("lms/email/account_notice_body.txt", context)
    send_mail(subject, body, None, [person.email])
    return "sent"
