"""Seats, invoices and orders in the partner's menu, for the organisations
that buy seats and the roles that may open them; every link opens."""

import re

import pytest
from django.urls import reverse

from lms.tests.factories import UserFactory
from partners.models import Organisation
from partners.services import membership_grant
from partners.tests.factories import OrganisationFactory
from payments.tests.factories import EmployerFactory, OrderFactory

pytestmark = pytest.mark.django_db


def _menu(client, organisation) -> dict[str, str]:
    html = client.get(reverse("partners:organisation", args=[organisation.slug])).content.decode()
    menu = re.search(r'<nav class="partner-menu".*?</nav>', html, re.S).group(0)
    return {
        re.sub(r"\s+", " ", text).strip(): href
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', menu, re.S)
    }


def _staff(client, organisation, role):
    user = UserFactory(preferred_language="en")
    membership_grant(organisation=organisation, user=user, role=role)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("manager", {"Seats and codes", "Invoices", "Orders"}),
        ("reporter", {"Seats and codes", "Invoices"}),
        ("trainer", set()),
    ],
)
def test_an_employer_s_staff_see_what_their_role_opens(client, role, shown):
    employer = EmployerFactory()
    _staff(client, employer, role)
    links = _menu(client, employer)
    assert {"Seats and codes", "Invoices", "Orders"} & set(links) == shown
    for text in shown:
        assert client.get(links[text]).status_code == 200, text


def test_a_project_holder_that_bought_nothing_has_no_payment_links(client):
    holder = OrganisationFactory(kind=Organisation.Kind.DBSF_PROJECT)
    _staff(client, holder, "manager")
    assert "Seats and codes" not in _menu(client, holder)


def test_a_project_holder_that_bought_seats_has_them(client):
    holder = OrganisationFactory(kind=Organisation.Kind.DBSF_PROJECT)
    OrderFactory(organisation=holder, paid=True)
    _staff(client, holder, "manager")
    assert {"Seats and codes", "Invoices", "Orders"} <= set(_menu(client, holder))
