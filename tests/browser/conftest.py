"""Browser tests: Playwright driving Debian's Chromium, with axe-core (npm)
injected into the page. Playwright's own browser download is not used.

Locally the tests are skipped when Chromium is missing; CI sets
BROWSER_TESTS=required so that a missing browser fails instead."""

import json
import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# An assertion on what a page shows waits for it as long as an action waits
# for its element: a click that submits a form returns before the answer has
# been drawn, and a check made at once would race the server (`is_visible()`
# does not wait; `expect(...).to_be_visible()` does).
expect.set_options(timeout=10_000)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not Path(CHROMIUM).exists():
        if os.environ.get("BROWSER_TESTS") == "required":
            pytest.fail(f"Chromium not found at {CHROMIUM} and BROWSER_TESTS=required")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci --ignore-scripts`")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    recorded = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with sync_playwright() as playwright:
        # Playwright's sync API gives the test thread a new context, and with it
        # new Django connection objects: hand them the database contents recorded
        # at set-up, which serialized_rollback restores after each flush.
        for alias, contents in recorded.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab on a phone-sized screen (360 px wide)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    # Leaving a page can send a last request (the exam page's focus-loss
    # beacon): leave it here and let the server answer it before the test's
    # database is flushed, or the two race for the same tables.
    tab.goto("about:blank")
    tab.wait_for_timeout(300)
    context.close()


def axe_violations(page, *, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA rules and best practices) on the page and return
    the violations of the given impacts, each with the elements it found."""
    # Contrast is measured on the final colours, not mid fade-in (Wagtail's messages).
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => null)))"""
    )
    # Evaluated through the DevTools protocol, which the page's
    # Content-Security-Policy does not govern (a <script> tag would be refused).
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}
        })"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)


def assert_no_horizontal_scroll(page) -> None:
    # A click that navigates may still be loading the next document.
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"page is {width}px wide on a {viewport}px screen"


def sign_in(page, user, live_server, *, url: str | None = None) -> None:
    """The browser tab is signed in as `user` (a session made by the test
    client; any earlier session of the tab is dropped), on `url` (the live
    server's address unless another host name of it is given)."""
    from django.conf import settings as django_settings
    from django.test import Client

    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": url or live_server.url}]
    )
