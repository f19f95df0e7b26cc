"""Reads for digital helpers: active consents (always compared with now() in
the database), the people a helper coaches, sessions, journal, and whether a
live assisted session is open for a learner."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from lms.hooks.coaching import (
    helper_holds_training,
    holds_organisation_role,
    organisation_facts,
    organisation_knows_learner,
    organisations_facts,
    organisations_managed,
)
from lms.models import (
    Attempt,
    CoachingSession,
    Enrolment,
    HelperConsent,
    HelperJournalEntry,
    HelperProfile,
    LiveSession,
    User,
)
from lms.roles import MANAGE_HELPERS, Role
from lms.selectors.accounts import user_roles

SCOPES = ("see_progress", "enrol", "act_in_session")
# Roles that give no power over other people's data.
PLAIN_ROLES = frozenset({Role.LEARNER, Role.YOUNG_LEARNER})


def account_holds_power(user: User) -> bool:
    """Is this a staff account: Django staff or superuser, any role beyond
    learner (editor, teacher, helper, partner staff, fund officer, employer),
    a helper profile, or a role in a partner organisation (partners' rule)?
    Such accounts get no login card and are never coached by a helper."""
    if user.is_staff or user.is_superuser:
        return True
    if user_roles(user=user) - PLAIN_ROLES:
        return True
    if HelperProfile.objects.filter(user_id=user.pk).exists():
        return True
    return holds_organisation_role(user)


def helper_profile_active(*, helper: User) -> HelperProfile | None:
    """The helper's profile when it is active, else None (a pending or
    suspended helper acts for nobody)."""
    if not helper.is_authenticated or not helper.is_active:
        return None
    return HelperProfile.objects.filter(user=helper, status=HelperProfile.Status.ACTIVE).first()


def helper_training_held(*, profile: HelperProfile) -> bool:
    """Whether the helper holds the training their organisation requires (True
    when it requires none; False for an organisation partners does not know)."""
    organisation = organisation_facts(profile.organisation_id)
    if organisation is None:
        return False
    return helper_holds_training(
        user=profile.user, course_key=organisation.helper_training_course_key
    )


def _valid_now() -> Q:
    return Q(
        status=HelperConsent.Status.GIVEN,
        withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    )


def consents_valid_for_helper(*, profile: HelperProfile) -> QuerySet[HelperConsent]:
    """Consents in force now that name this helper or the helper's organisation."""
    return HelperConsent.objects.filter(_valid_now()).filter(
        Q(helper_id=profile.user_id) | Q(organisation_id=profile.organisation_id)
    )


def consent_valid(
    *, profile: HelperProfile, learner: User, scope: str | None = None
) -> HelperConsent | None:
    """The consent under which this helper may act for `learner` now (with the
    given scope when one is named), or None. The newest one wins."""
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"unknown consent scope {scope!r}")
    consents = consents_valid_for_helper(profile=profile).filter(learner=learner)
    if scope is not None:
        consents = consents.filter(**{scope: True})
    return consents.order_by("-answered_at", "-id").first()


def assisted_session_open(learner: User) -> bool:
    """Is a helper's live session open for `learner` right now? Learning
    recorded meanwhile is assisted, and exams cannot be started."""
    if learner.pk is None:
        return False
    return assisted_sessions_open(learner_id=learner.pk).exists()


def assisted_sessions_open(*, learner_id: int) -> QuerySet:
    """The helpers' live sessions open for a learner now (for `Exists`)."""
    return LiveSession.objects.filter(
        learner_id=learner_id, ended_at__isnull=True, ends_at__gt=timezone.now()
    )


def live_session_open(*, learner: User) -> LiveSession | None:
    return (
        LiveSession.objects.select_related("helper")
        .filter(learner=learner, ended_at__isnull=True, ends_at__gt=timezone.now())
        .first()
    )


@dataclass
class CoachedPerson:
    """One row of the helper's dashboard."""

    person: User
    consent: HelperConsent
    courses: int | None
    completed: int | None
    sessions: int


def coached_people(*, profile: HelperProfile) -> list[CoachedPerson]:
    """The people this helper may act for now, with their progress only where
    they allowed it. Four queries, whatever the number of people."""
    consents = list(
        consents_valid_for_helper(profile=profile)
        .select_related("learner")
        .order_by("learner__display_name", "learner__username", "-answered_at")
    )
    best: dict[int, HelperConsent] = {}
    progress_allowed: set[int] = set()
    for consent in consents:
        best.setdefault(consent.learner_id, consent)
        if consent.see_progress:
            progress_allowed.add(consent.learner_id)
    counts = {
        row["learner_id"]: row
        for row in Enrolment.objects.filter(learner_id__in=progress_allowed)
        .exclude(status=Enrolment.Status.CANCELLED)
        .values("learner_id")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status=Enrolment.Status.COMPLETED)),
        )
    }
    sessions = dict(
        CoachingSession.objects.filter(helper_id=profile.user_id, learner_id__in=best)
        .values("learner_id")
        .annotate(n=Count("id"))
        .values_list("learner_id", "n")
    )
    rows = []
    for learner_id, consent in best.items():
        allowed = learner_id in progress_allowed
        row = counts.get(learner_id, {})
        rows.append(
            CoachedPerson(
                person=consent.learner,
                consent=consent,
                courses=row.get("total", 0) if allowed else None,
                completed=row.get("done", 0) if allowed else None,
                sessions=sessions.get(learner_id, 0),
            )
        )
    return rows


def consent_person_in_reach(*, organisation_id: int, learner: User) -> bool:
    """The reach of an organisation's helpers for a consent the person does not
    give on a screen (the paper form). A person is in reach when

    - the organisation enrolled them as one of its learners (partners' rule,
      `lms.hooks.coaching.organisation_knows_learner`), or
    - a helper of the organisation created their (assisted) account, or
    - they asked for coaching themselves: they once gave a helper of the
      organisation (or the organisation) a consent on a screen.
    """
    if organisation_knows_learner(organisation_id=organisation_id, user=learner):
        return True
    if HelperJournalEntry.objects.filter(
        learner=learner,
        action=HelperJournalEntry.Action.ACCOUNT_CREATED,
        helper__helper_profile__organisation_id=organisation_id,
    ).exists():
        return True
    return (
        HelperConsent.objects.filter(
            learner=learner,
            given_how__in=[HelperConsent.GivenHow.SCREEN, HelperConsent.GivenHow.HELPER_SCREEN],
        )
        .filter(
            Q(organisation_id=organisation_id)
            | Q(helper__helper_profile__organisation_id=organisation_id)
        )
        .exists()
    )


def consent_organisation_id(*, consent: HelperConsent) -> int | None:
    """The organisation a consent belongs to: the one it names, or the
    requesting helper's."""
    if consent.organisation_id:
        return consent.organisation_id
    profile = HelperProfile.objects.filter(user_id=consent.requested_by_id).first()
    return profile.organisation_id if profile else None


def paper_consents_pending(*, organisation_id: int) -> QuerySet[HelperConsent]:
    """Paper consents of an organisation waiting for the person or a checker."""
    return (
        HelperConsent.objects.filter(status=HelperConsent.Status.PENDING)
        .filter(
            Q(organisation_id=organisation_id)
            | Q(requested_by__helper_profile__organisation_id=organisation_id)
        )
        .select_related("learner", "requested_by", "scan_uploaded_by")
        .order_by("-requested_at", "-id")
    )


def consent_pending_paper(*, profile: HelperProfile, learner: User) -> HelperConsent | None:
    """A paper consent for `learner` waiting for confirmation that names this
    helper or their organisation (it allows printing a login card, nothing else)."""
    return (
        HelperConsent.objects.filter(learner=learner, status=HelperConsent.Status.PENDING)
        .filter(Q(helper_id=profile.user_id) | Q(organisation_id=profile.organisation_id))
        .order_by("-requested_at", "-id")
        .first()
    )


def consents_checked_untold(*, learner: User) -> QuerySet[HelperConsent]:
    """Consents confirmed by a checker that the person was not told about yet."""
    return HelperConsent.objects.filter(
        learner=learner,
        status=HelperConsent.Status.GIVEN,
        confirmed_by=HelperConsent.ConfirmedBy.CHECKER,
        person_told_at__isnull=True,
    )


def consent_requests_pending(*, learner: User) -> QuerySet[HelperConsent]:
    """Requests from helpers the person has not answered yet, and paper
    consents signed in their name that wait for their confirmation."""
    return (
        HelperConsent.objects.filter(
            learner=learner,
            status__in=[HelperConsent.Status.REQUESTED, HelperConsent.Status.PENDING],
        )
        .select_related("helper", "requested_by")
        .order_by("-requested_at")
    )


def consents_of_learner(*, learner: User) -> QuerySet[HelperConsent]:
    """Every consent the person gave, newest first (valid, expired, withdrawn)."""
    return (
        HelperConsent.objects.filter(learner=learner, status=HelperConsent.Status.GIVEN)
        .select_related("helper", "requested_by")
        .order_by("-answered_at", "-id")
    )


def consent_requests_sent(*, helper: User) -> QuerySet[HelperConsent]:
    return (
        HelperConsent.objects.filter(
            requested_by=helper,
            status__in=[HelperConsent.Status.REQUESTED, HelperConsent.Status.PENDING],
        )
        .select_related("learner")
        .order_by("-requested_at")
    )


def sessions_of_learner(*, learner: User) -> QuerySet[CoachingSession]:
    return (
        CoachingSession.objects.filter(learner=learner)
        .select_related("helper")
        .prefetch_related("topics")
        .order_by("-held_on", "-id")
    )


def sessions_for_helper(*, profile: HelperProfile, learner: User) -> QuerySet[CoachingSession]:
    """A person's sessions as a helper sees them: only those logged by helpers
    of the same organisation (the notes of others are for the person)."""
    return sessions_of_learner(learner=learner).filter(
        helper__helper_profile__organisation_id=profile.organisation_id
    )


def sessions_of_helper(*, helper: User, limit: int = 20) -> QuerySet[CoachingSession]:
    return (
        CoachingSession.objects.filter(helper=helper)
        .select_related("learner")
        .prefetch_related("topics")
        .order_by("-held_on", "-id")[:limit]
    )


def journal_of_learner(*, learner: User) -> QuerySet[HelperJournalEntry]:
    """The person's part of the helper journal."""
    return (
        HelperJournalEntry.objects.filter(learner=learner)
        .select_related("helper")
        .order_by("-created_at", "-id")
    )


def helper_profiles_for(*, user: User) -> QuerySet[HelperProfile]:
    """The helper profiles `user` manages: all with `lms.manage_helpers`, those of
    the organisations where `user` is a manager otherwise (partners' rule, asked
    through `lms.hooks.coaching`: the organisations it names are active ones)."""
    profiles = HelperProfile.objects.select_related("user", "activated_by")
    if user.is_active and user.has_perm(MANAGE_HELPERS):
        return profiles
    return profiles.filter(organisation_id__in=organisations_managed(user))


def helper_profiles_listing(*, user: User) -> list[HelperProfile]:
    """`helper_profiles_for`, each with its organisation's name, by that name
    then username."""
    found = organisation_names_fill(helper_profiles_for(user=user))
    return sorted(found, key=lambda p: (p.organisation_name.casefold(), p.user.username))


def organisation_names_fill(items: Iterable) -> list:
    """`items` (helper profiles or consents) as a list, each with its
    `organisation_name` filled: one question to partners for all of them."""
    items = list(items)
    facts = organisations_facts(item.organisation_id for item in items)
    for item in items:
        known = facts.get(item.organisation_id)
        item.__dict__["organisation_name"] = known.name if known else ""
    return items


def attempts_assisted_split(*, course_key=None, learners=None) -> dict[str, int]:
    """Submitted attempts alone and assisted, for records and funders."""
    attempts = Attempt.objects.exclude(status=Attempt.Status.OPEN)
    if course_key is not None:
        attempts = attempts.filter(enrolment__course_key=course_key)
    if learners is not None:
        attempts = attempts.filter(enrolment__learner__in=learners)
    split = attempts.aggregate(
        alone=Count("id", filter=Q(assisted=False)), assisted=Count("id", filter=Q(assisted=True))
    )
    return {"alone": split["alone"], "assisted": split["assisted"]}
