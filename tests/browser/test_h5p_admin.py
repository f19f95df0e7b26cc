"""An editor adds H5P activities in the admin on a phone: a hostile package is
refused in their language, a clean one is added; the page passes axe."""

import pytest
from playwright.sync_api import expect

from courses.models import H5PContent
from courses.tests.h5p_packages import build, entry, install_quiz_library, valid
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def editor(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    install_quiz_library()
    user = UserFactory(username="h5p-editor")
    role_grant(user=user, role=Role.EDITOR, granted_by=None)
    return user


def _log_in(page, username: str) -> None:
    page.goto("/cms/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "correct-horse-battery")
    page.click("button[type=submit]")
    page.wait_for_url("**/cms/")


def _upload(page, name: str, data: bytes) -> None:
    page.set_input_files(
        "input[type=file]",
        files=[{"name": name, "mimeType": "application/zip", "buffer": data}],
    )
    page.get_by_role("button", name="Controleren en toevoegen").click()


def test_editor_sees_a_hostile_package_refused_in_dutch(page, editor):
    page.context.set_extra_http_headers({"Accept-Language": "nl"})
    _log_in(page, editor.username)
    page.goto("/cms/h5p/")

    _upload(page, "evil.h5p", build(entry("content/images/logo.svg", b"<svg onload=alert(1)>")))

    expect(page.get_by_text("“content/images/logo.svg” is een SVG-afbeelding")).to_be_visible()
    assert not H5PContent.objects.exists()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_editor_adds_a_clean_package_from_a_phone(page, editor):
    page.context.set_extra_http_headers({"Accept-Language": "nl"})
    _log_in(page, editor.username)
    page.goto("/cms/h5p/")
    page.select_option("select[name=language]", "nl")

    _upload(page, "wachtwoorden.h5p", valid())

    page.wait_for_url("**/cms/h5p/")
    expect(page.get_by_text("“Strong passwords” is toegevoegd.")).to_be_visible()
    assert H5PContent.objects.get().language == "nl"
    assert_accessible(page)
