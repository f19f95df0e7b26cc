"""Public addresses of certificates, for the QR code, share links and credentials."""

from django.conf import settings

from certificates import codes


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def verify_path(code: str) -> str:
    """The language-free deep link of the QR code: the locale middleware sends
    the visitor on to the verification page in their language, code filled in."""
    return f"/verify/?code={codes.display(code)}"


def verify_url(code: str) -> str:
    return absolute(verify_path(code))
