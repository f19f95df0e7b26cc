"""A partner's journey with the test client: upload a file, read the preview,
enrol, follow the cohort's progress, record an outcome."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms.models import Enrolment
from partners.models import ImportBatch, Outcome, PartnerLearner
from partners.tests.files import csv_bytes, good_row, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_upload_preview_commit_progress_and_outcome(client, cohort, manager, tree):
    slug = cohort.project.organisation.slug
    client.force_login(manager)

    organisation_page = client.get(reverse("partners:organisation", args=[slug]))
    assert cohort.name in organisation_page.content.decode()

    data = csv_bytes([good_row(1, first="Zoë"), good_row(2, first="Lotte"), good_row(3, lang="xx")])
    response = client.post(
        reverse("partners:import_upload", args=[slug, cohort.pk]),
        {"file": upload(data, "cursisten maart.csv")},
    )
    batch = ImportBatch.objects.get()
    preview_url = reverse("partners:import", args=[slug, batch.public_id])
    assert response["Location"] == preview_url

    preview = client.get(preview_url).content.decode()
    assert "Unknown language “xx”" in preview
    assert "Enrol 2 learners" in preview
    assert not PartnerLearner.objects.exists()

    commit_url = reverse("partners:import_commit", args=[slug, batch.public_id])
    assert client.post(commit_url).status_code == 302
    again = client.post(commit_url, follow=True)  # the double click
    assert "already been enrolled" in again.content.decode()
    assert PartnerLearner.objects.count() == 2
    assert Enrolment.objects.filter(course_key=tree.course.translation_key).count() == 2

    cohort_page = client.get(reverse("partners:cohort", args=[slug, cohort.pk])).content.decode()
    assert "Zoë" in cohort_page and "Lotte" in cohort_page
    assert "Not started" in cohort_page

    zoe = PartnerLearner.objects.get(first_name="Zoë")
    client.post(
        reverse("partners:learner_outcome", args=[slug, zoe.pk]),
        {"point": "3m", "situation": "job_found"},
    )
    lotte = PartnerLearner.objects.get(first_name="Lotte")
    client.post(
        reverse("partners:cohort_outcomes", args=[slug, cohort.pk]),
        {f"o-{lotte.pk}-6m": "further_training", f"o-{zoe.pk}-3m": "job_found"},
    )
    assert set(Outcome.objects.values_list("learner__first_name", "point", "situation")) == {
        ("Zoë", "3m", "job_found"),
        ("Lotte", "6m", "further_training"),
    }
    learner_page = client.get(reverse("partners:learner", args=[slug, zoe.pk])).content.decode()
    assert "Found a job" in learner_page


def test_the_quick_outcome_form_refuses_a_learner_of_another_cohort(client, cohort, manager):
    from partners.tests.factories import PartnerLearnerFactory

    stranger = PartnerLearnerFactory(organisation=cohort.project.organisation)
    client.force_login(manager)
    slug = cohort.project.organisation.slug
    response = client.post(
        reverse("partners:cohort_outcomes", args=[slug, cohort.pk]),
        {f"o-{stranger.pk}-3m": "job_found"},
    )
    assert response.status_code == 200
    assert not Outcome.objects.exists()
