"""Security headers on every platform response: the Content-Security-Policy
(django-csp, with what only the running settings know added per request), the
Permissions-Policy, and the endpoint browsers send CSP violation reports to.

The H5P player origin answers before these middlewares run
(courses.h5p.origin.PlayerOriginMiddleware) and keeps its own stricter policy."""

import json
import logging
from functools import lru_cache
from urllib.parse import urlsplit

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.ratelimit import client_address, hit

logger = logging.getLogger("digiskills.csp")

# Reports larger than this are not read (a real report is well under 4 KB).
REPORT_MAX_BYTES = 16 * 1024
REPORT_CONTENT_TYPES = ("application/csp-report", "application/reports+json", "application/json")
# The fields of a report that are logged, each cut to REPORT_FIELD_CHARS.
REPORT_FIELDS = (
    "document-uri",
    "documentURL",
    "blocked-uri",
    "blockedURL",
    "violated-directive",
    "effective-directive",
    "effectiveDirective",
    "source-file",
    "sourceFile",
    "line-number",
    "lineNumber",
    "disposition",
)
REPORT_FIELD_CHARS = 200


def _origin(url: str) -> str | None:
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _sign_in_origins() -> list[str]:
    """The OpenID Connect providers' origins: a sign-in button posts to the
    platform, which redirects to the provider, and form-action covers redirects."""
    providers = getattr(settings, "SOCIALACCOUNT_PROVIDERS", {}) or {}
    apps = (providers.get("openid_connect") or {}).get("APPS") or []
    origins = []
    for app in apps:
        origin = _origin(((app or {}).get("settings") or {}).get("server_url", ""))
        if origin:
            origins.append(origin)
    return origins


def _is_admin(path: str) -> bool:
    return path.startswith(tuple(settings.SECURITY_CSP_ADMIN_PATH_PREFIXES))


# What makes a response's policy its own (django-csp's decorators and exemptions).
_OWN_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt",
    "_csp_exempt_ro",
)
# The headers django-csp gave a response without a nonce or a policy of its
# own, per kind of page: (admin, excluded by the policy, by the report-only
# policy) -> (policy, report-only policy). Kept until a setting changes.
_policies: dict[tuple[bool, bool, bool], tuple[str | None, str | None]] = {}


def _forget(**kwargs) -> None:
    _policies.clear()
    permissions_policy.cache_clear()


setting_changed.connect(_forget, dispatch_uid="config.security.forget")


def _excluded(path: str, policy: dict | None) -> bool:
    return path.startswith(tuple((policy or {}).get("EXCLUDE_URL_PREFIXES") or ()))


class PlatformCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, plus the parts of the policy that depend on the
    running settings: the H5P player's origin in frame-src, the sign-in
    providers in form-action, and the admin's own policy under /cms/.

    Most responses use no nonce and carry no policy of their own: for those the
    headers django-csp builds depend only on the settings and the kind of page,
    so they are built once per process (about 40 us of a response's CPU)."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or HEADER in response
            or HEADER_REPORT_ONLY in response
            or any(hasattr(response, name) for name in _OWN_POLICY)
        ):
            return super().process_response(request, response)
        path = request.path_info
        kind = (
            _is_admin(path),
            _excluded(path, getattr(settings, "CONTENT_SECURITY_POLICY", None)),
            _excluded(path, getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)),
        )
        kept = _policies.get(kind)
        if kept is None:
            response = super().process_response(request, response)
            _policies[kind] = (response.get(HEADER), response.get(HEADER_REPORT_ONLY))
            return response
        policy, report_only = kept
        if policy:
            response[HEADER] = policy
        if report_only:
            response[HEADER_REPORT_ONLY] = report_only
        # As django-csp: a nonce asked for once the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        update: dict[str, list[str]] = {}
        player = _origin(settings.H5P_PLAYER_ORIGIN)
        if player:
            update["frame-src"] = [player]
        form_targets = _sign_in_origins() + list(settings.SECURITY_CSP_FORM_ACTION_EXTRA)
        if form_targets:
            update["form-action"] = form_targets
        if _is_admin(request.path_info) and parts.config is None:
            # Wagtail's admin still writes a few inline scripts (InlinePanel,
            # date choosers) and many style attributes: staff-only pages,
            # behind sign-in, get 'unsafe-inline' and no nonce (a nonce would
            # switch 'unsafe-inline' off).
            parts.config = settings.SECURITY_CSP_ADMIN_DIRECTIVES
            parts.nonce = None
        merged = dict(parts.update or {})
        for directive, sources in update.items():
            merged[directive] = [*merged.get(directive, []), *sources]
        parts.update = merged
        return parts


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response that has none yet (the H5P player
    origin sets its own)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy()
        return response


@lru_cache(maxsize=1)
def permissions_policy() -> str:
    """The Permissions-Policy header (built once per process, until a setting changes)."""
    features = dict(settings.PERMISSIONS_POLICY)
    player = _origin(settings.H5P_PLAYER_ORIGIN)
    allowed = []
    for feature, origins in features.items():
        names = [o if o == "self" or o == "*" else f'"{o}"' for o in origins]
        if feature in settings.PERMISSIONS_POLICY_PLAYER_FEATURES and player:
            names.append(f'"{player}"')
        allowed.append(f"{feature}=({' '.join(names)})")
    return ", ".join(allowed)


def _summary(body: bytes) -> list[dict]:
    """The violation reports in `body`, each cut down to REPORT_FIELDS; [] for
    anything that is not a report."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return []
    if isinstance(data, dict):
        # report-uri: {"csp-report": {...}}
        items = [data.get("csp-report")]
    elif isinstance(data, list):
        # report-to (Reporting API): [{"type": "csp-violation", "body": {...}}, ...]
        items = [item.get("body") for item in data[:20] if isinstance(item, dict)]
    else:
        return []
    reports = []
    for item in items:
        if not isinstance(item, dict):
            continue
        report = {
            key: str(item[key])[:REPORT_FIELD_CHARS]
            for key in REPORT_FIELDS
            if isinstance(item.get(key), str | int)
        }
        if report:
            reports.append(report)
    return reports


@csrf_exempt
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """Where browsers send CSP violation reports: bounded, rate limited, logged
    as a short summary. Always 204 for a report or junk, so nothing learns more."""
    content_type = request.content_type or ""
    if content_type not in REPORT_CONTENT_TYPES:
        return HttpResponse(status=415)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = REPORT_MAX_BYTES + 1
    if length > REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    if (
        hit(f"csp-report:{client_address(request)}", rate=settings.SECURITY_CSP_REPORT_RATE)
        is not None
    ):
        return HttpResponse(status=429)
    body = request.read(REPORT_MAX_BYTES + 1)
    if len(body) > REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    for report in _summary(body):
        logger.warning("csp violation %s", json.dumps(report, sort_keys=True))
    return HttpResponse(status=204)
