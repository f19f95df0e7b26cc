"""The Django admin of lms, one module per area."""

from lms.admin import accounts, coaching  # noqa: F401 (each registers its models)
