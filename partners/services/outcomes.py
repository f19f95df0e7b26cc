"""Record a learner's outcome at a follow-up point (3 or 6 months): one row per
learner and point, a correction replaces it; every recording is audited."""

from django.db import transaction

from lms.services import audit_record
from partners.models import Outcome, PartnerLearner


@transaction.atomic
def outcome_record(
    *, learner: PartnerLearner, point: str, situation: str, recorded_by, source: str
) -> Outcome:
    """Create or replace the outcome of `learner` at `point`."""
    previous = Outcome.objects.filter(learner=learner, point=point).values_list(
        "situation", flat=True
    )
    before = next(iter(previous), None)
    outcome, _created = Outcome.objects.update_or_create(
        learner=learner,
        point=point,
        defaults={"situation": situation, "recorded_by": recorded_by, "source": source},
    )
    audit_record(
        actor=recorded_by,
        action="partners.outcome_record",
        target=outcome,
        subject_user=learner.user,
        data={"point": point, "situation": situation, "previous": before, "source": source},
    )
    return outcome
