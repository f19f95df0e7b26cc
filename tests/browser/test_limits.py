"""Limits as people meet them: the 429 page (translated, how long to wait, a
way back) and a teacher lifting a child's paused picture sign-in, both
keyboard-usable and axe-clean on a phone-sized screen."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from audit.models import AuditEntry
from lms.models import SectionChild
from lms.services import child_picture_password_set, section_children_add, section_create
from lms.tests.sections_fixtures import make_teacher, pause_by_guessing
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_429_page_tells_how_long_to_wait_in_dutch(page, live_server, home_page, settings):
    settings.CERTIFICATES_VERIFY_RATE = "1/60"
    page.goto("/nl/verify/?code=7K3M-Q9XD-2HFA-BWNC")
    response = page.goto("/nl/verify/?code=7K3M-Q9XD-2HFA-BWNC")
    assert response.status == 429
    assert 0 < int(response.headers["retry-after"]) <= 60
    expect(page.get_by_role("heading", level=1)).to_have_text("Te veel aanvragen")
    expect(page.get_by_role("alert")).to_contain_text("Wacht 1 minuut")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar de startpagina").click()
    expect(page).to_have_url(f"{live_server.url}/nl/")


def test_a_teacher_lets_a_paused_child_try_again(page, live_server, home_page):
    teacher = make_teacher()
    section = section_create(
        teacher=teacher, name="4B", language="en", school_year="2026-2027", under_13=False
    )
    (emma,) = section_children_add(section=section, text="Emma", added_by=teacher)
    child_picture_password_set(child=emma, pictures=["sun", "tree", "key"], set_by=teacher)
    pause_by_guessing(SectionChild.objects.get(pk=emma.pk))
    sign_in(page, teacher, live_server)
    page.goto(f"/en/sections/{section.pk}/")
    expect(page.locator(".paused-list li")).to_contain_text("Emma: paused since")
    assert_accessible(page)
    page.get_by_role("button", name="Let Emma try again").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Emma can sign in with the pictures again.")).to_be_visible()
    expect(page.locator(".paused-list")).to_have_count(0)
    assert AuditEntry.objects.filter(action="section.child_pause_lift", actor=teacher).exists()
