"""localstripe for the tests: a real, stateful fake Stripe (from PyPI) started
once per session on a free port; `localstripe` points the settings at it and
empties its store, `localstripe_webhook` also registers our webhook at it for
the live server. Registered as a pytest plugin in the root conftest.py.

localstripe has PaymentIntents, PaymentMethods (cards, SEPA debits) and
refunds, and sends signed webhooks one second after an event; it has no
Checkout Sessions, no Bancontact and no real Stripe.js."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
TEST_SECRET_KEY = "sk_test_localstripe"
TEST_PUBLISHABLE_KEY = "pk_test_localstripe"
TEST_WEBHOOK_SECRET = "whsec_test_localstripe"
WEBHOOK_PATH = "/payments/stripe/webhook/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _command() -> list[str]:
    script = Path(sys.executable).parent / "localstripe"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "localstripe"]


def localstripe_ready(base: str, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            answer = requests.get(f"{base}/v1/customers", auth=(TEST_SECRET_KEY, ""), timeout=1)
            if answer.status_code == 200:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.1)
    return False


@pytest.fixture(scope="session")
def localstripe_server(tmp_path_factory):
    """The base URL of a localstripe started for this test session."""
    port = _free_port()
    log = tmp_path_factory.mktemp("localstripe") / "localstripe.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [*_command(), "--port", str(port), "--from-scratch"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        if not localstripe_ready(base):
            raise RuntimeError(f"localstripe did not start: {log.read_text()[-2000:]}")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def localstripe_flush(base: str) -> None:
    requests.delete(f"{base}/_config/data", timeout=5).raise_for_status()


def localstripe_register_webhook(base: str, url: str, *, name: str = "digiskills") -> None:
    """Have localstripe send its events, signed with the test secret, to `url`."""
    requests.post(
        f"{base}/_config/webhooks/{name}",
        data={"url": url, "secret": TEST_WEBHOOK_SECRET},
        timeout=5,
    ).raise_for_status()


@pytest.fixture
def localstripe(localstripe_server, settings):
    """The settings pointed at localstripe, its store emptied; its base URL."""
    settings.STRIPE_SECRET_KEY = TEST_SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = TEST_PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe_server
    localstripe_flush(localstripe_server)
    # Events of an earlier test must not reach this one's server.
    localstripe_register_webhook(localstripe_server, "http://127.0.0.1:9/unused")
    return localstripe_server


@pytest.fixture
def localstripe_webhook(localstripe, live_server):
    """localstripe with our webhook registered at the live server."""
    localstripe_register_webhook(localstripe, live_server.url + WEBHOOK_PATH)
    return localstripe
