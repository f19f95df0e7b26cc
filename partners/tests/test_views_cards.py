"""Printed login cards for a cohort's learners without e-mail."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from lms.models import LoginCard
from lms.tests.factories import UserFactory
from partners.services import LearnerInput, learners_enrol, membership_grant
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def learners(cohort):
    organisation = cohort.project.organisation
    rows = [
        LearnerInput(external_id="A-1", first_name="Zoë", last_name="Dupont"),
        LearnerInput(external_id="A-2", first_name="Jan", email="jan@example.be"),
    ]
    learners_enrol(organisation=organisation, learners=rows, cohort=cohort)
    return cohort.members.select_related("learner__user")


def _url(cohort):
    return reverse("partners:cohort_cards", args=[cohort.project.organisation.slug, cohort.pk])


def test_a_manager_prints_cards_only_for_learners_without_email(client, cohort, manager, learners):
    client.force_login(manager)
    page = client.get(_url(cohort))
    assert page.status_code == 200
    assert "Zoë Dupont" in page.content.decode()
    assert "jan@example.be" not in page.content.decode()

    response = client.post(_url(cohort))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    zoe = next(m.learner.user for m in learners if m.learner.external_id == "A-1")
    assert zoe.username in text
    assert LoginCard.objects.filter(user=zoe, issued_by=manager).count() == 1
    assert not LoginCard.objects.exclude(user=zoe).exists()


def test_printing_again_replaces_the_earlier_card(client, cohort, manager, learners):
    client.force_login(manager)
    client.post(_url(cohort))
    client.post(_url(cohort))
    assert LoginCard.objects.filter(replaced_at__isnull=True).count() == 1
    assert LoginCard.objects.count() == 2


def test_a_reporter_cannot_print_cards(client, cohort, learners):
    reporter = UserFactory()
    membership_grant(organisation=cohort.project.organisation, user=reporter, role="reporter")
    client.force_login(reporter)
    assert client.post(_url(cohort)).status_code == 404
    assert not LoginCard.objects.exists()


def test_staff_of_another_organisation_cannot_print_cards(client, cohort, learners):
    outsider = UserFactory()
    membership_grant(organisation=OrganisationFactory(), user=outsider, role="manager")
    client.force_login(outsider)
    assert client.get(_url(cohort)).status_code == 404
    assert client.post(_url(cohort)).status_code == 404
    assert not LoginCard.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, cohort, learners):
    response = client.post(_url(cohort))
    assert response.status_code == 302
    assert not LoginCard.objects.exists()
