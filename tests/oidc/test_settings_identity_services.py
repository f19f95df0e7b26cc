"""Each identity service is switched on by its own environment variables only,
read by a fresh interpreter as a deployment would."""

import json

from tests.test_settings import _manage

PRINT_APPS = (
    "from django.conf import settings; import json; "
    "print(json.dumps(settings.SOCIALACCOUNT_PROVIDERS['openid_connect']['APPS']))"
)
ITSME = {
    "ITSME_OIDC_SERVER_URL": "https://idp.prd.itsme.services/v2",
    "ITSME_OIDC_CLIENT_ID": "digiskills",
    "ITSME_OIDC_CLIENT_SECRET": "s3cret",
}


def _apps(env: dict) -> list[dict]:
    unset = {f"{p}_OIDC_{k}": "" for p in ("ITSME", "CSAM") for k in ("SERVER_URL", "SCOPES")}
    result = _manage("shell", "-c", PRINT_APPS, extra_env={**unset, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_service_without_its_variables_and_none_half_configured():
    assert _apps({}) == []
    assert _apps({**ITSME, "ITSME_OIDC_CLIENT_SECRET": ""}) == []


def test_itsme_alone_with_pkce_and_default_scopes():
    (app,) = _apps(ITSME)
    assert (app["provider_id"], app["name"], app["client_id"]) == ("itsme", "itsme", "digiskills")
    assert app["settings"]["oauth_pkce_enabled"] is True
    assert app["settings"]["scope"] == ["openid", "profile", "email"]
    assert app["settings"]["server_url"] == ITSME["ITSME_OIDC_SERVER_URL"]


def test_both_services_with_their_own_scopes():
    csam = {
        "CSAM_OIDC_SERVER_URL": "https://idp.iamfas.belgium.be/fas/oauth2",
        "CSAM_OIDC_CLIENT_ID": "digiskills-fas",
        "CSAM_OIDC_CLIENT_SECRET": "s3cret",
        "CSAM_OIDC_SCOPES": "openid profile egovnrn",
        "CSAM_OIDC_TOKEN_AUTH_METHOD": "client_secret_basic",
    }
    apps = {app["provider_id"]: app for app in _apps({**ITSME, **csam})}
    assert set(apps) == {"itsme", "csam"}
    assert apps["csam"]["settings"]["scope"] == ["openid", "profile", "egovnrn"]
    assert apps["csam"]["settings"]["token_auth_method"] == "client_secret_basic"
