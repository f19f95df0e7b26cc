import pytest
from django.urls import reverse
from django.utils import translation

from lms.tests.factories import UserFactory
from partners.models import Cohort, ImportBatch, Outcome, PartnerLearner
from partners.services import import_batch_create, membership_grant
from partners.tests.factories import (
    CohortFactory,
    OrganisationFactory,
    PartnerLearnerFactory,
    ProjectFactory,
)
from partners.tests.files import csv_bytes, good_row, upload

pytestmark = pytest.mark.django_db


def _staff(organisation, role):
    user = UserFactory(preferred_language="en")
    membership_grant(organisation=organisation, user=user, role=role)
    return user


def _url(name, cohort, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs={"slug": cohort.project.organisation.slug, **kwargs})


def test_the_nav_shows_my_organisation_only_to_staff(client, cohort, manager):
    link = '<a href="/en/partners/"'
    client.force_login(UserFactory())
    assert link not in client.get("/en/learning/").content.decode()
    client.force_login(manager)
    assert link in client.get("/en/learning/").content.decode()
    assert cohort.project.organisation.name in client.get("/en/partners/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, cohort):
    for url in (
        reverse("partners:home"),
        _url("partners:organisation", cohort),
        _url("partners:cohort", cohort, cohort_id=cohort.pk),
        _url("partners:import_upload", cohort, cohort_id=cohort.pk),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_staff_of_another_organisation_get_not_found_everywhere(client, cohort, manager):
    learner = PartnerLearnerFactory(organisation=cohort.project.organisation)
    batch = import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes([good_row(1)])),
        uploaded_by=manager,
    )
    other = _staff(OrganisationFactory(), "manager")
    client.force_login(other)
    slug = cohort.project.organisation.slug
    for url in (
        _url("partners:organisation", cohort),
        _url("partners:cohort", cohort, cohort_id=cohort.pk),
        _url("partners:cohort_outcomes", cohort, cohort_id=cohort.pk),
        _url("partners:learner", cohort, learner_id=learner.pk),
        _url("partners:import", cohort, public_id=batch.public_id),
        _url("partners:import_errors", cohort, public_id=batch.public_id),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(_url("partners:import_commit", cohort, public_id=batch.public_id))
    assert response.status_code == 404
    assert not PartnerLearner.objects.filter(organisation__slug=slug, external_id="VDAB-00001")


def test_a_cohort_of_another_organisation_is_not_found_under_mine(client, cohort, manager):
    theirs = CohortFactory()
    client.force_login(manager)
    url = _url("partners:cohort", cohort, cohort_id=theirs.pk)
    assert client.get(url).status_code == 404


def test_a_reporter_reads_but_cannot_upload_commit_or_record(client, cohort, manager):
    batch = import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes([good_row(1)])),
        uploaded_by=manager,
    )
    learner = PartnerLearnerFactory(organisation=cohort.project.organisation)
    reporter = _staff(cohort.project.organisation, "reporter")
    client.force_login(reporter)
    assert client.get(_url("partners:cohort", cohort, cohort_id=cohort.pk)).status_code == 200
    preview = client.get(_url("partners:import", cohort, public_id=batch.public_id))
    assert preview.status_code == 200
    assert b"Enrol 1 learner" not in preview.content
    assert (
        client.get(_url("partners:import_upload", cohort, cohort_id=cohort.pk)).status_code == 404
    )
    commit = client.post(_url("partners:import_commit", cohort, public_id=batch.public_id))
    assert commit.status_code == 404
    assert ImportBatch.objects.get().status == ImportBatch.Status.VALIDATED
    outcome = client.post(
        _url("partners:learner_outcome", cohort, learner_id=learner.pk),
        {"point": "3m", "situation": "job_found"},
    )
    assert outcome.status_code == 404
    assert not Outcome.objects.exists()
    assert client.get(_url("partners:cohort_new", cohort)).status_code == 404


def test_a_trainer_creates_a_cohort_with_a_trainer_and_courses(client, cohort, tree):
    organisation = cohort.project.organisation
    trainer = _staff(organisation, "trainer")
    client.force_login(trainer)
    response = client.post(
        _url("partners:cohort_new", cohort),
        {
            "project": cohort.project.pk,
            "name": "Brussels evening group",
            "trainer": trainer.pk,
            "starts_on": "2026-03-01",
            "ends_on": "2026-06-30",
            "courses": [str(tree.course.translation_key)],
        },
    )
    created = Cohort.objects.get(name="Brussels evening group")
    assert response.status_code == 302
    assert created.trainer == trainer
    assert list(created.courses.values_list("course_key", flat=True)) == [
        tree.course.translation_key
    ]


def test_a_cohort_form_refuses_an_outsider_trainer_and_a_project_of_another_org(
    client, cohort, manager, tree
):
    client.force_login(manager)
    response = client.post(
        _url("partners:cohort_new", cohort),
        {
            "project": ProjectFactory().pk,
            "name": "X",
            "trainer": UserFactory().pk,
            "starts_on": "2026-03-01",
            "ends_on": "2026-01-01",
            "courses": [],
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"project", "trainer", "ends_on", "courses"}
    assert b"There is a problem" in response.content


def test_a_refused_upload_says_why_on_the_form(client, cohort, manager):
    client.force_login(manager)
    response = client.post(
        _url("partners:import_upload", cohort, cohort_id=cohort.pk),
        {"file": upload(b"\x00\x01\x02", "x.csv")},
    )
    assert response.status_code == 400
    assert b"This is not a CSV or XLSX file." in response.content
    assert not ImportBatch.objects.exists()


def test_the_preview_speaks_the_staff_members_language(client, cohort, manager):
    batch = import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes([good_row(1, postcode="75001")])),
        uploaded_by=manager,
    )
    client.force_login(manager)
    url = _url("partners:import", cohort, public_id=batch.public_id)
    english = client.get(url).content.decode()
    assert "“75001” is not a Belgian postcode." in english
    french = client.get(url.replace("/en/", "/fr/", 1)).content.decode()
    assert "« 75001 » n’est pas un code postal belge." in french


def test_the_error_file_is_the_uploaded_format_with_a_problems_column(client, cohort, manager):
    data = csv_bytes([good_row(1), good_row(2, first="=cmd|'/C calc'!A0", email="bad")])
    batch = import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(data),
        uploaded_by=manager,
    )
    client.force_login(manager)
    response = client.get(_url("partners:import_errors", cohort, public_id=batch.public_id))
    assert response["Content-Type"] == "text/csv; charset=windows-1252"
    lines = response.content.decode("cp1252").splitlines()
    assert lines[0].split(";")[-1] == "Problems"
    assert len(lines) == 2
    assert lines[1].split(";")[1] == "'=cmd|'/C calc'!A0"
    assert "is not a valid e-mail address" in lines[1]


def test_the_template_is_offered_in_the_readers_language(client, manager):
    client.force_login(manager)
    response = client.get("/fr/partners/template.csv")
    assert response.content.decode("utf-8-sig").startswith("Numéro apprenant;Prénom;Nom")
    assert client.get("/en/partners/template.xlsx").status_code == 200
    client.force_login(UserFactory())
    assert client.get("/en/partners/template.csv").status_code == 404


def test_the_cohort_page_query_count_does_not_grow_with_learners(
    client, cohort, manager, django_assert_max_num_queries
):
    from partners.services import LearnerInput, learners_enrol

    organisation = cohort.project.organisation
    client.force_login(manager)
    url = _url("partners:cohort", cohort, cohort_id=cohort.pk)
    learners_enrol(
        organisation=organisation,
        learners=[LearnerInput(external_id="A0", first_name="A")],
        cohort=cohort,
    )
    client.get(url)  # settings and the catalogue are cached after the first page
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    learners_enrol(
        organisation=organisation,
        learners=[LearnerInput(external_id=f"B{n}", first_name="B") for n in range(30)],
        cohort=cohort,
    )
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(url)
    assert response.context["progress"].total == 31
    assert len(many.captured_queries) == len(few.captured_queries)
