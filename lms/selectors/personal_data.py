"""Everything the platform holds about one person, for "Download my data"
(GDPR articles 15 and 20): lms's own rows, plus the parts other apps register
through `lms.hooks.personal_data` (certificates, partner records).

Secrets never leave: no password hash, no MFA secret or recovery code, no
social login token, no login-card code. A fixed number of queries, whatever
the person holds (asserted in the tests).
"""

import json

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.selectors import audit_entries_about
from lms.hooks.coaching import organisations_facts
from lms.hooks.personal_data import personal_data_collect
from lms.models import (
    ActivityState,
    Attempt,
    CoachingSession,
    ConsentRecord,
    Enrolment,
    HelperConsent,
    HelperProfile,
    LiveSession,
    LoginCard,
    ProgressEvent,
    PuzzleProgress,
    PuzzleSubmission,
    SectionChild,
    Statement,
    User,
)
from lms.notices import notice_text

# 2: a helper's organisation is under "organisation_name" (was "organisation__name").
FORMAT_VERSION = 2


def _rows(queryset, *fields) -> list[dict]:
    return list(queryset.values(*fields))


def _rows_named(queryset, *fields) -> list[dict]:
    """`_rows`, where "organisation_id" becomes "organisation_name", the
    organisation's name as partners tells it (lms never reads an organisation
    itself; `lms.hooks.coaching`)."""
    rows = _rows(queryset, *fields)
    facts = organisations_facts(row["organisation_id"] for row in rows)
    named = []
    for row in rows:
        known = facts.get(row["organisation_id"])
        named.append(
            {
                ("organisation_name" if key == "organisation_id" else key): (
                    (known.name if known else None) if key == "organisation_id" else value
                )
                for key, value in row.items()
            }
        )
    return named


def personal_data_for(*, user: User) -> dict:
    """A JSON-ready dict (dates as datetimes: encode with DjangoJSONEncoder)."""
    enrolments = Enrolment.objects.filter(learner=user)
    data: dict = {
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "account": {
            "public_id": str(user.public_id),
            "username": user.username,
            "email": user.email,
            "display_name": user.display_name,
            "legal_given_names": user.first_name,
            "legal_family_name": user.last_name,
            "legal_name_source": user.legal_name_source,
            "legal_name_verified_at": user.legal_name_verified_at,
            "preferred_language": user.preferred_language,
            "account_type": user.account_type,
            "is_active": user.is_active,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "welcomed_at": user.welcomed_at,
            "password_chosen_at": user.password_chosen_at,
        },
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "email_addresses": _rows(
            EmailAddress.objects.filter(user=user).order_by("pk"), "email", "verified", "primary"
        ),
        # Type and dates only: never a secret, a token or the provider's id.
        "social_accounts": _rows(
            SocialAccount.objects.filter(user=user).order_by("pk"),
            "provider",
            "date_joined",
            "last_login",
        ),
        "mfa": _rows(
            Authenticator.objects.filter(user=user).order_by("pk"),
            "type",
            "created_at",
            "last_used_at",
        ),
        "enrolments": _rows(
            enrolments.order_by("pk"),
            "id",
            "course_key",
            "course__title",
            "source",
            "status",
            "enrolled_at",
            "completed_at",
            "cancelled_at",
            "last_activity_at",
        ),
        "progress": _rows(
            ProgressEvent.objects.filter(enrolment__learner=user).order_by("pk"),
            "enrolment_id",
            "lesson_key",
            "kind",
            "assisted",
            "created_at",
        ),
        "attempts": _rows(
            Attempt.objects.filter(enrolment__learner=user).order_by("pk"),
            "public_id",
            "enrolment_id",
            "lesson_key",
            "activity_key",
            "source",
            "exam",
            "number",
            "status",
            "answers",
            "score",
            "max_score",
            "passed",
            "assisted",
            "signin_method",
            "started_at",
            "submitted_at",
        ),
        "activity_states": _rows(
            ActivityState.objects.filter(enrolment__learner=user).order_by("pk"),
            "enrolment_id",
            "activity_key",
            "state",
            "updated_at",
        ),
        "puzzles": _rows(
            PuzzleProgress.objects.filter(user=user).order_by("pk"),
            "level_number",
            "attempts",
            "solved",
            "best_stars",
            "solved_at",
        ),
        "puzzle_submissions": _rows(
            PuzzleSubmission.objects.filter(user=user).order_by("pk"),
            "level_number",
            "solved",
            "stars",
            "block_count",
            "created_at",
        ),
        "xapi_statements": list(
            Statement.objects.filter(learner=user)
            .order_by("timestamp", "id")
            .values_list("statement", flat=True)
        ),
        "class_section": _rows(
            SectionChild.objects.filter(user=user),
            "first_name",
            "section__name",
            "section__school_year",
            "family_language",
            "consent_at",
            "created_at",
        ),
        "parental_consents": _rows(
            ConsentRecord.objects.filter(child__user=user).order_by("pk"),
            "kind",
            "method",
            "guardian_name",
            "recorded_at",
        ),
        "helper_consents": _rows_named(
            HelperConsent.objects.filter(learner=user).order_by("pk"),
            "id",
            "helper__display_name",
            "organisation_id",
            "see_progress",
            "enrol",
            "act_in_session",
            "duration",
            "status",
            "given_how",
            "requested_at",
            "answered_at",
            "expires_at",
            "withdrawn_at",
        ),
        "coaching_sessions": _rows(
            CoachingSession.objects.filter(learner=user).order_by("pk"),
            "helper__display_name",
            "held_on",
            "duration_minutes",
            "place",
            "mode",
            "notes",
        ),
        "live_sessions": _rows(
            LiveSession.objects.filter(learner=user).order_by("pk"),
            "helper__display_name",
            "started_at",
            "ends_at",
            "ended_at",
        ),
        "helper_profile": _rows_named(
            HelperProfile.objects.filter(user=user),
            "organisation_id",
            "status",
            "created_at",
            "activated_at",
        ),
        "login_cards": _rows(
            LoginCard.objects.filter(user=user).order_by("pk"),
            "issued_at",
            "expires_at",
            "used_at",
            "replaced_at",
        ),
    }
    # The journal of what was done on the account, with the sentence the
    # person reads in their notifications.
    data["notifications_and_audit"] = [
        {
            "created_at": entry.created_at,
            "action": entry.action,
            "target": entry.target_type,
            "by_yourself": entry.actor_id == user.pk,
            "text": str(notice_text(entry) or ""),
        }
        for entry in audit_entries_about(user=user).order_by("created_at", "id")
    ]
    data.update(personal_data_collect(user=user))
    return data


SECTION_TITLES = {
    "name_corrections": gettext_lazy("Requests to correct your name"),
    "account": gettext_lazy("Your account"),
    "roles": gettext_lazy("Your roles"),
    "email_addresses": gettext_lazy("E-mail addresses"),
    "social_accounts": gettext_lazy("Sign-in with another service"),
    "mfa": gettext_lazy("Two-step verification"),
    "enrolments": gettext_lazy("Courses you enrolled in"),
    "progress": gettext_lazy("Progress in lessons"),
    "attempts": gettext_lazy("Quiz and exam attempts, with your answers"),
    "activity_states": gettext_lazy("Saved state of interactive activities"),
    "puzzles": gettext_lazy("Puzzles"),
    "puzzle_submissions": gettext_lazy("Puzzle solutions sent"),
    "xapi_statements": gettext_lazy("Learning records (xAPI statements)"),
    "class_section": gettext_lazy("Class section"),
    "parental_consents": gettext_lazy("Parental consent"),
    "helper_consents": gettext_lazy("Consents given to digital helpers"),
    "coaching_sessions": gettext_lazy("Coaching sessions"),
    "live_sessions": gettext_lazy("Sessions where a helper worked with you"),
    "helper_profile": gettext_lazy("Your digital helper profile"),
    "login_cards": gettext_lazy("Login cards printed for you"),
    "notifications_and_audit": gettext_lazy("What was done on your account"),
    "certificates": gettext_lazy("Certificates"),
    "partner_records": gettext_lazy("Records of organisations that enrolled you"),
}


def _cell(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if hasattr(value, "isoformat"):
        return (
            value.isoformat(sep=" ", timespec="minutes") if hasattr(value, "hour") else str(value)
        )
    if isinstance(value, (list, dict)):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(value)


def _table(title, rows) -> dict:
    if isinstance(rows, dict):
        rows = [rows]
    if rows and not isinstance(rows[0], dict):
        rows = [{"value": row} for row in rows]
    headers = list(rows[0]) if rows else []
    return {
        "title": title,
        "headers": [h.replace("__", " ").replace("_", " ") for h in headers],
        "rows": [[_cell(row.get(h)) for h in headers] for row in rows],
    }


def personal_data_sections(data: dict) -> list[dict]:
    """The export as titled tables for the printable page: [{title, headers, rows}]."""
    sections = []
    for key, value in data.items():
        if key in ("format_version", "exported_at"):
            continue
        if key == "xapi_statements":
            value = [
                {
                    "timestamp": s.get("timestamp"),
                    "verb": (s.get("verb") or {}).get("id", "").rsplit("/", 1)[-1],
                    "object": (s.get("object") or {}).get("id"),
                    "result": s.get("result"),
                }
                for s in value
            ]
        if isinstance(value, dict) and all(isinstance(v, list) for v in value.values()):
            for sub_key, sub_value in value.items():
                sections.append(_table(SECTION_TITLES.get(sub_key, sub_key), sub_value))
            continue
        sections.append(_table(SECTION_TITLES.get(key, key), value))
    return sections
