"""A real OpenID Connect provider (npm oidc-provider, tests/oidc/provider.mjs)
started on 127.0.0.1 for the tests, standing in for itsme or CSAM/FAS, and a
way to walk through its sign-in the way a person's browser does."""

import contextlib
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import pytest
import requests

from conftest import ROOT, free_port

SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_ID = "digiskills-tests"
CLIENT_SECRET = "tests-only-client-secret"  # noqa: S105 (tests only)
# The person the service knows, with the claims itsme gives.
MARIE = {
    "given_name": "Marie-Claire",
    "family_name": "Van den Broeck",
    "email": "marie@example.be",
    "email_verified": True,
}


class Provider:
    def __init__(self, process, issuer: str, base_url: str):
        self.process, self.issuer, self.base_url = process, issuer, base_url

    def app(self, provider_id: str = "itsme", name: str = "itsme", **overrides) -> dict:
        """The allauth app (SOCIALACCOUNT_PROVIDERS) pointing at this provider."""
        settings = {
            "server_url": self.base_url,
            "oauth_pkce_enabled": True,
            "fetch_userinfo": True,
            "scope": ["openid", "profile", "email"],
            **overrides,
        }
        return {
            "provider_id": provider_id,
            "name": name,
            "client_id": CLIENT_ID,
            "secret": CLIENT_SECRET,
            "settings": settings,
        }


@contextlib.contextmanager
def provider_running(*, redirect_uris, mode: str = "normal", issuer_host: str = "127.0.0.1"):
    """Start provider.mjs; `issuer_host` other than 127.0.0.1 makes it name
    another issuer than the address it is reached at."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    config = {
        "port": port,
        "issuer": f"http://{issuer_host}:{port}",
        "mode": mode,
        "clients": [
            {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": list(redirect_uris),
            }
        ],
        "accounts": {"marie": MARIE},
    }
    process = subprocess.Popen(
        [node, str(SCRIPT), json.dumps(config)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line.startswith("READY"):
            raise RuntimeError(f"oidc-provider did not start: {line!r}")
        yield Provider(process, config["issuer"], base_url)
    finally:
        process.terminate()
        process.wait(timeout=10)


TEST_CALLBACKS = [
    "http://testserver/accounts/oidc/itsme/login/callback/",
    "http://testserver/accounts/oidc/csam/login/callback/",
]


@pytest.fixture(scope="module")
def oidc_provider():
    with provider_running(redirect_uris=TEST_CALLBACKS) as provider:
        yield provider


def use_provider(settings, *apps: dict) -> None:
    """Switch the identity services on, pointing at test providers."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "provider_class": "lms.identity_providers.IdentityServiceProvider",
            "OAUTH_PKCE_ENABLED": True,
            "APPS": list(apps),
        }
    }


def replace_query(url: str, **changes) -> str:
    """The URL with query parameters replaced (None removes one)."""
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return urlunsplit(parts._replace(query=urlencode(query)))


def _form_action(html: str) -> str:
    return re.search(r'<form[^>]*action="([^"]+)"', html).group(1)


def provider_sign_in(authorize_url: str, *, login: str = "marie") -> str:
    """Walk through the provider's sign-in and consent as a browser would;
    returns the URL it sends the person back to (on the platform)."""
    browser = requests.Session()
    provider_host = urlsplit(authorize_url).netloc
    url, method, data = authorize_url, "get", None
    for _ in range(12):
        response = browser.request(method, url, data=data, allow_redirects=False, timeout=10)
        if response.is_redirect:
            target = urljoin(url, response.headers["Location"])
            if urlsplit(target).netloc != provider_host:
                return target
            url, method, data = target, "get", None
            continue
        response.raise_for_status()
        action = urljoin(url, _form_action(response.text))
        if 'name="login"' in response.text:
            data = {"prompt": "login", "login": login, "password": "any"}
        else:
            data = {"prompt": "consent"}
        url, method = action, "post"
    raise AssertionError("the provider's sign-in did not end")


def platform_sign_in(
    client, *, provider_id="itsme", language="fr", process="login", tamper=None, login="marie"
):
    """Press "Sign in with itsme" on the platform, sign in at the provider,
    come back: the platform's answer to the callback."""
    start = client.post(
        f"/{language}/accounts/oidc/{provider_id}/login/",
        {"process": process, "next": f"/{language}/"},
    )
    assert start.status_code == 302, start.content[:500]
    authorize_url = start["Location"]
    if tamper is not None:
        authorize_url = tamper(authorize_url)
    back = urlsplit(provider_sign_in(authorize_url, login=login))
    assert back.netloc == "testserver"
    return client.get(f"{back.path}?{back.query}"), authorize_url
