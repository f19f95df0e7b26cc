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


def test_what_others_did_reads_as_sentences_in_a_list_not_codes_in_a_table(client, home_page):
    from audit.models import AuditEntry

    person = UserFactory(preferred_language="nl")
    helper = UserFactory(display_name="Ilse Helper")
    AuditEntry.objects.create(
        action="certificates.issue", subject_user=person, target_type="certificates.certificate"
    )
    AuditEntry.objects.create(
        action="card.print", actor=helper, subject_user=person, target_type="lms.logincard"
    )
    client.force_login(person)
    page = client.get("/nl/me/").content.decode()
    assert "Er werd je een certificaat uitgereikt." in page
    assert f"{helper} drukte een aanmeldkaart af voor je account." in page
    assert f"door {helper}" in page
    assert "certificates.issue" not in page and "card.print" not in page
    assert 'id="others-journal"' in page and "<table" not in page


def test_my_own_actions_are_not_listed_as_what_others_did(client, home_page):
    from audit.models import AuditEntry

    person = UserFactory()
    AuditEntry.objects.create(
        action="personal_data.export", actor=person, subject_user=person, target_type="lms.user"
    )
    client.force_login(person)
    page = client.get("/en/me/").content.decode()
    assert "You downloaded your data." not in page
    assert "Nobody else did anything on your account." in page


def test_the_account_page_links_what_people_look_for(client, home_page):
    client.force_login(UserFactory())
    page = client.get("/en/me/").content.decode()
    for name in (
        "account_change_password",
        "account_email",
        "lms:my_data",
        "lms:account_delete",
        "certificates:mine",
        "lms:my_helpers",
    ):
        assert f'href="{reverse(name)}"' in page, name
