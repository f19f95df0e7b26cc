"""Outcomes: a learner's situation at enrolment and at the 3- and 6-month
follow-ups, recorded by staff, by import or by the partner API.

One outcome per learner and point: recording it again updates it in place, and
a real change is audited (the fund reads these figures).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from lms.models import User
from partners.models import Outcome, PartnerLearner, Situation


def _check(situation: str, point: str | None = None) -> None:
    if point is not None and point not in Outcome.Point.values:
        raise ValidationError(_("Unknown follow-up point."), code="bad_point")
    if situation not in Situation.values:
        raise ValidationError(_("Unknown situation."), code="bad_situation")


@transaction.atomic
def outcome_record(
    *,
    learner: PartnerLearner,
    point: str,
    situation: str,
    recorded_by: User | None,
    source: str = Outcome.Source.STAFF,
) -> Outcome:
    """Record `learner`'s situation at `point` (3m or 6m). Idempotent: the same
    call twice changes nothing; a different situation replaces the old one
    (audited). Raises ValidationError for an unknown point, situation or source."""
    _check(situation, point)
    if source not in Outcome.Source.values:
        raise ValidationError(_("Unknown source."), code="bad_source")
    outcome = Outcome.objects.select_for_update().filter(learner=learner, point=point).first()
    if outcome is None:
        try:
            with transaction.atomic():
                outcome = Outcome.objects.create(
                    learner=learner,
                    point=point,
                    situation=situation,
                    recorded_by=recorded_by,
                    source=source,
                )
        except IntegrityError:
            # A concurrent call created it first: fall through to an update.
            outcome = Outcome.objects.select_for_update().get(learner=learner, point=point)
        else:
            audit_record(
                actor=recorded_by,
                action="partners.outcome_record",
                target=learner,
                subject_user=learner.user,
                data={"point": point, "situation": situation, "source": source},
            )
            return outcome
    if outcome.situation == situation:
        return outcome
    previous = outcome.situation
    outcome.situation = situation
    outcome.recorded_by = recorded_by
    outcome.source = source
    outcome.save(update_fields=["situation", "recorded_by", "source", "recorded_at"])
    audit_record(
        actor=recorded_by,
        action="partners.outcome_record",
        target=learner,
        subject_user=learner.user,
        data={"point": point, "situation": situation, "previous": previous, "source": source},
    )
    return outcome


@transaction.atomic
def learner_situation_record(
    *, learner: PartnerLearner, situation: str, recorded_by: User | None
) -> bool:
    """Set the learner's situation at enrolment; returns whether it changed."""
    _check(situation)
    changed = (
        PartnerLearner.objects.filter(pk=learner.pk)
        .exclude(situation=situation)
        .update(situation=situation)
    )
    if changed:
        audit_record(
            actor=recorded_by,
            action="partners.learner_situation_record",
            target=learner,
            subject_user=learner.user,
            data={"situation": situation, "previous": learner.situation},
        )
        learner.situation = situation
    return bool(changed)


@transaction.atomic
def cohort_outcomes_record(
    *, cohort, outcomes: dict[tuple[int, str], str], recorded_by: User | None
) -> int:
    """Record several outcomes of a cohort's learners at once ({(learner id,
    point): situation}); returns how many were new or changed."""
    learners = {
        learner.pk: learner
        for learner in PartnerLearner.objects.filter(
            cohorts__cohort=cohort, pk__in={pk for pk, _point in outcomes}
        ).select_related("user")
    }
    existing = {
        (o.learner_id, o.point): o.situation
        for o in Outcome.objects.filter(learner_id__in=list(learners))
    }
    changed = 0
    for (learner_id, point), situation in outcomes.items():
        learner = learners.get(learner_id)
        if learner is None:
            raise ValueError("the learner is not in this cohort")
        if existing.get((learner_id, point)) == situation:
            continue
        outcome_record(learner=learner, point=point, situation=situation, recorded_by=recorded_by)
        changed += 1
    return changed
