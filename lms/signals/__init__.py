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

legal_name_given
    Sent after the transaction that recorded a person's legal name (given and
    family name, as on the identity card) has committed.
    Keyword arguments:
      user    lms.User — the person
      source  str — User.LegalNameSource value
    Listened to by certificates (issue the certificates that waited for it).
"""

from django.dispatch import Signal

course_completed = Signal()
legal_name_given = Signal()
