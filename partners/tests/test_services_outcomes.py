import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from lms.tests.factories import UserFactory
from partners.models import Outcome, PartnerLearner, Situation
from partners.services import learner_situation_record, outcome_record
from partners.tests.factories import PartnerLearnerFactory

pytestmark = pytest.mark.django_db


def test_an_outcome_is_recorded_once_and_audited():
    learner, staff = PartnerLearnerFactory(), UserFactory()
    for _ in range(2):
        outcome = outcome_record(
            learner=learner, point="3m", situation=Situation.JOB_FOUND, recorded_by=staff
        )
    assert Outcome.objects.get() == outcome
    assert outcome.source == Outcome.Source.STAFF
    assert AuditEntry.objects.filter(action="partners.outcome_record").count() == 1


def test_a_correction_updates_the_outcome_in_place():
    learner, staff = PartnerLearnerFactory(), UserFactory()
    outcome_record(learner=learner, point="6m", situation="jobseeker", recorded_by=staff)
    outcome_record(
        learner=learner, point="6m", situation="further_training", recorded_by=None, source="api"
    )
    outcome = Outcome.objects.get()
    assert (outcome.situation, outcome.source) == ("further_training", "api")
    entries = AuditEntry.objects.filter(action="partners.outcome_record").order_by("pk")
    assert entries.last().data["previous"] == "jobseeker"


def test_the_two_points_are_two_outcomes():
    learner = PartnerLearnerFactory()
    outcome_record(learner=learner, point="3m", situation="jobseeker", recorded_by=None)
    outcome_record(learner=learner, point="6m", situation="job_found", recorded_by=None)
    assert Outcome.objects.filter(learner=learner).count() == 2


@pytest.mark.parametrize(
    ("point", "situation", "source"),
    [("12m", "job_found", "staff"), ("3m", "astronaut", "staff"), ("3m", "job_found", "fax")],
)
def test_unknown_values_are_refused(point, situation, source):
    learner = PartnerLearnerFactory()
    with pytest.raises(ValidationError):
        outcome_record(
            learner=learner, point=point, situation=situation, recorded_by=None, source=source
        )
    assert not Outcome.objects.exists()


def test_the_situation_at_enrolment_is_set_on_the_learner():
    learner, staff = PartnerLearnerFactory(situation="unknown"), UserFactory()
    assert learner_situation_record(learner=learner, situation="jobseeker", recorded_by=staff)
    assert not learner_situation_record(learner=learner, situation="jobseeker", recorded_by=staff)
    assert PartnerLearner.objects.get(pk=learner.pk).situation == "jobseeker"
    assert AuditEntry.objects.filter(action="partners.learner_situation_record").count() == 1
