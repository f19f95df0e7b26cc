"""The organisation rules lms asks of partners through `lms.hooks.coaching`:
who manages an organisation, which people it reaches, who holds a role in one."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from lms.hooks.coaching import (
    holds_organisation_role,
    organisation_knows_learner,
    organisation_manager,
    organisations_managed,
)
from lms.models import HelperConsent
from lms.services.coaching import CoachingError, consent_record_paper
from lms.tests.factories import UserFactory
from lms.tests.factories_coaching import HelperProfileFactory
from partners.services import LearnerInput, learners_enrol, membership_grant
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
SCOPES = {"see_progress": True, "enrol": False, "act_in_session": False, "duration": "1m"}


def test_the_manager_rule_is_partners_own():
    organisation, other = OrganisationFactory(), OrganisationFactory()
    manager, trainer = UserFactory(), UserFactory()
    membership_grant(organisation=organisation, user=manager, role="manager")
    membership_grant(organisation=organisation, user=trainer, role="trainer")
    assert organisation_manager(manager, organisation.pk)
    assert organisation_manager(manager)
    assert not organisation_manager(manager, other.pk)
    assert not organisation_manager(trainer, organisation.pk)
    assert organisations_managed(manager) == {organisation.pk}
    organisation.is_active = False
    organisation.save()
    assert not organisation_manager(manager, organisation.pk)


def test_a_manager_sees_the_helpers_of_their_organisation_only(client):
    mine = HelperProfileFactory()
    theirs = HelperProfileFactory()
    manager = UserFactory()
    membership_grant(organisation=mine.organisation, user=manager, role="manager")
    client.force_login(manager)
    page = client.get(reverse("lms:helper_profiles")).content.decode()
    assert escape(str(mine.user)) in page and escape(str(theirs.user)) not in page
    trainer = UserFactory()
    membership_grant(organisation=mine.organisation, user=trainer, role="trainer")
    client.force_login(trainer)
    assert client.get(reverse("lms:helper_profiles")).status_code == 403


def test_an_organisations_own_learner_is_in_reach_for_a_paper_form():
    profile = HelperProfileFactory()
    learners_enrol(
        organisation=profile.organisation,
        learners=[LearnerInput(external_id="P-1", first_name="Ilse")],
    )
    person = profile.organisation.learners.get().user
    assert organisation_knows_learner(organisation_id=profile.organisation_id, user=person)
    consent = consent_record_paper(helper=profile.user, learner=person, **SCOPES)
    assert consent.status == HelperConsent.Status.PENDING


def test_another_organisations_learner_is_out_of_reach():
    profile = HelperProfileFactory()
    other = OrganisationFactory()
    learners_enrol(
        organisation=other, learners=[LearnerInput(external_id="P-1", first_name="Ilse")]
    )
    person = other.learners.get().user
    with pytest.raises(CoachingError) as refused:
        consent_record_paper(helper=profile.user, learner=person, **SCOPES)
    assert refused.value.code == "out_of_reach"


def test_partner_staff_are_staff_accounts_for_helpers():
    profile = HelperProfileFactory()
    learners_enrol(
        organisation=profile.organisation,
        learners=[LearnerInput(external_id="P-1", first_name="Ilse")],
    )
    person = profile.organisation.learners.get().user
    membership_grant(organisation=OrganisationFactory(), user=person, role="reporter")
    assert holds_organisation_role(person)
    with pytest.raises(CoachingError) as refused:
        consent_record_paper(helper=profile.user, learner=person, **SCOPES)
    assert refused.value.code == "staff"
    assert not HelperConsent.objects.exists()


def test_a_manager_checks_a_scan_uploaded_by_a_helper(client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lms.services.coaching import consent_scan_upload

    settings.MEDIA_ROOT = tmp_path
    profile = HelperProfileFactory()
    learners_enrol(
        organisation=profile.organisation,
        learners=[LearnerInput(external_id="P-1", first_name="Ilse")],
    )
    person = profile.organisation.learners.get().user
    consent = consent_record_paper(helper=profile.user, learner=person, **SCOPES)
    consent_scan_upload(
        consent=consent, uploaded_by=profile.user, upload=SimpleUploadedFile("f.pdf", b"%PDF-1.4")
    )
    manager = UserFactory()
    membership_grant(organisation=profile.organisation, user=manager, role="manager")
    client.force_login(manager)
    page = client.get(reverse("lms:helper_profiles")).content.decode()
    assert consent.paper_reference in page
    response = client.post(reverse("lms:helpers_paper_consent_check", args=[consent.pk]))
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.status == "given" and consent.checked_by == manager


def test_managed_organisations_are_the_active_ones_the_user_manages():
    from partners.permissions import is_organisation_manager, managed_organisations

    mine, trained, closed = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    manager = UserFactory()
    membership_grant(organisation=mine, user=manager, role="manager")
    membership_grant(organisation=trained, user=manager, role="trainer")
    membership_grant(organisation=closed, user=manager, role="manager")
    closed.is_active = False
    closed.save()
    assert list(managed_organisations(manager)) == [mine]
    manager.is_active = False
    manager.save()
    assert not managed_organisations(manager).exists()
    assert not is_organisation_manager(manager, mine.pk)
