"""Writes for digital helpers: activation, consent (requested, given on screen
or on paper, refused, withdrawn), assisted accounts, login cards, coaching
sessions and live assisted sessions.

Every function runs in a transaction, checks on the server that the helper is
active and holds a consent in force *now*, and appends a row to the helper
journal (and to the audit journal for consent changes). Refusals raise
`lms.exceptions.CoachingError` with a translated message.

Consent needs the person: a request they accept on their own screen
(`consent_request` + `consent_answer`), their own password typed on the
helper's screen (`consent_give_on_helper_screen`), or the paper form the
platform prints (`consent_record_paper`), which stays PENDING until the person
confirms it after signing in (`consent_answer`) or a second member of the
organisation checks the uploaded scan (`consent_scan_upload`,
`consent_scan_check`). Children and staff accounts are refused always; a paper
form also needs the person to be in the organisation's reach
(`lms.selectors.coaching.consent_person_in_reach`).
"""

import secrets
from datetime import date, timedelta
from itertools import islice

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import audit_record
from lms.exceptions import LearningError
from lms.hooks.coaching import organisation_facts
from lms.models import (
    CoachingSession,
    Enrolment,
    HelperConsent,
    HelperJournalEntry,
    HelperProfile,
    LiveSession,
    User,
)
from lms.models.coaching import DURATIONS, LIVE_SESSION_MAX
from lms.notices import account_notice_record
from lms.permissions.coaching import may_act_for_organisation
from lms.roles import Role
from lms.selectors.coaching import (
    account_holds_power,
    consent_organisation_id,
    consent_pending_paper,
    consent_person_in_reach,
    consent_valid,
    helper_profile_active,
    organisation_names_fill,
)
from lms.services.accounts import role_grant, user_create, user_password_chosen
from lms.services.cards import CardRefused, login_cards_render
from lms.services.learning import enrolment_create


class CoachingError(LearningError):
    """A coaching action refused, with a message for the person who tried."""


# Also what the consent form answers for a username or e-mail address that has
# no account (lms.views.coaching), so the two cannot be told apart.
BAD_PASSWORD = gettext_lazy("The password is not right. The person types their own password.")
OUT_OF_REACH = gettext_lazy(
    "This person is not one of your organisation's learners and never asked "
    "your organisation for help. Ask them on their own screen instead."
)


def journal_append(
    *,
    helper: User | None,
    learner: User | None,
    action: str,
    consent: HelperConsent | None = None,
    data: dict | None = None,
) -> HelperJournalEntry:
    """Append one row to the helper journal."""
    return HelperJournalEntry.objects.create(
        helper=helper,
        learner=learner,
        action=action,
        consent_id=consent.pk if consent is not None else None,
        data=data or {},
    )


def _active_profile(helper: User) -> HelperProfile:
    profile = helper_profile_active(helper=helper)
    if profile is None:
        raise CoachingError(
            _("Your helper account is not active. Ask your organisation to activate it."),
            code="helper_inactive",
        )
    return profile


def _consent_for(helper: User, learner: User, scope: str | None) -> HelperConsent:
    consent = consent_valid(profile=_active_profile(helper), learner=learner, scope=scope)
    if consent is None:
        raise CoachingError(
            _("This person has not given you permission for this, or it has ended."),
            code="no_consent",
        )
    return consent


# --- helper profiles ---------------------------------------------------------


@transaction.atomic
def helper_profile_create(
    *, user: User, organisation_id: int, created_by: User | None
) -> HelperProfile:
    """Attach `user` as a digital helper to the organisation `organisation_id`
    (pending until activated) and give them the helper role. Idempotent."""
    profile, created = HelperProfile.objects.get_or_create(
        user=user, defaults={"organisation_id": organisation_id}
    )
    if created:
        audit_record(
            actor=created_by,
            action="helper.profile_create",
            target=profile,
            subject_user=user,
            data={"organisation": organisation_id},
        )
    role_grant(user=user, role=Role.HELPER, granted_by=created_by)
    return profile


@transaction.atomic
def helper_profile_activate(
    *, profile: HelperProfile, activated_by: User, has_required_certificate: bool
) -> HelperProfile:
    """Activate a helper. When the organisation requires a training course,
    the caller states whether the helper holds a valid certificate of it
    (lms cannot read certificates; see `lms.hooks.coaching`). An
    organisation partners does not know activates nobody."""
    organisation = organisation_facts(profile.organisation_id)
    if organisation is None:
        raise CoachingError(
            _("This helper's organisation is unknown. Nobody can be activated for it."),
            code="organisation_unknown",
        )
    if organisation.helper_training_course_key and not has_required_certificate:
        raise CoachingError(
            _(
                "This helper does not hold a valid certificate of the helper training "
                "yet. They can be activated once they have it."
            ),
            code="training_missing",
        )
    if profile.status == HelperProfile.Status.ACTIVE:
        return profile
    profile.status = HelperProfile.Status.ACTIVE
    profile.activated_at = timezone.now()
    profile.activated_by = activated_by
    profile.save(update_fields=["status", "activated_at", "activated_by"])
    audit_record(
        actor=activated_by, action="helper.activate", target=profile, subject_user=profile.user
    )
    return profile


@transaction.atomic
def helper_profile_suspend(*, profile: HelperProfile, suspended_by: User) -> HelperProfile:
    """Suspend a helper: from now on they act for nobody."""
    if profile.status != HelperProfile.Status.SUSPENDED:
        profile.status = HelperProfile.Status.SUSPENDED
        profile.save(update_fields=["status"])
        LiveSession.objects.filter(helper=profile.user, ended_at__isnull=True).update(
            ended_at=timezone.now()
        )
        audit_record(
            actor=suspended_by, action="helper.suspend", target=profile, subject_user=profile.user
        )
    return profile


# --- consent -----------------------------------------------------------------


def _scopes(see_progress: bool, enrol: bool, act_in_session: bool) -> dict:
    if not (see_progress or enrol or act_in_session):
        raise CoachingError(_("Choose at least one thing the helper may do."), code="no_scope")
    return {"see_progress": see_progress, "enrol": enrol, "act_in_session": act_in_session}


def _duration(duration: str):
    if duration not in DURATIONS:
        raise CoachingError(_("Choose how long the consent lasts."), code="bad_duration")
    return DURATIONS[duration]


def _refuse_person(profile: HelperProfile, learner: User, *, paper: bool) -> None:
    """Refuse a consent for the helper themselves, a child, a staff account,
    or (for a paper form) a person outside the organisation's reach."""
    if learner.pk == profile.user_id:
        raise CoachingError(_("You cannot ask yourself for consent."), code="self")
    # Outside the organisation's reach, a paper form says only that, whatever
    # the account is (the helper learns nothing about strangers' accounts).
    if paper and not consent_person_in_reach(
        organisation_id=profile.organisation_id, learner=learner
    ):
        raise CoachingError(str(OUT_OF_REACH), code="out_of_reach")
    if not learner.is_active:
        raise CoachingError(_("This account is closed."), code="inactive")
    if learner.account_type == User.AccountType.YOUNG:
        raise CoachingError(
            _(
                "This is a child's account in a class. Children are helped by their "
                "teacher, not through a helper's consent."
            ),
            code="young",
        )
    if account_holds_power(learner):
        raise CoachingError(
            _(
                "This is a staff account (it can see or change other people's data). "
                "Helpers never act for staff accounts."
            ),
            code="staff",
        )


def _consent_create(
    *,
    profile: HelperProfile,
    helper: User,
    learner: User,
    duration: str,
    for_organisation: bool,
    scopes: dict,
    **fields,
) -> HelperConsent:
    """A consent asked by `helper`, for the helper or the whole organisation;
    `fields` say how far it got (requested, pending on paper, given)."""
    return HelperConsent.objects.create(
        learner=learner,
        helper=None if for_organisation else helper,
        organisation_id=profile.organisation_id if for_organisation else None,
        duration=duration,
        requested_by=helper,
        **scopes,
        **fields,
    )


@transaction.atomic
def consent_request(
    *,
    helper: User,
    learner: User,
    see_progress: bool,
    enrol: bool,
    act_in_session: bool,
    duration: str,
    for_organisation: bool = False,
) -> HelperConsent:
    """A helper asks an existing learner for consent; the person answers on
    screen. An unanswered request of the same helper is replaced."""
    profile = _active_profile(helper)
    _refuse_person(profile, learner, paper=False)
    scopes = _scopes(see_progress, enrol, act_in_session)
    _duration(duration)
    earlier = list(
        HelperConsent.objects.filter(
            learner=learner, requested_by=helper, status=HelperConsent.Status.REQUESTED
        )
    )
    HelperConsent.objects.filter(pk__in=[c.pk for c in earlier]).update(
        status=HelperConsent.Status.REFUSED, answered_at=timezone.now()
    )
    for replaced in earlier:
        audit_record(actor=helper, action="consent.replace", target=replaced, subject_user=learner)
    consent = _consent_create(
        profile=profile,
        helper=helper,
        learner=learner,
        duration=duration,
        for_organisation=for_organisation,
        scopes=scopes,
    )
    journal_append(
        helper=helper,
        learner=learner,
        action=HelperJournalEntry.Action.CONSENT_REQUESTED,
        consent=consent,
        data={"scopes": consent.scopes, "duration": duration},
    )
    account_notice_record(
        actor=helper,
        action="consent.request",
        target=consent,
        subject_user=learner,
        data={"scopes": consent.scopes, "duration": duration},
    )
    return consent


@transaction.atomic
def consent_answer(*, consent: HelperConsent, learner: User, accept: bool) -> HelperConsent:
    """The person, signed in on their own screen, accepts or refuses a pending
    request, or confirms or denies a paper form signed in their name. Answering
    twice counts once."""
    consent = HelperConsent.objects.select_for_update().get(pk=consent.pk)
    if consent.learner_id != learner.pk:
        raise CoachingError(_("This request is not for you."), code="not_yours")
    if consent.status not in (HelperConsent.Status.REQUESTED, HelperConsent.Status.PENDING):
        return consent
    paper = consent.status == HelperConsent.Status.PENDING
    now = timezone.now()
    consent.answered_at = now
    if accept:
        consent.status = HelperConsent.Status.GIVEN
        if paper:
            consent.confirmed_by = HelperConsent.ConfirmedBy.PERSON
        else:
            consent.given_how = HelperConsent.GivenHow.SCREEN
        consent.expires_at = now + _duration(consent.duration)
    else:
        consent.status = HelperConsent.Status.REFUSED
    consent.save(update_fields=["status", "given_how", "confirmed_by", "expires_at", "answered_at"])
    if paper:
        action = "consent.confirm" if accept else "consent.refuse"
    else:
        action = "consent.give" if accept else "consent.refuse"
    audit_record(
        actor=learner,
        action=action,
        target=consent,
        subject_user=learner,
        data={
            "scopes": consent.scopes,
            "duration": consent.duration,
            "how": "paper" if paper else "screen",
        },
    )
    return consent


PAPER_REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"


def _paper_reference() -> str:
    while True:
        code = "".join(secrets.choice(PAPER_REFERENCE_ALPHABET) for _ in range(8))
        reference = f"DSK-{code[:4]}-{code[4:]}"
        if not HelperConsent.objects.filter(paper_reference=reference).exists():
            return reference


@transaction.atomic
def consent_record_paper(
    *,
    helper: User,
    learner: User,
    see_progress: bool,
    enrol: bool,
    act_in_session: bool,
    duration: str,
    for_organisation: bool = False,
) -> HelperConsent:
    """Prepare the paper consent form for `learner` (printed by the platform
    with a reference it makes): the consent is PENDING and gives no access
    until the person confirms it after signing in, or a second member of the
    organisation checks the scan of the signed form. The person is told."""
    profile = _active_profile(helper)
    _refuse_person(profile, learner, paper=True)
    scopes = _scopes(see_progress, enrol, act_in_session)
    _duration(duration)
    reference = _paper_reference()
    consent = _consent_create(
        profile=profile,
        helper=helper,
        learner=learner,
        duration=duration,
        for_organisation=for_organisation,
        scopes=scopes,
        status=HelperConsent.Status.PENDING,
        given_how=HelperConsent.GivenHow.PAPER,
        paper_reference=reference,
    )
    account_notice_record(
        actor=helper,
        action="consent.record_paper",
        target=consent,
        subject_user=learner,
        data={"scopes": consent.scopes, "duration": duration, "reference": reference},
    )
    journal_append(
        helper=helper,
        learner=learner,
        action=HelperJournalEntry.Action.CONSENT_RECORDED,
        consent=consent,
        data={"reference": reference},
    )
    return consent


@transaction.atomic
def consent_give_on_helper_screen(
    *,
    helper: User,
    learner: User,
    password: str,
    see_progress: bool,
    enrol: bool,
    act_in_session: bool,
    duration: str,
    for_organisation: bool = False,
) -> HelperConsent:
    """The person signs in on the helper's screen (their own password) and
    gives the consent there: recorded as given by the person."""
    profile = _active_profile(helper)
    # The password first: without it, nothing is said about the account.
    if not (password and learner.has_usable_password() and learner.check_password(password)):
        raise CoachingError(str(BAD_PASSWORD), code="bad_password")
    _refuse_person(profile, learner, paper=False)
    scopes = _scopes(see_progress, enrol, act_in_session)
    length = _duration(duration)
    now = timezone.now()
    consent = _consent_create(
        profile=profile,
        helper=helper,
        learner=learner,
        duration=duration,
        for_organisation=for_organisation,
        scopes=scopes,
        status=HelperConsent.Status.GIVEN,
        given_how=HelperConsent.GivenHow.HELPER_SCREEN,
        answered_at=now,
        expires_at=now + length,
    )
    account_notice_record(
        actor=learner,
        action="consent.give_helper_screen",
        target=consent,
        subject_user=learner,
        data={"scopes": consent.scopes, "duration": duration, "helper": helper.pk},
    )
    journal_append(
        helper=helper,
        learner=learner,
        action=HelperJournalEntry.Action.CONSENT_GIVEN_HERE,
        consent=consent,
    )
    return consent


SCAN_MAX_BYTES = 5 * 1024 * 1024
SCAN_TYPES = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}


def scan_kind(head: bytes) -> str | None:
    """The file type from its first bytes (PDF, JPEG or PNG), or None."""
    for magic, kind in SCAN_TYPES.items():
        if head.startswith(magic):
            return kind
    return None


@transaction.atomic
def consent_scan_upload(*, consent: HelperConsent, uploaded_by: User, upload) -> HelperConsent:
    """Keep the scan of the signed paper form (PDF, JPEG or PNG, checked by its
    first bytes, at most 5 MB). It replaces an earlier scan not yet checked."""
    consent = HelperConsent.objects.select_for_update().get(pk=consent.pk)
    if consent.status != HelperConsent.Status.PENDING:
        raise CoachingError(_("This consent is no longer waiting."), code="not_pending")
    if not may_act_for_organisation(
        user=uploaded_by, organisation_id=consent_organisation_id(consent=consent)
    ):
        raise CoachingError(_("This form is not one of your organisation's."), code="not_yours")
    if upload is None or not upload.size:
        raise CoachingError(_("Choose the scan of the signed form."), code="no_scan")
    if upload.size > SCAN_MAX_BYTES:
        raise CoachingError(_("The scan is larger than 5 MB."), code="scan_size")
    upload.seek(0)
    kind = scan_kind(upload.read(16))
    upload.seek(0)
    if kind is None:
        raise CoachingError(_("The scan must be a PDF, JPEG or PNG file."), code="scan_type")
    consent.scan.save(f"scan.{kind}", upload, save=False)
    consent.scan_uploaded_by = uploaded_by
    consent.scan_uploaded_at = timezone.now()
    consent.save(update_fields=["scan", "scan_uploaded_by", "scan_uploaded_at"])
    account_notice_record(
        actor=uploaded_by,
        action="consent.scan_upload",
        target=consent,
        subject_user=consent.learner,
        data={"reference": consent.paper_reference, "kind": kind, "bytes": upload.size},
    )
    journal_append(
        helper=uploaded_by,
        learner=consent.learner,
        action=HelperJournalEntry.Action.SCAN_UPLOADED,
        consent=consent,
        data={"reference": consent.paper_reference},
    )
    return consent


@transaction.atomic
def consent_scan_check(*, consent: HelperConsent, checker: User) -> HelperConsent:
    """A second member of the organisation (not the one who uploaded the scan,
    not the helper who prepared the form) checked the signed form: the consent
    is in force from now. The person is told by e-mail and at next sign-in."""
    consent = HelperConsent.objects.select_for_update().get(pk=consent.pk)
    if consent.status != HelperConsent.Status.PENDING:
        raise CoachingError(_("This consent is no longer waiting."), code="not_pending")
    if not may_act_for_organisation(
        user=checker, organisation_id=consent_organisation_id(consent=consent)
    ):
        raise CoachingError(_("This form is not one of your organisation's."), code="not_yours")
    if not consent.scan:
        raise CoachingError(_("Upload the scan of the signed form first."), code="no_scan")
    if checker.pk in (consent.scan_uploaded_by_id, consent.requested_by_id):
        raise CoachingError(
            _(
                "A second person checks the form: not the one who uploaded the scan or "
                "prepared the form."
            ),
            code="same_checker",
        )
    now = timezone.now()
    consent.status = HelperConsent.Status.GIVEN
    consent.confirmed_by = HelperConsent.ConfirmedBy.CHECKER
    consent.checked_by = checker
    consent.checked_at = now
    consent.answered_at = now
    consent.expires_at = now + _duration(consent.duration)
    consent.save(
        update_fields=[
            "status",
            "confirmed_by",
            "checked_by",
            "checked_at",
            "answered_at",
            "expires_at",
        ]
    )
    account_notice_record(
        actor=checker,
        action="consent.check",
        target=consent,
        subject_user=consent.learner,
        data={"reference": consent.paper_reference, "scopes": consent.scopes},
    )
    journal_append(
        helper=checker,
        learner=consent.learner,
        action=HelperJournalEntry.Action.CONSENT_CHECKED,
        consent=consent,
        data={"reference": consent.paper_reference},
    )
    return consent


def consents_told_mark(*, consents) -> None:
    """The person was told at sign-in about these consents."""
    HelperConsent.objects.filter(pk__in=[c.pk for c in consents]).update(
        person_told_at=timezone.now()
    )


@transaction.atomic
def consent_withdraw(*, consent: HelperConsent, learner: User) -> bool:
    """The person withdraws a consent: it stops at once, and a live session
    opened under it ends. Returns False when it was already withdrawn."""
    if consent.learner_id != learner.pk:
        raise CoachingError(_("This consent is not yours."), code="not_yours")
    now = timezone.now()
    changed = HelperConsent.objects.filter(
        pk=consent.pk, status=HelperConsent.Status.GIVEN, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    if not changed:
        return False
    LiveSession.objects.filter(consent=consent, ended_at__isnull=True).update(ended_at=now)
    audit_record(actor=learner, action="consent.withdraw", target=consent, subject_user=learner)
    return True


# --- assisted accounts and cards ---------------------------------------------


@transaction.atomic
def assisted_account_create(
    *,
    helper: User,
    display_name: str,
    first_name: str = "",
    last_name: str = "",
    preferred_language: str,
    see_progress: bool = True,
    enrol: bool = True,
    act_in_session: bool = True,
    duration: str = HelperConsent.Duration.SIX_MONTHS,
) -> tuple[User, HelperConsent]:
    """A helper creates an account for a person without e-mail or phone, in
    the person's language, and prepares the paper consent form: it is pending
    until the person confirms it at their first sign-in (with the login card)
    or a second member of the organisation checks the signed form."""
    _active_profile(helper)
    person = user_create(
        display_name=display_name.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        preferred_language=preferred_language,
        account_type=User.AccountType.ASSISTED,
        created_by=helper,
        legal_name_source=User.LegalNameSource.HELPER,
    )
    role_grant(user=person, role=Role.LEARNER, granted_by=helper)
    journal_append(helper=helper, learner=person, action=HelperJournalEntry.Action.ACCOUNT_CREATED)
    consent = consent_record_paper(
        helper=helper,
        learner=person,
        see_progress=see_progress,
        enrol=enrol,
        act_in_session=act_in_session,
        duration=duration,
    )
    return person, consent


@transaction.atomic
def helper_card_print(*, helper: User, learner: User) -> bytes:
    """Print a fresh login card for a person who gave consent (or whose paper
    consent waits for them to sign in and confirm it); the previous card stops
    working. Only for assisted accounts that never chose their own password."""
    profile = _active_profile(helper)
    consent = consent_valid(profile=profile, learner=learner) or consent_pending_paper(
        profile=profile, learner=learner
    )
    if consent is None:
        raise CoachingError(
            _("This person has not given you permission for this, or it has ended."),
            code="no_consent",
        )
    if learner.account_type != User.AccountType.ASSISTED:
        raise CoachingError(
            _("This person manages their own account: they sign in with their password."),
            code="not_assisted",
        )
    try:
        pdf = login_cards_render(users=[learner], issued_by=helper)
    except CardRefused as error:
        raise CoachingError(error.message, code=error.code) from error
    journal_append(
        helper=helper,
        learner=learner,
        action=HelperJournalEntry.Action.CARD_PRINTED,
        consent=consent,
    )
    return pdf


@transaction.atomic
def assisted_account_take_over(*, user: User, email: str, password: str) -> User:
    """The person adds an e-mail and a password and manages the account from
    now on (a standard account). Consents given stay as they are."""
    if user.account_type != User.AccountType.ASSISTED:
        raise CoachingError(_("This account is already yours to manage."), code="not_assisted")
    email = User.objects.normalize_email(email.strip())
    if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise CoachingError(
            _("Another account already uses this e-mail address."), code="email_taken"
        )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise CoachingError(" ".join(error.messages), code="weak_password") from error
    user.email = email
    user.set_password(password)
    user.account_type = User.AccountType.STANDARD
    user.full_clean(exclude=["password"])
    user.save(update_fields=["email", "password", "account_type"])
    audit_record(actor=user, action="user.take_over", target=user, subject_user=user)
    user_password_chosen(user=user)
    return user


# --- sessions ----------------------------------------------------------------


@transaction.atomic
def coaching_session_log(
    *,
    helper: User,
    learner: User,
    held_on: date,
    duration_minutes: int,
    place: str,
    mode: str,
    topics=(),
    notes: str = "",
) -> CoachingSession:
    """Log a coaching session (the notes are shown to the person)."""
    consent = _consent_for(helper, learner, None)
    if held_on > timezone.localdate():
        raise CoachingError(_("A session cannot be logged in the future."), code="future")
    if not 1 <= duration_minutes <= 600:
        raise CoachingError(_("The duration must be between 1 and 600 minutes."), code="duration")
    if mode not in CoachingSession.Mode.values:
        raise CoachingError(_("Choose in person or by phone."), code="mode")
    session = CoachingSession.objects.create(
        helper=helper,
        learner=learner,
        consent=consent,
        held_on=held_on,
        duration_minutes=duration_minutes,
        place=place.strip()[:120],
        mode=mode,
        notes=notes.strip(),
    )
    session.topics.set(topics)
    journal_append(
        helper=helper,
        learner=learner,
        action=HelperJournalEntry.Action.SESSION_LOGGED,
        consent=consent,
        data={"session": session.pk, "held_on": held_on.isoformat()},
    )
    return session


@transaction.atomic
def live_session_start(*, helper: User, learner: User) -> LiveSession:
    """Start acting for the person: learning recorded from now until the end
    (at most three hours) is marked assisted; exams cannot be started."""
    consent = _consent_for(helper, learner, "act_in_session")
    now = timezone.now()
    # A session left open past its three hours is closed before a new one.
    LiveSession.objects.filter(learner=learner, ended_at__isnull=True, ends_at__lte=now).update(
        ended_at=now
    )
    try:
        with transaction.atomic():
            session = LiveSession.objects.create(
                helper=helper,
                learner=learner,
                consent=consent,
                started_at=now,
                ends_at=min(now + LIVE_SESSION_MAX, consent.expires_at),
            )
    except IntegrityError:
        raise CoachingError(
            _("A session is already open for this person."), code="session_open"
        ) from None
    journal_append(
        helper=helper,
        learner=learner,
        action=HelperJournalEntry.Action.LIVE_STARTED,
        consent=consent,
    )
    return session


@transaction.atomic
def live_session_end(*, helper: User, learner: User) -> bool:
    """End the open live session (the helper who started it, or the person).
    Returns False when none was open."""
    session = (
        LiveSession.objects.select_for_update()
        .filter(learner=learner, ended_at__isnull=True)
        .first()
    )
    if session is None or helper.pk not in (session.helper_id, learner.pk):
        return False
    session.ended_at = timezone.now()
    session.save(update_fields=["ended_at"])
    journal_append(
        helper=helper if helper.pk == session.helper_id else None,
        learner=learner,
        action=HelperJournalEntry.Action.LIVE_ENDED,
        consent=session.consent,
    )
    return True


@transaction.atomic
def helper_enrol(*, helper: User, learner: User, course) -> Enrolment:
    """Enrol the person in a course open to everyone, with the *enrol* scope.
    Idempotent: enrolling twice journals once."""
    consent = _consent_for(helper, learner, "enrol")
    if not course.self_enrolment:
        raise CoachingError(
            _("This course is open only through a partner, a teacher or a voucher."),
            code="self_enrolment_closed",
        )
    already = (
        Enrolment.objects.filter(learner=learner, course_key=course.translation_key)
        .exclude(status=Enrolment.Status.CANCELLED)
        .exists()
    )
    enrolment = enrolment_create(
        learner=learner, course=course, source=Enrolment.Source.HELPER, enrolled_by=helper
    )
    if not already:
        journal_append(
            helper=helper,
            learner=learner,
            action=HelperJournalEntry.Action.ENROLLED,
            consent=consent,
            data={"course": str(course.translation_key), "title": course.title},
        )
    return enrolment


def progress_view_record(*, helper: User, learner: User, consent: HelperConsent) -> None:
    """Journal that a helper looked at the person's progress (once a day)."""
    today = timezone.localdate()
    seen = HelperJournalEntry.objects.filter(
        helper=helper,
        learner=learner,
        action=HelperJournalEntry.Action.PROGRESS_VIEWED,
        created_at__date=today,
    ).exists()
    if not seen:
        journal_append(
            helper=helper,
            learner=learner,
            action=HelperJournalEntry.Action.PROGRESS_VIEWED,
            consent=consent,
        )


# A person is reminded this long before a consent ends.
CONSENT_REMIND_BEFORE = timedelta(days=7)


def _named_in_batches(consents, size: int = 500):
    """`consents` one by one, their organisation's name asked of partners once
    per `size` of them (the e-mail names it)."""
    while batch := list(islice(consents, size)):
        yield from organisation_names_fill(batch)


def consent_reminders_send(*, now=None) -> int:
    """E-mail each person whose consent ends within seven days, once per
    consent. The marker is set by a conditional update before sending, so two
    workers or a retry never send twice. Returns how many were sent."""
    now = now or timezone.now()
    due = HelperConsent.objects.filter(
        status=HelperConsent.Status.GIVEN,
        withdrawn_at__isnull=True,
        reminder_sent_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + CONSENT_REMIND_BEFORE,
    ).exclude(learner__email="")
    sent = 0
    for consent in _named_in_batches(due.select_related("learner", "helper").iterator()):
        won = HelperConsent.objects.filter(pk=consent.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not won:
            continue
        learner = consent.learner
        with translation.override(learner.preferred_language):
            context = {"consent": consent, "user": learner}
            subject = render_to_string("lms/email/consent_reminder_subject.txt", context).strip()
            body = render_to_string("lms/email/consent_reminder_body.txt", context)
        send_mail(subject, body, None, [learner.email])
        sent += 1
    return sent
