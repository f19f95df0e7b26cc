"""Signals that partners sends. Receivers only call services.

learner_enrolled
    Sent once per partner learner newly enrolled in a course of a cohort, after
    the transaction has committed. Keyword arguments:
      organisation_id  int — the organisation that enrolled the learner
      learner_id       int — the PartnerLearner
      external_id      str — the organisation's own learner id
      course_key       UUID — the course (translation_key)
      enrolment_id     int — the lms enrolment
"""

from django.dispatch import Signal

learner_enrolled = Signal()
