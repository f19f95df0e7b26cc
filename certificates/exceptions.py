"""Errors that certificates services raise for a person to read."""


class CertificateError(Exception):
    """A request the rules refuse. `message` is translated; `code` names the case."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code
