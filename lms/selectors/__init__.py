"""Reads of lms/."""

from lms.selectors.accounts import (
    user_display_name,
    user_roles,
)
from lms.selectors.learning import (
    CourseProgress,
    activity_results,
    completions_awaiting_certificate,
    course_progress,
    dashboard_courses,
    enrolment_for_course,
    enrolments_progress,
    learner_courses_progress,
    legal_name_needed,
    lesson_enrolment,
    statements_for_course,
    statements_for_learner,
)
from lms.selectors.legal import legal_documents_to_accept

__all__ = [
    "legal_documents_to_accept",
    "CourseProgress",
    "activity_results",
    "completions_awaiting_certificate",
    "course_progress",
    "dashboard_courses",
    "enrolment_for_course",
    "enrolments_progress",
    "learner_courses_progress",
    "legal_name_needed",
    "lesson_enrolment",
    "statements_for_course",
    "statements_for_learner",
    "user_display_name",
    "user_roles",
]
