"""A second factor before anything staff-only (issue 19).

A signed-in person whom `lms.permissions.user_is_staff_role` names is sent, on
a staff-only page (the Wagtail and Django admins, the partner, fund, class,
helper and certificate-officer pages):

- without an authenticator, to the page where they add one, with the reason;
- with one but signed in without using it (a session from before), to
  allauth's "confirm with your second factor" page, then back.

Learner pages, sign-out and the account and MFA pages stay open, so nobody is
locked out of adding the factor. Off when settings.MFA_REQUIRED is false.
"""

from urllib.parse import urlencode

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.permissions import user_is_staff_role

# Paths outside the language prefixes that are staff-only.
STAFF_PATH_PREFIXES = ("/cms/", "/django-admin/")
# URL namespaces that are staff-only as a whole.
STAFF_NAMESPACES = frozenset({"partners", "analytics"})
# Staff-only pages of apps that also serve learners: (namespace, name prefix).
STAFF_URL_NAMES = (
    ("lms", "section"),
    ("lms", "helper"),
    ("certificates", "correction"),
    ("certificates", "revoke"),
    ("certificates", "bulk_"),
)
LEARNER_CERTIFICATE_CORRECTIONS = frozenset({"correction_request", "correction_request_for"})


def is_staff_only(request) -> bool:
    """Whether the page being served is staff-only. Read from the URL match
    Django already made for the view (`request.resolver_match`): no second
    resolution per request."""
    if request.path_info.startswith(STAFF_PATH_PREFIXES):
        return True
    match = request.resolver_match
    if match is None:
        return False
    if match.namespace in STAFF_NAMESPACES:
        return True
    name = match.url_name or ""
    if match.namespace == "lms" and name == "statements_export":
        # One's own statements, or a whole course's (staff) with ?course=.
        return "course" in request.GET
    if match.namespace == "certificates" and name in LEARNER_CERTIFICATE_CORRECTIONS:
        return False
    return any(
        match.namespace == namespace and name.startswith(prefix)
        for namespace, prefix in STAFF_URL_NAMES
    )


def used_mfa_in_session(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # After URL resolution, before the view: the match is at hand.
        if (
            settings.MFA_REQUIRED
            and request.user.is_authenticated
            and is_staff_only(request)
            and user_is_staff_role(request.user)
        ):
            return self.mfa_redirect(request)
        return None

    def mfa_redirect(self, request):
        query = urlencode({"next": request.get_full_path()})
        if not is_mfa_enabled(request.user):
            messages.warning(
                request,
                _(
                    "Your role lets you see other people's data or publish content, "
                    "so your account needs a second factor: add a passkey or an "
                    "authenticator app below, then continue."
                ),
            )
            return redirect(f"{reverse('mfa_index')}?{query}")
        if not used_mfa_in_session(request):
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return None
