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


# The page image of a certificate as issued: its address is signed by the
# server when it shows the verdict of a dropped file, so that it needs what the
# verification itself needed (no oracle for guessing codes) and expires.
AS_ISSUED_SALT = "certificates.as-issued-image"
AS_ISSUED_MAX_AGE = 24 * 3600


def as_issued_image_path(code: str, language: str) -> str:
    from django.core import signing
    from django.urls import reverse

    token = signing.dumps([code, language], salt=AS_ISSUED_SALT)
    return reverse("certificates_public:as_issued_image", args=[token])


def as_issued_image_key(token: str) -> tuple[str, str] | None:
    """(code, language) of a signed image address, or None when forged or expired."""
    from django.core import signing

    try:
        code, language = signing.loads(token, salt=AS_ISSUED_SALT, max_age=AS_ISSUED_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return str(code), str(language)
