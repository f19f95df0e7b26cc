"""Reads of lms/."""

from lms.selectors.accounts import audit_entries_about, user_display_name, user_roles
from lms.selectors.learning import (
    CourseProgress,
    activity_results,
    course_progress,
    dashboard_courses,
    enrolment_for_course,
    lesson_enrolment,
    statements_for_course,
    statements_for_learner,
)

__all__ = [
    "CourseProgress",
    "activity_results",
    "audit_entries_about",
    "course_progress",
    "dashboard_courses",
    "enrolment_for_course",
    "lesson_enrolment",
    "statements_for_course",
    "statements_for_learner",
    "user_display_name",
    "user_roles",
]
