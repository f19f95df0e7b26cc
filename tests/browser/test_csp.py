"""The main pages under the Content-Security-Policy in Chromium: no violation
on the learner's pages (home, catalogue, a lesson with an H5P exercise played
from the player origin, a quiz, a puzzle, the account) nor on the Wagtail and
Django admin pages an editor uses (dashboard, page editor, image chooser)."""

from urllib.parse import urlsplit

import pytest

from lms.services import enrolment_create
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from lms.tests.h5p import add_h5p_block
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Each document (the page and its frames) records its violations before any
# of its own scripts run; the console and uncaught errors are kept too.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.__violations.push(event.violatedDirective + ' ' + event.blockedURI + ' '
                           + event.sourceFile + ':' + event.lineNumber);
});
"""


@pytest.fixture
def watched(page, live_server, settings, tmp_path):
    port = urlsplit(live_server.url).port
    settings.SITE_URL = f"http://localhost:{port}"
    settings.H5P_PLAYER_ORIGIN = f"http://127.0.0.1:{port}"
    settings.MEDIA_ROOT = tmp_path / "media"
    page.add_init_script(LISTEN)
    page.problems = []
    page.on(
        "console",
        lambda message: (
            page.problems.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.base = f"http://localhost:{port}"
    return page


def _visit(page, path: str, *, ready=None) -> None:
    page.goto(page.base + path)
    page.wait_for_load_state("networkidle")
    if ready:
        ready()
    page.wait_for_timeout(200)
    violations = [v for frame in page.frames for v in (frame.evaluate("window.__violations || []"))]
    assert violations == [], (path, violations)
    assert page.problems == [], (path, page.problems)


def test_the_learners_pages_run_under_the_policy(watched, home_page, live_server):
    from courses.puzzles.demo import seed

    page = watched
    seed()
    setup = add_h5p_block(course_tree(home_page))
    learner = UserFactory(preferred_language="en")
    enrolment_create(learner=learner, course=setup.tree.course, source="self")

    _visit(page, "/en/")
    _visit(page, setup.tree.course.url)
    _visit(page, "/en/puzzles/1/", ready=lambda: page.locator(".blocklySvg").first.wait_for())
    sign_in(page, learner, live_server, url=page.base)
    _visit(
        page,
        setup.lesson.url,
        ready=lambda: (
            page.frame_locator("iframe.activity__player")
            .get_by_role("button", name="Check")
            .wait_for()
        ),
    )
    _visit(page, setup.tree.practice_lesson.url)
    _visit(page, "/en/learning/")
    _visit(page, "/en/me/")


def test_the_admin_pages_run_under_the_policy(watched, home_page, live_server):
    page = watched
    tree = course_tree(home_page)
    staff = UserFactory(is_staff=True, is_superuser=True)
    sign_in(page, staff, live_server, url=page.base)

    _visit(page, "/cms/")
    _visit(page, f"/cms/pages/{tree.lessons[0].pk}/edit/")
    _visit(page, "/cms/images/")
    _visit(page, "/cms/images/chooser/")
    _visit(page, "/django-admin/")
    _visit(page, "/django-admin/lms/user/")
