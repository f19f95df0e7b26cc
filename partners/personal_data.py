"""The partners part of "Download my data" and of erasing an account: the
records organisations keep of the person, registered into
`lms.hooks.personal_data` by `PartnersConfig.ready`."""

from django.db import transaction

from lms.models import User
from partners.models import ImportRow, Outcome, PartnerLearner

ERASED_MARK = "[erased]"


def partners_personal_data(*, user: User) -> list[dict]:
    """Each organisation's record of the person, with cohorts and outcomes."""
    records = list(
        PartnerLearner.objects.filter(user=user)
        .select_related("organisation")
        .prefetch_related("target_groups", "cohorts__cohort")
        .order_by("pk")
    )
    outcomes: dict[int, list[dict]] = {}
    for row in (
        Outcome.objects.filter(learner__user=user)
        .order_by("pk")
        .values("learner_id", "point", "situation", "source", "recorded_at")
    ):
        outcomes.setdefault(row.pop("learner_id"), []).append(row)
    return [
        {
            "organisation": record.organisation.name,
            "learner_id_at_organisation": record.external_id,
            "first_name": record.first_name,
            "last_name": record.last_name,
            "birth_date": record.birth_date,
            "gender": record.gender,
            "postcode": record.postcode,
            "region": record.region,
            "situation_at_enrolment": record.situation,
            "target_groups": sorted(t.target_group for t in record.target_groups.all()),
            "cohorts": [m.cohort.name for m in record.cohorts.all()],
            "outcomes": outcomes.get(record.pk, []),
            "created_at": record.created_at,
        }
        for record in records
    ]


@transaction.atomic
def partners_erase_for(*, user: User, actor: User | None, reason: str) -> int:
    """Pseudonymise the organisations' records of the person. What the fund's
    reports count stays (gender, region, situation, target groups, outcomes,
    cohort membership, and the birth year only, for age bands); the name, the
    exact birth date, the postcode, the partner's own learner id and the
    imported lines that carried them go."""
    changed = 0
    for record in PartnerLearner.objects.filter(user=user).select_for_update():
        ImportRow.objects.filter(
            batch__organisation_id=record.organisation_id, external_id=record.external_id
        ).update(external_id="", cells=[], values={})
        record.external_id = f"erased-{record.pk}"
        record.first_name = ERASED_MARK
        record.last_name = ""
        record.postcode = ""
        if record.birth_date is not None:
            record.birth_date = record.birth_date.replace(month=1, day=1)
        record.save()
        changed += 1
    return changed
