"""The partner's menu: every page of the organisation is reached by following
links from the organisation page, as a person would."""

import re

import pytest
from django.urls import reverse

from lms.tests.factories import UserFactory
from partners.services import membership_grant

pytestmark = pytest.mark.django_db


def _menu_links(html: str) -> dict[str, str]:
    menu = re.search(r'<nav class="partner-menu".*?</nav>', html, re.S).group(0)
    return {
        re.sub(r"\s+", " ", text).strip(): href
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', menu, re.S)
    }


def _staff(cohort, role):
    user = UserFactory(preferred_language="en")
    membership_grant(organisation=cohort.project.organisation, user=user, role=role)
    return user


def test_a_manager_reaches_every_partner_page_from_the_menu(client, cohort, manager):
    client.force_login(manager)
    home = client.get(reverse("partners:organisation", args=[cohort.project.organisation.slug]))
    links = _menu_links(home.content.decode())
    assert set(links) == {
        cohort.project.organisation.name,
        "Cohorts",
        "Files uploaded",
        "Reports to the fund",
        "API and webhooks",
    }
    for text, href in links.items():
        response = client.get(href)
        assert response.status_code == 200, (text, href)
    reports = client.get(links["Reports to the fund"]).content.decode()
    assert cohort.project.name in reports
    cohort_page = client.get(links["Cohorts"])
    cohort_href = reverse("partners:cohort", args=[cohort.project.organisation.slug, cohort.pk])
    assert cohort_href in cohort_page.content.decode()


def test_the_menu_is_on_the_cohort_outcomes_learner_and_cards_pages(client, cohort, manager):
    from partners.tests.crowd import cohort_crowd

    [learner] = cohort_crowd(cohort, 1, email=False)
    client.force_login(manager)
    slug = cohort.project.organisation.slug
    for url in (
        reverse("partners:cohort", args=[slug, cohort.pk]),
        reverse("partners:cohort_outcomes", args=[slug, cohort.pk]),
        reverse("partners:cohort_cards", args=[slug, cohort.pk]),
        reverse("partners:learner", args=[slug, learner.pk]),
        reverse("partners:organisation_imports", args=[slug]),
    ):
        links = _menu_links(client.get(url).content.decode())
        assert "Reports to the fund" in links, url


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("reporter", {"Reports to the fund"}),
        ("trainer", set()),
    ],
)
def test_the_menu_shows_only_what_the_role_may_open(client, cohort, role, shown):
    client.force_login(_staff(cohort, role))
    html = client.get(reverse("partners:organisation", args=[cohort.project.organisation.slug]))
    links = _menu_links(html.content.decode())
    assert {"Reports to the fund", "API and webhooks"} & set(links) == shown
    for href in links.values():
        assert client.get(href).status_code == 200, href


def test_the_imports_list_shows_the_organisation_s_files_only(client, cohort, manager):
    from partners.services import import_batch_create
    from partners.tests.factories import CohortFactory
    from partners.tests.files import csv_bytes, good_row, upload

    import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes([good_row(1)]), "mine.csv"),
        uploaded_by=manager,
    )
    theirs = CohortFactory()
    import_batch_create(
        organisation=theirs.project.organisation,
        cohort=theirs,
        upload=upload(csv_bytes([good_row(1)]), "theirs.csv"),
        uploaded_by=None,
    )
    client.force_login(manager)
    body = client.get(
        reverse("partners:organisation_imports", args=[cohort.project.organisation.slug])
    ).content.decode()
    assert "mine.csv" in body and "theirs.csv" not in body


def test_the_imports_list_is_refused_to_others(client, cohort):
    url = reverse("partners:organisation_imports", args=[cohort.project.organisation.slug])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    other = UserFactory()
    from partners.tests.factories import OrganisationFactory

    membership_grant(organisation=OrganisationFactory(), user=other, role="manager")
    client.force_login(other)
    assert client.get(url).status_code == 404
