"""Errors that learning services raise for a learner to read."""


class LearningError(Exception):
    """A request the rules refuse (attempt limit, deadline, tampered ids...).

    `message` is already translated for the person; `code` names the case for
    views and tests."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code
