"""A digital helper may write the legal name of an assisted account; it is
checked like every legal name, and a half or malformed name creates nothing."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms.models import User
from lms.tests.factories_coaching import HelperProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def helper_client(client):
    profile = HelperProfileFactory()
    client.force_login(profile.user)
    return client


def _form(**changes) -> dict:
    data = {
        "display_name": "Mariette",
        "given_name": "Mariette",
        "family_name": "Dubois",
        "preferred_language": "fr",
        "paper_reference": "BIB-2026-0042",
        "see_progress": "on",
        "duration": "6m",
    }
    data.update(changes)
    return data


def test_the_helper_writes_the_legal_name_of_an_assisted_account(helper_client):
    with translation.override("en"):
        response = helper_client.post(reverse("lms:helpers_account_new"), _form())
    assert response.status_code == 302
    person = User.objects.get(display_name="Mariette")
    assert person.legal_name == "Mariette Dubois"
    assert person.legal_name_source == User.LegalNameSource.HELPER


def test_without_a_legal_name_the_account_is_made_and_the_person_asked_later(helper_client):
    with translation.override("en"):
        helper_client.post(reverse("lms:helpers_account_new"), _form(given_name="", family_name=""))
    person = User.objects.get(display_name="Mariette")
    assert not person.has_legal_name
    assert person.legal_name_source == ""


@pytest.mark.parametrize(
    "changes", [{"family_name": ""}, {"given_name": "Mari\u200bette"}, {"family_name": "Dubois 2"}]
)
def test_a_half_or_malformed_legal_name_creates_nothing(helper_client, changes):
    with translation.override("en"):
        response = helper_client.post(reverse("lms:helpers_account_new"), _form(**changes))
    assert response.status_code in (200, 400)
    assert not User.objects.filter(display_name="Mariette").exists()
