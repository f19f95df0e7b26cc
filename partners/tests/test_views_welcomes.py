"""Partner staff release an import's welcome e-mails from its page: a count,
a confirmation, then the e-mails go; nobody else can."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms.tests.factories import UserFactory
from partners.models import ImportRelease, ImportWelcome
from partners.services import membership_grant
from partners.tests.factories import CohortFactory
from partners.tests.welcomes import committed_import

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def batch(cohort, manager):
    return committed_import(cohort, manager, emails=3, cards=1)


def _url(name, batch):
    return reverse(name, args=[batch.organisation.slug, batch.public_id])


def _staff(organisation, role):
    user = UserFactory(preferred_language="en")
    membership_grant(organisation=organisation, user=user, role=role)
    return user


def test_the_import_page_says_what_waits_and_leads_to_a_confirmation(
    client, batch, manager, django_assert_max_num_queries
):
    client.force_login(manager)
    with django_assert_max_num_queries(20):
        page = client.get(_url("partners:import", batch)).content.decode()
    assert "3 welcome e-mails are waiting until you send them." in page
    assert "1 login card can be printed once you do." in page
    assert _url("partners:import_release", batch) in page
    confirm = client.get(_url("partners:import_release", batch))
    assert confirm.status_code == 200
    text = confirm.content.decode()
    assert "Send 3 welcome e-mails" in text
    assert "at most 200 a minute" in text
    assert not ImportRelease.objects.exists()  # a GET releases nothing


def test_staff_release_the_emails_once_even_with_a_double_click(
    client, batch, manager, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    url = _url("partners:import_release", batch)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url)
        second = client.post(url)
    assert first["Location"] == second["Location"] == _url("partners:import", batch)
    assert ImportRelease.objects.count() == 1
    assert sorted(a for m in mailoutbox for a in m.to) == [
        "zoe1@example.be",
        "zoe2@example.be",
        "zoe3@example.be",
    ]
    page = client.get(_url("partners:import", batch)).content.decode()
    assert "already been released" in page
    assert "3 welcome e-mails have been sent." in page


def test_anonymous_is_sent_to_sign_in_and_nothing_is_released(client, batch):
    response = client.post(_url("partners:import_release", batch))
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not ImportRelease.objects.exists()


def test_staff_of_another_organisation_get_404(client, batch, mailoutbox):
    other = CohortFactory()
    client.force_login(_staff(other.project.organisation, "manager"))
    assert client.get(_url("partners:import_release", batch)).status_code == 404
    assert client.post(_url("partners:import_release", batch)).status_code == 404
    assert not ImportRelease.objects.exists()
    assert mailoutbox == []


def test_a_learner_of_the_import_gets_404(client, batch):
    learner = ImportWelcome.objects.filter(batch=batch).first().user
    client.force_login(learner)
    assert client.post(_url("partners:import_release", batch)).status_code == 404
    assert not ImportRelease.objects.exists()


def test_a_reporter_reads_the_count_but_cannot_release(client, batch):
    client.force_login(_staff(batch.organisation, "reporter"))
    page = client.get(_url("partners:import", batch)).content.decode()
    assert "3 welcome e-mails are waiting" in page
    assert _url("partners:import_release", batch) not in page
    assert client.post(_url("partners:import_release", batch)).status_code == 404
    assert not ImportRelease.objects.exists()


def test_an_import_not_yet_enrolled_cannot_be_released(client, batch, manager):
    type(batch).objects.filter(pk=batch.pk).update(status="validated")
    client.force_login(manager)
    assert client.post(_url("partners:import_release", batch)).status_code == 404
    assert not ImportRelease.objects.exists()


def test_the_cards_page_says_whose_cards_wait_for_the_release(client, cohort, manager):
    batch = committed_import(cohort, manager, emails=1, cards=2)
    client.force_login(manager)
    cards = reverse("partners:cohort_cards", args=[cohort.project.organisation.slug, cohort.pk])
    page = client.get(cards).content.decode()
    assert "Their cards can be printed once you send them." in page
    assert f"{batch.original_name}: 2 login cards wait" in page
    assert _url("partners:import_release", batch) in page
    client.post(_url("partners:import_release", batch))
    assert ImportRelease.objects.filter(batch=batch).exists()
    page = client.get(cards).content.decode()
    assert 'id="cards-held"' not in page
    assert "2 learners of this cohort have no e-mail address." in page
