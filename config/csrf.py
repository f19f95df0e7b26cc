"""CSRF tokens drawn with one call to the system's random source.

Django draws each character of a CSRF secret and of its mask with its own
`secrets.choice`, one system call each: a new visitor's cookie and the token
of a page's forms cost 64 calls, 60 us of CPU (timeit), about a tenth of the
verification page's time in one process, for every visitor who scans a QR
code. `random_string` draws the same characters, each uniform over the
alphabet, from one `secrets.token_bytes` call: a byte names a character only
below the largest multiple of the alphabet's size (rejection sampling, so no
character is likelier than another), about 3 us. `use()` hands it to Django's
CSRF module in place of `django.utils.crypto.get_random_string`, whose
documented contract (a securely generated string of `length` characters of
`allowed_chars`) it keeps; nothing else of Django changes."""

import secrets

from django.utils.crypto import RANDOM_STRING_CHARS


def random_string(length: int, allowed_chars: str = RANDOM_STRING_CHARS) -> str:
    """`length` characters of `allowed_chars` (at most 256 of them), each drawn
    uniformly from the operating system's secure random source."""
    size = len(allowed_chars)
    if not 0 < size <= 256:
        raise ValueError("between 1 and 256 allowed characters")
    limit = 256 - 256 % size  # bytes at or above it would favour the first characters
    drawn: list[str] = []
    while len(drawn) < length:
        # A quarter more than needed: with 62 characters, 3 % of bytes are set aside.
        batch = secrets.token_bytes(length - len(drawn) + length // 4 + 1)
        drawn += [allowed_chars[byte % size] for byte in batch if byte < limit]
    return "".join(drawn[:length])


def use() -> None:
    """Django's CSRF module draws its secrets and masks with `random_string`."""
    from django.middleware import csrf

    csrf.get_random_string = random_string
