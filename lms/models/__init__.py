"""Models of lms/: accounts and the journal, learning state, xAPI statements.

Learner state is keyed by the content's `translation_key` (shared by the four
language versions of a page) and by StreamField block ids, so progress and
attempts survive a change of language.
"""

from lms.models.accounts import SigninMethod, User
from lms.models.coaching import (
    CoachingSession,
    HelperConsent,
    HelperJournalEntry,
    HelperProfile,
    LiveSession,
    LoginCard,
)
from lms.models.learning import (
    ActivityState,
    Attempt,
    Enrolment,
    FocusEvent,
    ProgressEvent,
)
from lms.models.legal import LegalAcceptance
from lms.models.sections import (
    ClassSection,
    ConsentRecord,
    PictureLoginAttempt,
    PuzzleProgress,
    PuzzleSubmission,
    SectionChild,
)
from lms.models.xapi import Statement

__all__ = [
    "LegalAcceptance",
    "ActivityState",
    "Attempt",
    "SigninMethod",
    "ClassSection",
    "ConsentRecord",
    "PictureLoginAttempt",
    "PuzzleProgress",
    "PuzzleSubmission",
    "SectionChild",
    "CoachingSession",
    "HelperConsent",
    "HelperJournalEntry",
    "HelperProfile",
    "LiveSession",
    "LoginCard",
    "Enrolment",
    "FocusEvent",
    "ProgressEvent",
    "Statement",
    "User",
]
