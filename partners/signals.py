"""Signals that partners sends. Receivers only call services.

learners_enrolled
    Sent once per batch (a file import, an API call) after the transaction has
    committed, listing each partner learner newly enrolled in a course, once.
    A batch can hold 50,000 enrolments: receivers work per batch, not per row.
    Keyword arguments:
      organisation_id  int — the organisation that enrolled the learners
      enrolments       list of dicts, in the order of the input, each with
                         learner_id    int — the PartnerLearner
                         external_id   str — the organisation's own learner id
                         course_key    UUID — the course (translation_key)
                         enrolment_id  int — the lms enrolment
"""

from django.dispatch import Signal

learners_enrolled = Signal()
