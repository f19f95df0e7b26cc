"""An editor adds H5P activities in the admin on a phone: a hostile package is
refused in their language, a clean one is added; the page passes axe."""

from pathlib import Path

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
    # /cms/login/ is allauth's sign-in page (throttled, with MFA).
    page.goto("/cms/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", "correct-horse-battery")
    page.press("input[name=password]", "Enter")
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


EXPORTS = Path(__file__).resolve().parents[2] / "courses" / "tests" / "h5p_exports"


def test_an_export_waits_for_approval_then_plays_and_can_be_deleted(
    page, editor, browser, live_server
):
    """The editor uploads an h5p.org export as it is; an administrator reads
    the proposed libraries and approves them once; the editor deletes it."""
    UserFactory(username="h5p-admin", is_superuser=True, is_staff=True)
    page.context.set_extra_http_headers({"Accept-Language": "en"})
    _log_in(page, editor.username)
    page.goto("/cms/h5p/")
    page.set_input_files("input[type=file]", str(EXPORTS / "H5P.Accordion.h5p"))
    page.get_by_role("button", name="Check and add").click()

    page.wait_for_url("**/cms/h5p/")
    expect(page.get_by_text("It plays once an administrator has approved")).to_be_visible()
    expect(page.get_by_role("cell", name="Waiting for approval of 3 libraries")).to_be_visible()
    assert_accessible(page)

    admin = browser.new_context(viewport={"width": 1024, "height": 800}, base_url=live_server.url)
    admin_page = admin.new_page()
    admin_page.set_extra_http_headers({"Accept-Language": "en"})
    _log_in(admin_page, "h5p-admin")
    admin_page.goto("/cms/h5p/libraries/")
    expect(admin_page.get_by_role("heading", name="Libraries waiting for approval")).to_be_visible()
    admin_page.get_by_role("link", name="Accordion H5P.Accordion").click()
    expect(admin_page.get_by_role("cell", name="library.json")).to_be_visible()
    assert_accessible(admin_page)
    admin_page.goto("/cms/h5p/")
    admin_page.get_by_role("link", name="Waiting for approval of 3 libraries").click()
    admin_page.get_by_role("button", name="Approve these 3 libraries").click()
    expect(admin_page.get_by_text("Every library of this activity is approved")).to_be_visible()
    assert_accessible(admin_page)
    admin.close()

    page.reload()
    expect(page.get_by_role("cell", name="Plays", exact=True)).to_be_visible()
    page.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_text("was deleted.")).to_be_visible()
    assert not H5PContent.objects.exists()
