import pytest
from django.urls import reverse

from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_person_is_sent_to_sign_in(client):
    response = client.get("/nl/me/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_person_changes_their_name_and_language(client, home_page):
    user = UserFactory(preferred_language="nl")
    client.force_login(user)
    response = client.post(
        "/nl/me/", {"display_name": "Lotte P.", "preferred_language": "fr"}, follow=True
    )
    user.refresh_from_db()
    assert user.display_name == "Lotte P."
    assert user.preferred_language == "fr"
    assert client.cookies["django_language"].value == "fr"
    assert "Votre compte a été enregistré" in response.content.decode()


def test_an_invalid_language_is_refused_with_an_error_and_nothing_saved(client, home_page):
    user = UserFactory(display_name="Lotte", preferred_language="nl")
    client.force_login(user)
    response = client.post("/en/me/", {"display_name": "New", "preferred_language": "xx"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert "There is a problem" in response.content.decode()
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language) == ("Lotte", "nl")


def test_the_profile_page_uses_a_bounded_number_of_queries(
    client, home_page, django_assert_max_num_queries
):
    client.force_login(UserFactory())
    with django_assert_max_num_queries(12):
        assert client.get(reverse("lms:profile")).status_code == 200


def test_the_language_cookie_set_on_saving_is_secure_when_production_says_so(
    client, home_page, settings
):
    settings.LANGUAGE_COOKIE_SECURE = True
    client.force_login(UserFactory(preferred_language="nl"))
    client.post("/nl/me/", {"display_name": "Lotte P.", "preferred_language": "de"})
    cookie = client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "de"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
