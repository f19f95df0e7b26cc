"""Signals that lms sends to other apps. Receivers only call services.

course_completed
    Sent exactly once per enrolment, after the transaction that recorded the
    completion has committed (receivers may enqueue Celery tasks directly).
    Keyword arguments:
      user          lms.User — the learner
      course        courses.CoursePage — the course, in the learner's language
      enrolment_id  int — the enrolment that completed
      completed_at  datetime — when the completion rule was met
    Listened to by certificates (issue the certificate, exactly once).
"""

from django.dispatch import Signal

course_completed = Signal()
