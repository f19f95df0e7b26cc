"""Partner pages that scale: the cohorts of an organisation, the learners of a
cohort, "Record outcomes" and the login cards are paged and searchable, and a
large cohort's page costs the same queries as a small one's."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from lms.models import LoginCard
from partners.models import Outcome, PartnerLearner
from partners.tests.crowd import cohort_crowd
from partners.tests.factories import CohortFactory, ProjectFactory
from partners.views import staff

pytestmark = pytest.mark.django_db

# The budgets the pages must hold whatever the cohort's size.
BUDGET = {"cohort": 40, "cohort_outcomes": 25, "organisation": 20, "cohort_cards": 220}


def _url(name, cohort, **kwargs):
    slug = cohort.project.organisation.slug
    if name == "organisation":
        return reverse("partners:organisation", args=[slug])
    return reverse(f"partners:{name}", args=[slug, cohort.pk])


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["cohort", "cohort_outcomes", "organisation", "cohort_cards"])
def test_a_large_cohort_costs_the_same_queries_as_a_small_one(
    client, cohort, manager, tree, page, django_assert_max_num_queries
):
    small = CohortFactory(project=ProjectFactory(organisation=cohort.project.organisation))
    small.courses.create(course_key=tree.course.translation_key)
    cohort_crowd(small, 5, course=tree.course, email=False)
    cohort_crowd(cohort, 450, course=tree.course, email=False)
    client.force_login(manager)
    _queries(client, _url(page, small))  # warm the caches (site, locales)
    few = _queries(client, _url(page, small))
    with django_assert_max_num_queries(BUDGET[page]):
        response = client.get(_url(page, cohort) + "?page=3")
    assert response.status_code == 200
    many = _queries(client, _url(page, cohort) + "?page=3")
    if page == "cohort_cards":
        # Each card checks its person (lms.services.cards.card_refusal): the
        # cost is that of one page of cards, never of the whole cohort.
        assert many <= BUDGET[page]
    else:
        assert many == few, (few, many)


def test_the_cohort_page_shows_one_page_of_learners(client, cohort, manager, tree):
    cohort_crowd(cohort, staff.PAGE_SIZE + 1, course=tree.course)
    client.force_login(manager)
    first = client.get(_url("cohort", cohort)).content.decode()
    assert "Page 1 of 2" in first
    assert first.count('href="/en/partners/' + cohort.project.organisation.slug + "/learners/") == (
        staff.PAGE_SIZE
    )
    second = client.get(_url("cohort", cohort) + "?page=2").content.decode()
    assert second.count("/learners/") == 1


def test_exactly_one_page_of_learners_has_no_pager(client, cohort, manager, tree, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 3)
    cohort_crowd(cohort, 3, course=tree.course)
    client.force_login(manager)
    assert "Page 1 of" not in client.get(_url("cohort", cohort)).content.decode()
    cohort_crowd(cohort, 1, course=tree.course)
    assert "Page 1 of 2" in client.get(_url("cohort", cohort)).content.decode()


def test_a_page_past_the_last_shows_the_last(client, cohort, manager, tree, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 3)
    cohort_crowd(cohort, 4, course=tree.course)
    client.force_login(manager)
    for name in ("cohort", "cohort_outcomes"):
        page = client.get(_url(name, cohort) + "?page=99")
        assert page.status_code == 200
        assert "Page 2 of 2" in page.content.decode()
    assert client.get(_url("cohort", cohort) + "?page=-1").status_code == 200


@pytest.mark.parametrize("page", ["cohort", "cohort_outcomes"])
def test_learners_are_found_by_name_learner_id_or_email(client, cohort, manager, tree, page):
    [zoe, *_rest] = cohort_crowd(cohort, 12, course=tree.course, prefix="VDAB")
    zoe.first_name, zoe.last_name = "Zoë", "Vandenbroucke"
    zoe.save()
    client.force_login(manager)
    url = _url(page, cohort)
    for query in ("vandenbroucke", "Zoë Vanden", zoe.external_id, zoe.user.email.upper()):
        body = client.get(url, {"q": query}).content.decode()
        assert "Vandenbroucke" in body, query
        assert body.count("/learners/") == 1, query
    nobody = client.get(url, {"q": "nobody-like-this"}).content.decode()
    assert "No learner matches your search." in nobody


def test_the_search_is_kept_from_page_to_page(client, cohort, manager, tree, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 2)
    cohort_crowd(cohort, 5, course=tree.course)
    client.force_login(manager)
    body = client.get(_url("cohort", cohort), {"q": "C-"}).content.decode()
    assert "q=C-&amp;page=2" in body


def test_cohorts_of_an_organisation_are_paged_and_searchable(client, cohort, manager, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 2)
    for name in ("Gent avond", "Liège matin", "Eupen Abend"):
        CohortFactory(project=cohort.project, name=name)
    client.force_login(manager)
    url = _url("organisation", cohort)
    assert "Page 1 of 2" in client.get(url).content.decode()
    found = client.get(url, {"q": "liège"}).content.decode()
    assert "Liège matin" in found and "Gent avond" not in found
    assert "No cohort matches your search." in client.get(url, {"q": "zzz"}).content.decode()


def test_outcomes_saved_on_a_later_page_come_back_to_it(client, cohort, manager, tree, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 2)
    cohort_crowd(cohort, 5, course=tree.course)
    client.force_login(manager)
    url = _url("cohort_outcomes", cohort)
    page = client.get(url + "?page=3")
    [(last, _outcomes)] = page.context["rows"]
    response = client.post(url + "?page=3", {f"o-{last.pk}-3m": "job_found"})
    assert response.status_code == 302
    assert response["Location"].endswith("page=3")
    assert Outcome.objects.get().learner == last


def test_an_outcome_for_a_learner_outside_the_cohort_saves_nothing(client, cohort, manager, tree):
    [mine] = cohort_crowd(cohort, 1, course=tree.course)
    other = CohortFactory()
    [stranger] = cohort_crowd(other, 1)
    client.force_login(manager)
    response = client.post(
        _url("cohort_outcomes", cohort),
        {f"o-{mine.pk}-3m": "job_found", f"o-{stranger.pk}-3m": "job_found"},
    )
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert not Outcome.objects.exists()


def test_cards_are_printed_part_after_part(client, cohort, manager, monkeypatch):
    monkeypatch.setattr(staff, "CARDS_PAGE_SIZE", 2)
    learners = cohort_crowd(cohort, 3, email=False)
    client.force_login(manager)
    page = client.get(_url("cohort_cards", cohort)).content.decode()
    assert "3 learners of this cohort have no e-mail address" in page
    assert "part 1 of 2" in page
    first = client.post(_url("cohort_cards", cohort), {"page": "1"})
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"].endswith('-1.pdf"')
    second = client.post(_url("cohort_cards", cohort), {"page": "2"})
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(second.content)).pages)
    by_name = sorted(learners, key=lambda x: (x.last_name, x.first_name, x.pk))
    assert by_name[2].user.username in text
    assert LoginCard.objects.count() == 3
    assert set(LoginCard.objects.values_list("user_id", flat=True)) == {x.user_id for x in learners}


def test_cards_are_found_by_name(client, cohort, manager):
    learners = cohort_crowd(cohort, 8, email=False)
    target = learners[3]
    PartnerLearner.objects.filter(pk=target.pk).update(last_name="Xhonneux")
    client.force_login(manager)
    body = client.get(_url("cohort_cards", cohort), {"q": "xhonneux"}).content.decode()
    assert target.user.username in body
    assert learners[4].user.username not in body
