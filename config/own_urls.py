"""Where a page may send someone back to: an address of our own, never a
foreign site (an open redirect would lend the platform's name to phishing)."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def own_url(request: HttpRequest, candidate: str) -> str:
    """`candidate` when it points to this site (a path, or our own host with
    the request's scheme), else ""."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""
