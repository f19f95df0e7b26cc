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


def _zoe(learners):
    return next(m.learner.user for m in learners if m.learner.external_id == "A-1")


def test_a_reprint_is_refused_for_a_learner_who_chose_a_password(client, cohort, manager, learners):
    from lms.services.accounts import user_password_chosen

    zoe = _zoe(learners)
    user_password_chosen(user=zoe)
    client.force_login(manager)
    page = client.get(_url(cohort)).content.decode()
    assert "No card for these learners" in page
    assert f"{zoe.username}: " in page and "chose their own password" in page
    # Nobody is eligible: the whole request is refused, nothing printed.
    response = client.post(_url(cohort))
    assert response.status_code == 400
    assert "No card was printed" in response.content.decode()
    assert not LoginCard.objects.exists()


def test_a_reprint_prints_for_the_eligible_and_lists_the_others(client, cohort, manager, learners):
    from lms.services.accounts import user_password_chosen
    from partners.services import LearnerInput, learners_enrol

    learners_enrol(
        organisation=cohort.project.organisation,
        learners=[LearnerInput(external_id="A-3", first_name="Ilse", last_name="Peeters")],
        cohort=cohort,
    )
    zoe = _zoe(learners)
    ilse = cohort.members.get(learner__external_id="A-3").learner.user
    user_password_chosen(user=zoe)
    client.force_login(manager)
    response = client.post(_url(cohort))
    assert response["Content-Type"] == "application/pdf"
    assert list(LoginCard.objects.values_list("user_id", flat=True)) == [ilse.pk]
    # Ilse sees the printed card on her account, with who printed it.
    from audit.selectors import audit_entries_about

    rows = list(audit_entries_about(user=ilse).filter(action="card.print"))
    assert len(rows) == 1 and rows[0].actor == manager


def test_a_staff_member_in_a_cohort_gets_no_card(client, cohort, manager, learners):
    zoe = _zoe(learners)
    membership_grant(organisation=OrganisationFactory(), user=zoe, role="trainer")
    client.force_login(manager)
    page = client.get(_url(cohort)).content.decode()
    assert "staff accounts never get a login card" in page
    assert client.post(_url(cohort)).status_code == 400
    assert not LoginCard.objects.exists()
