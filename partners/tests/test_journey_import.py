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

    # "xx" is not a language: the mapping step asks, proposing nothing.
    mapping_url = reverse("partners:import_mapping", args=[slug, batch.public_id])
    assert client.get(preview_url)["Location"] == mapping_url
    mapping = client.get(mapping_url).content.decode()
    choices = _form_defaults(mapping)
    assert choices["word_0"] == "!refuse"
    assert client.post(mapping_url, choices)["Location"] == preview_url
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


def _form_defaults(html: str) -> dict:
    """What a person sends when they accept every proposal on a page: each
    select's selected option (or its first)."""
    from html.parser import HTMLParser

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__()
            self.values: dict = {}
            self.select = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "select":
                self.select = attrs["name"]
            elif (
                tag == "option"
                and self.select
                and ("selected" in attrs or self.select not in self.values)
            ):
                self.values[self.select] = attrs.get("value", "")

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None

    parser = Parser()
    parser.feed(html)
    return parser.values


def test_a_partner_file_goes_through_the_mapping_step_once(client, cohort, manager, tree):
    from partners.tests.files import PARTNER_HEADERS, partner_rows

    slug = cohort.project.organisation.slug
    client.force_login(manager)
    upload_url = reverse("partners:import_upload", args=[slug, cohort.pk])
    upload_page = client.get(upload_url).content.decode()
    assert "Seniors" in upload_page and "women_in_digital" in upload_page
    assert upload_page.count("Accepted values") == 1

    data = csv_bytes(partner_rows(1000), headers=PARTNER_HEADERS)
    response = client.post(upload_url, {"file": upload(data, "export vdab.csv")}, follow=True)
    batch = ImportBatch.objects.get()
    mapping_url = reverse("partners:import_mapping", args=[slug, batch.public_id])
    assert response.redirect_chain[-1][0] == mapping_url
    page = response.content.decode()
    assert "woman-in-digital" in page and "<td>400</td>" in page
    assert "Recognised by its name" in page

    # A field chosen for two columns: refused with the reason, nothing lost.
    choices = _form_defaults(page)
    assert choices["column_0"] == "external_id" and choices["column_10"] == ""
    twice = client.post(mapping_url, {**choices, "column_10": "first_name"})
    assert twice.status_code == 400
    assert "is chosen for two columns" in twice.content.decode()

    preview = client.post(mapping_url, choices, follow=True).content.decode()
    assert "Enrol 994 learners" in preview
    assert "The learner id “P-000001” is also on line 2." in preview
    assert "national register" in preview
    client.post(reverse("partners:import_commit", args=[slug, batch.public_id]))
    assert PartnerLearner.objects.count() == 994

    again = csv_bytes(partner_rows(50, start=3001, bad=False), headers=PARTNER_HEADERS)
    response = client.post(upload_url, {"file": upload(again, "export vdab 2.csv")}, follow=True)
    assert "Enrol 50 learners" in response.content.decode()
    assert ImportBatch.objects.filter(status=ImportBatch.Status.MAPPING).count() == 0


def test_a_reader_sees_the_mapping_but_cannot_confirm_it(client, cohort, manager):
    from lms.tests.factories import UserFactory
    from partners.services import import_batch_create, membership_grant

    batch = import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes([good_row(1, groups="senior")])),
        uploaded_by=manager,
    )
    reporter = UserFactory(preferred_language="en")
    membership_grant(organisation=cohort.project.organisation, user=reporter, role="reporter")
    stranger = UserFactory()
    slug = cohort.project.organisation.slug
    url = reverse("partners:import_mapping", args=[slug, batch.public_id])
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(reporter)
    page = client.get(url)
    assert page.status_code == 200 and b"<select" not in page.content
    assert client.post(url, {"word_0": "seniors"}).status_code == 404
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.MAPPING


def test_the_template_lists_the_accepted_words_in_the_readers_language(client, cohort, manager):
    from partners.spreadsheets import read_table

    client.force_login(manager)
    with translation.override("nl"):
        url = reverse("partners:import_template", args=["csv"])
    data = client.get(url).content
    text = data.decode("utf-8-sig")
    assert text.startswith("Cursistnummer;Voornaam")
    assert "# Doelgroepen: Jongeren = young_people;" in text.replace('"', "")
    xlsx = client.get(reverse("partners:import_template", args=["xlsx"])).content
    lines = [cells[0] for _line, cells in read_table(xlsx).rows]
    assert any(line.startswith("# Doelgroepen: Jongeren = young_people") for line in lines)


def test_the_mapping_page_answers_within_its_query_budget(
    client, cohort, manager, django_assert_max_num_queries
):
    from partners.services import import_batch_create

    batch = import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes([good_row(n, groups=f"word{n}") for n in range(1, 60)])),
        uploaded_by=manager,
    )
    client.force_login(manager)
    slug = cohort.project.organisation.slug
    url = reverse("partners:import_mapping", args=[slug, batch.public_id])
    # The same budget with 59 words as with one: the words come with the batch.
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200
