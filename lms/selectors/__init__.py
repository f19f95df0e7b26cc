"""Reads of lms/."""

from lms.selectors.accounts import (
    audit_entries_about,
    audit_entries_for,
    user_display_name,
    user_roles,
)
from lms.selectors.learning import (
    CourseProgress,
    activity_results,
    course_progress,
    dashboard_courses,
    enrolment_for_course,
    enrolments_progress,
    learner_courses_progress,
    lesson_enrolment,
    statements_for_course,
    statements_for_learner,
)

__all__ = [
    "CourseProgress",
    "activity_results",
    "audit_entries_about",
    "audit_entries_for",
    "course_progress",
    "dashboard_courses",
    "enrolment_for_course",
    "enrolments_progress",
    "learner_courses_progress",
    "lesson_enrolment",
    "statements_for_course",
    "statements_for_learner",
    "user_display_name",
    "user_roles",
]
