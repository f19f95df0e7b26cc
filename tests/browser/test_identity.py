"""A person signs up with their given and family name, as on the identity
card; the account page shows them; a name with an invisible character is
refused with a message. On a phone, axe clean."""

import pytest

from lms.models import User
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_person_signs_up_with_their_legal_name(page, live_server, home_page):
    page.goto("/en/accounts/signup/")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # A pasted name with a zero-width space is refused, and nothing is created.
    page.get_by_label("Given name(s), as on your identity card").fill("Marc\u200b Antoine")
    page.get_by_label("Family name, as on your identity card").fill("Dupont")
    page.get_by_label("Email").fill("marc@example.be")
    page.get_by_label("Username").fill("marc")
    page.locator("#id_password1").fill("a-long-and-unusual-passphrase")
    page.locator("#id_password2").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_text("invisible or control character").first.wait_for()
    assert not User.objects.filter(username="marc").exists()
    assert_accessible(page)

    page.get_by_label("Given name(s), as on your identity card").fill("Marc  Antoine")
    page.locator("#id_password1").fill("a-long-and-unusual-passphrase")
    page.locator("#id_password2").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_load_state()
    user = User.objects.get(username="marc")
    assert user.legal_name == "Marc Antoine Dupont"

    page.goto("/en/me/")
    assert page.get_by_label("Given name(s), as on your identity card").input_value() == (
        "Marc Antoine"
    )
    assert page.get_by_label("Family name, as on your identity card").input_value() == "Dupont"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
