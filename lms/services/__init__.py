"""Writes of lms/. Other apps import from here (e.g. `enrolment_create`).

Every function runs in a transaction; sensitive changes leave an audit row and
side effects (e-mail, signals, the external LRS) happen once the transaction
commits.
"""

from lms.services.accounts import (
    role_grant,
    role_revoke,
    user_create,
    user_legal_name_set,
    user_profile_update,
    welcome_enqueue,
    welcome_send,
)
from lms.services.bulk import NewPerson, enrolments_create_bulk, users_create_bulk
from lms.services.learning import (
    activity_result_record,
    completion_evaluate,
    enrolment_cancel,
    enrolment_create,
    lesson_progress_record,
    lesson_view_move,
    lesson_view_record,
)
from lms.services.legal import legal_accept
from lms.services.puzzles import puzzle_result_record
from lms.services.quizzes import (
    attempt_focus_loss_record,
    quiz_answer_save,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from lms.services.sections import (
    child_picture_password_set,
    consent_record,
    consent_withdraw,
    picture_login_check,
    section_cards_issue,
    section_child_remove,
    section_children_add,
    section_close,
    section_create,
    young_data_allowed,
)
from lms.services.xapi import statement_record

__all__ = [
    "legal_accept",
    "child_picture_password_set",
    "consent_record",
    "consent_withdraw",
    "picture_login_check",
    "puzzle_result_record",
    "section_cards_issue",
    "section_children_add",
    "section_child_remove",
    "section_close",
    "section_create",
    "young_data_allowed",
    "NewPerson",
    "activity_result_record",
    "attempt_focus_loss_record",
    "audit_record",
    "completion_evaluate",
    "enrolment_cancel",
    "enrolment_create",
    "enrolments_create_bulk",
    "lesson_progress_record",
    "lesson_view_move",
    "lesson_view_record",
    "quiz_answer_save",
    "quiz_attempt_start",
    "quiz_attempt_submit",
    "role_grant",
    "role_revoke",
    "statement_record",
    "user_create",
    "user_legal_name_set",
    "user_profile_update",
    "users_create_bulk",
    "welcome_enqueue",
    "welcome_send",
]
